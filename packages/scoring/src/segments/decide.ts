import type { ScoringConfig } from '../config/schema.js';
import type { ScoringContext } from '../context.js';
import type { ColumnAllocator } from '../health/memory.js';
import { attainmentThen, engagementScore, lookBack, segmentColumns, type SegmentColumns, type SegmentDecisions } from './facts.js';
import { segmentRules } from './rules.js';

type Segments = ScoringConfig['segments'];

const onboarding = segmentRules.indexOf('onboarding_grace');
const inactive = segmentRules.indexOf('exit_review_inactive');
const afterIntervention = segmentRules.indexOf('exit_review_after_intervention');
const grow = segmentRules.indexOf('grow');
const intervene = segmentRules.indexOf('intervene');
const maintain = segmentRules.indexOf('maintain');

/**
 * Inactive: days_since_last_commercial_activity reaches inactive_periods whole periods;
 * when that metric is missing, the same number of periods in a row without revenue or
 * deal registrations.
 */
function isInactive(days: number | null, periodsWithoutActivity: number, segments: Segments, daysPerPeriod: number): boolean {
  const periods = segments.exit_review.inactive_periods;
  return days === null ? periodsWithoutActivity >= periods : days >= periods * daysPerPeriod;
}

/** In intervene M periods ago (checked by the caller), below the intervene level since, and attainment (NaN: unknown) has not risen by min_improvement. */
function hasStalled(now: number, then: number, segments: Segments): boolean {
  if (Number.isNaN(now)) return false;
  return Number.isNaN(then) || now < then + segments.exit_review.min_improvement;
}

/** The first rule that holds for row `index`, in the documented precedence (index into segmentRules); NaN attainment or engagement fails every threshold. */
function chooseRule(context: ScoringContext, period: number, columns: SegmentColumns, index: number): number {
  const segments = context.config.segments;
  const row = columns.rows[index]!;
  const attainment = columns.attainment[index]!;
  if (row.months_since_onboarding < segments.onboarding_grace_months) return onboarding;
  if (isInactive(row.days_since_last_commercial_activity, columns.decisions.periodsWithoutActivity[index]!, segments, context.daysPerPeriod)) return inactive;
  if (columns.decisions.intervened[index] === 1 && hasStalled(attainment, attainmentThen(context, period, index), segments)) return afterIntervention;
  if (attainment >= segments.grow.min_attainment && columns.score[index]! >= segments.grow.min_health_score) return grow;
  if (attainment < segments.intervene.max_attainment && engagementScore(columns, index) >= segments.intervene.min_engagement_score) return intervene;
  return maintain;
}

export function decideSegments(context: ScoringContext, period: number, allocate: ColumnAllocator): SegmentDecisions {
  const size = context.history.rowsByPeriod[period]?.length ?? 0;
  const decisions: SegmentDecisions = { rules: allocate.uint8(size), periodsWithoutActivity: allocate.uint16(size), intervened: allocate.uint8(size) };
  const columns = segmentColumns(context, period, decisions);
  for (let index = 0; index < size; index++) {
    lookBack(context, period, index, decisions);
    decisions.rules[index] = chooseRule(context, period, columns, index);
  }
  return decisions;
}
