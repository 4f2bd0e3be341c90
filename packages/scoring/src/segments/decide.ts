import type { ScoringConfig } from '../config/schema.js';
import type { ScoringContext } from '../context.js';
import type { ColumnAllocator } from '../health/memory.js';
import { lookBack, segmentFacts, type SegmentDecisions, type SegmentFacts } from './facts.js';
import { segmentRules, type SegmentRule } from './rules.js';

type Segments = ScoringConfig['segments'];

/**
 * Inactive: days_since_last_commercial_activity reaches inactive_periods whole periods;
 * when that metric is missing, the same number of periods in a row without revenue or
 * deal registrations.
 */
export function isInactive(facts: SegmentFacts, segments: Segments, daysPerPeriod: number): boolean {
  const periods = segments.exit_review.inactive_periods;
  return facts.days_since_last_commercial_activity === null
    ? facts.periods_without_activity >= periods
    : facts.days_since_last_commercial_activity >= periods * daysPerPeriod;
}

/** In intervene M periods ago, below the intervene level since, and attainment has not risen by min_improvement. */
export function hasStalled(facts: SegmentFacts, segments: Segments): boolean {
  const { intervention, trailing_attainment: now } = facts;
  if (!intervention || now === null) return false;
  return intervention.attainment_then === null || now < intervention.attainment_then + segments.exit_review.min_improvement;
}

/** The first rule that holds, in the documented precedence (segmentRules order). */
export function chooseRule(facts: SegmentFacts, segments: Segments, daysPerPeriod: number): SegmentRule {
  const attainment = facts.trailing_attainment;
  if (facts.months_since_onboarding < segments.onboarding_grace_months) return 'onboarding_grace';
  if (isInactive(facts, segments, daysPerPeriod)) return 'exit_review_inactive';
  if (hasStalled(facts, segments)) return 'exit_review_after_intervention';
  if (attainment !== null && attainment >= segments.grow.min_attainment && facts.health_score >= segments.grow.min_health_score)
    return 'grow';
  if (
    attainment !== null &&
    attainment < segments.intervene.max_attainment &&
    facts.engagement_score !== null &&
    facts.engagement_score >= segments.intervene.min_engagement_score
  )
    return 'intervene';
  return 'maintain';
}

export function decideSegments(context: ScoringContext, period: number, allocate: ColumnAllocator): SegmentDecisions {
  const size = context.history.rowsByPeriod[period]?.length ?? 0;
  const decisions: SegmentDecisions = { rules: allocate.uint8(size), periodsWithoutActivity: allocate.uint16(size), intervened: allocate.uint8(size) };
  for (let index = 0; index < size; index++) {
    lookBack(context, period, index, decisions);
    const facts = segmentFacts(context, period, index, decisions);
    decisions.rules[index] = segmentRules.indexOf(chooseRule(facts, context.config.segments, context.daysPerPeriod));
  }
  return decisions;
}
