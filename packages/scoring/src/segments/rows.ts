import type { ScoringContext } from '../context.js';
import { formatPercent, round } from '../format.js';
import type { JsonObject, SegmentRow } from '../types.js';
import type { Slice } from '../slice.js';
import { segmentFacts, type SegmentFacts } from './facts.js';
import { ruleSegment, segmentRules, type SegmentRule } from './rules.js';

type Segments = ScoringContext['config']['segments'];

function percent(value: number | null): string {
  return value === null ? 'unknown' : formatPercent(value);
}

function maintainReason(facts: SegmentFacts, segments: Segments): string {
  const attainment = facts.trailing_attainment;
  const window = segments.attainment_window_periods;
  if (attainment === null) return `no target in the last ${window} periods, so attainment cannot be judged`;
  const shown = `${window}-period attainment ${percent(attainment)}`;
  if (attainment >= segments.grow.min_attainment)
    return `${shown} is above ${percent(segments.grow.min_attainment)} but health ${facts.health_score} is below ${segments.grow.min_health_score}`;
  if (attainment < segments.intervene.max_attainment)
    return `${shown} is below ${percent(segments.intervene.max_attainment)} but engagement ${facts.engagement_score === null ? 'is unknown' : `${round(facts.engagement_score, 0)} is below ${segments.intervene.min_engagement_score}`}`;
  return `${shown} is between ${percent(segments.intervene.max_attainment)} and ${percent(segments.grow.min_attainment)}`;
}

function reason(rule: SegmentRule, facts: SegmentFacts, segments: Segments, daysPerPeriod: number): string {
  const attainment = `${segments.attainment_window_periods}-period attainment ${percent(facts.trailing_attainment)}`;
  switch (rule) {
    case 'onboarding_grace':
      return `onboarded ${facts.months_since_onboarding} months ago, within the ${segments.onboarding_grace_months}-month grace period`;
    case 'exit_review_inactive':
      return facts.days_since_last_commercial_activity === null
        ? `no revenue and no deal registrations for ${facts.periods_without_activity} periods`
        : `no commercial activity for ${facts.days_since_last_commercial_activity} days (review at ${segments.exit_review.inactive_periods * daysPerPeriod})`;
    case 'exit_review_after_intervention':
      return `in intervene since ${facts.intervention?.since ?? 'earlier'} and ${attainment} has not improved on ${percent(facts.intervention?.attainment_then ?? null)} by ${formatPercent(segments.exit_review.min_improvement)} points`;
    case 'grow':
      return `${attainment} is at or above ${percent(segments.grow.min_attainment)} and health ${facts.health_score} is at or above ${segments.grow.min_health_score}`;
    case 'intervene':
      return `${attainment} is below ${percent(segments.intervene.max_attainment)} while engagement ${round(facts.engagement_score ?? 0, 0)} is at or above ${segments.intervene.min_engagement_score}`;
    case 'maintain':
      return maintainReason(facts, segments);
  }
}

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

function evidence(rule: SegmentRule, facts: SegmentFacts, segments: Segments, limits: JsonObject): JsonObject {
  return {
    rule,
    months_since_onboarding: facts.months_since_onboarding,
    days_since_last_commercial_activity: facts.days_since_last_commercial_activity,
    periods_without_activity: facts.periods_without_activity,
    trailing_attainment: facts.trailing_attainment === null ? null : round(facts.trailing_attainment, 4),
    attainment_window_periods: segments.attainment_window_periods,
    health_score: facts.health_score,
    engagement_score: facts.engagement_score === null ? null : round(facts.engagement_score, 1),
    intervention: facts.intervention,
    thresholds: limits,
  };
}

/** The thresholds of each rule, built once per call and shared by the evidence of every row. */
function thresholdsByRule(segments: Segments, daysPerPeriod: number): Readonly<Record<SegmentRule, JsonObject>> {
  return Object.fromEntries(segmentRules.map((rule) => [rule, Object.freeze(thresholds(rule, segments, daysPerPeriod))])) as Record<SegmentRule, JsonObject>;
}

/** The segments row of row `index` of a period: the rule that fired, a reason and evidence. */
function segmentRowWith(context: ScoringContext, period: number, index: number, limits: Readonly<Record<SegmentRule, JsonObject>>): SegmentRow {
  const { history, config, daysPerPeriod } = context;
  const rule = segmentRules[context.segments(period).rules[index]!]!;
  const facts = segmentFacts(context, period, index);
  return {
    partner_id: history.rowsByPeriod[period]![index]!.partner_id,
    period_start: history.periods[period]!,
    config_version: context.configVersion,
    segment: ruleSegment[rule],
    rule,
    trailing_attainment: facts.trailing_attainment === null ? null : round(facts.trailing_attainment, 4),
    reason: reason(rule, facts, config.segments, daysPerPeriod),
    evidence: evidence(rule, facts, config.segments, limits[rule]),
  };
}

export function segmentRows(context: ScoringContext, period: number, slice: Slice): SegmentRow[] {
  const limits = thresholdsByRule(context.config.segments, context.daysPerPeriod);
  const rows: SegmentRow[] = [];
  for (let index = slice.from; index < slice.to; index++) rows.push(segmentRowWith(context, period, index, limits));
  return rows;
}
