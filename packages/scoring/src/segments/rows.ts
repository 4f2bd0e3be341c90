import type { ScoringContext } from '../context.js';
import { round, RoundedValues, roundHalfUp } from '../format.js';
import type { JsonObject, SegmentRow } from '../types.js';
import type { Slice } from '../slice.js';
import { engagementScore, interventionOf, segmentColumns, type SegmentColumns } from './facts.js';
import { segmentOfRule, segmentRules, type SegmentRule } from './rules.js';

type Segments = ScoringContext['config']['segments'];

/** Engagement scores as evidence shows them (one decimal, 0..100). */
const shownEngagement = new RoundedValues(1, 0, 100);

function thresholds(rule: SegmentRule, segments: Segments, daysPerPeriod: number): JsonObject {
  switch (rule) {
    case 'onboarding_grace':
      return { onboarding_grace_months: segments.onboarding_grace_months };
    case 'exit_review_inactive':
      return { inactive_days: segments.exit_review.inactive_periods * daysPerPeriod, inactive_periods: segments.exit_review.inactive_periods };
    case 'exit_review_after_intervention':
      return { after_intervention_periods: segments.exit_review.after_intervention_periods, min_improvement: segments.exit_review.min_improvement };
    case 'grow':
      return { ...segments.grow };
    case 'intervene':
      return { ...segments.intervene };
    case 'maintain':
      return { grow_min_attainment: segments.grow.min_attainment, intervene_max_attainment: segments.intervene.max_attainment };
  }
}

/** Thresholds by rule, per context: freezing new objects for every slice cost as much as a column of the rows. */
const thresholdsOfContext = new WeakMap<ScoringContext, readonly JsonObject[]>();

/** The thresholds of each rule (by rule index), built once per context and shared by the evidence of every row. */
function thresholdsByRule(context: ScoringContext): readonly JsonObject[] {
  let limits = thresholdsOfContext.get(context);
  if (limits === undefined) {
    limits = segmentRules.map((rule) => Object.freeze(thresholds(rule, context.config.segments, context.daysPerPeriod)));
    thresholdsOfContext.set(context, limits);
  }
  return limits;
}

/** What the rows of one slice read, looked up once. */
interface SegmentPeriod {
  readonly context: ScoringContext;
  readonly period: number;
  readonly periodStart: string;
  readonly columns: SegmentColumns;
  readonly limits: readonly JsonObject[];
}

/** The sentence of row `index`, whose rule is `rule` and trailing attainment `attainment` (NaN: unknown). */
function reason(view: SegmentPeriod, index: number, rule: SegmentRule, attainment: number, engagement: number): string {
  const { context, columns } = view;
  const { segmentReasons: reasons } = context;
  const row = columns.rows[index]!;
  switch (rule) {
    case 'onboarding_grace':
      return reasons.onboardingGrace(row.months_since_onboarding);
    case 'exit_review_inactive':
      return reasons.inactive(row.days_since_last_commercial_activity, columns.decisions.periodsWithoutActivity[index]!);
    case 'exit_review_after_intervention': {
      const intervention = interventionOf(context, columns, view.period, index);
      return reasons.afterIntervention(Number.isNaN(attainment) ? null : attainment, intervention?.since ?? 'earlier', intervention?.attainment_then ?? null);
    }
    case 'grow':
      return reasons.growing(attainment, columns.score[index]!);
    case 'intervene':
      return reasons.intervening(attainment, roundHalfUp(Number.isNaN(engagement) ? 0 : engagement));
    case 'maintain':
      return reasons.maintaining(attainment, columns.score[index]!, Number.isNaN(engagement) ? null : roundHalfUp(engagement));
  }
}

/** The segments row of row `index` of a period: the rule that fired, a reason and evidence. */
function segmentRow(view: SegmentPeriod, index: number): SegmentRow {
  const { context, columns } = view;
  const row = columns.rows[index]!;
  const ruleIndex = columns.decisions.rules[index]!;
  const rule = segmentRules[ruleIndex]!;
  const attainment = columns.attainment[index]!;
  const engagement = engagementScore(columns, index);
  const shownAttainment = Number.isNaN(attainment) ? null : round(attainment, 4);
  return {
    partner_id: row.partner_id,
    period_start: view.periodStart,
    config_version: context.configVersion,
    segment: segmentOfRule[ruleIndex]!,
    rule,
    trailing_attainment: shownAttainment,
    reason: reason(view, index, rule, attainment, engagement),
    evidence: {
      rule,
      months_since_onboarding: row.months_since_onboarding,
      days_since_last_commercial_activity: row.days_since_last_commercial_activity,
      periods_without_activity: columns.decisions.periodsWithoutActivity[index]!,
      trailing_attainment: shownAttainment,
      attainment_window_periods: context.config.segments.attainment_window_periods,
      health_score: columns.score[index]!,
      engagement_score: Number.isNaN(engagement) ? null : shownEngagement.of(engagement),
      intervention: interventionOf(context, columns, view.period, index),
      thresholds: view.limits[ruleIndex]!,
    },
  };
}

export function segmentRows(context: ScoringContext, period: number, slice: Slice): SegmentRow[] {
  const view: SegmentPeriod = {
    context,
    period,
    periodStart: context.history.periods[period]!,
    columns: segmentColumns(context, period),
    limits: thresholdsByRule(context),
  };
  const rows = new Array<SegmentRow>(slice.to - slice.from);
  for (let index = slice.from; index < slice.to; index++) rows[index - slice.from] = segmentRow(view, index);
  return rows;
}
