import type { SegmentName } from '../config/schema-outputs.js';

/** Segment rules in precedence order: the first that holds decides. */
export const segmentRules = [
  'onboarding_grace',
  'exit_review_inactive',
  'exit_review_after_intervention',
  'grow',
  'intervene',
  'maintain',
] as const;
export type SegmentRule = (typeof segmentRules)[number];

const ruleSegment: Readonly<Record<SegmentRule, SegmentName>> = {
  onboarding_grace: 'onboarding',
  exit_review_inactive: 'exit_review',
  exit_review_after_intervention: 'exit_review',
  grow: 'grow',
  intervene: 'intervene',
  maintain: 'maintain',
};

/** The segment of each rule, by rule index (a lookup by rule name is a keyed property load per row). */
export const segmentOfRule: readonly SegmentName[] = segmentRules.map((rule) => ruleSegment[rule]);

export const interveneRule = segmentRules.indexOf('intervene');
