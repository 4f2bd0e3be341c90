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

export const ruleSegment: Readonly<Record<SegmentRule, SegmentName>> = {
  onboarding_grace: 'onboarding',
  exit_review_inactive: 'exit_review',
  exit_review_after_intervention: 'exit_review',
  grow: 'grow',
  intervene: 'intervene',
  maintain: 'maintain',
};

export const interveneRule = segmentRules.indexOf('intervene');
