import { describe, expect, it } from 'vitest';
import { createScorer, segmentRules, type SegmentRule } from '../src/index.js';
import { partnerSeries, type RowInput } from './support/rows.js';
import { ruleConfig, sales } from './support/scenarios.js';

const months = 14;
const last = '2027-02-01';

/** The segment row of the last month of one partner's series. */
function lastSegment(month: (index: number) => RowInput, extra = {}) {
  const rows = partnerSeries('2026-01-01', months, (index) => ({ days_since_last_commercial_activity: 5, active_portal_days: 6, ...month(index) }));
  return createScorer(rows, ruleConfig(extra)).scorePeriod(last).segments[0]!;
}

describe('segment rules', () => {
  it.each<[string, (index: number) => RowInput, SegmentRule]>([
    ['onboarding within the grace period', () => ({ months_since_onboarding: 3, ...sales(1.3) }), 'onboarding_grace'],
    ['onboarding takes precedence over inactivity', () => ({ months_since_onboarding: 2, days_since_last_commercial_activity: 200, ...sales(0) }), 'onboarding_grace'],
    ['exit review after 90 days without commercial activity', () => ({ days_since_last_commercial_activity: 95, ...sales(0) }), 'exit_review_inactive'],
    ['no exit review at 89 days', () => ({ days_since_last_commercial_activity: 89, ...sales(0.95) }), 'maintain'],
    ['inactivity takes precedence over grow', () => ({ days_since_last_commercial_activity: 100, ...sales(1.3) }), 'exit_review_inactive'],
    ['exit review from 3 periods without revenue or registrations when the days metric is missing', () => ({ days_since_last_commercial_activity: null, registrations_submitted: 0, ...sales(0) }), 'exit_review_inactive'],
    ['grow above target and healthy', () => ({ ...sales(1.3), active_portal_days: 8 }), 'grow'],
    ['maintain above target when health is too low', () => ({ ...sales(1.15), active_portal_days: 0 }), 'maintain'],
    ['intervene below target with positive engagement', (index) => ({ ...sales(index < 10 ? 1 : 0.5), active_portal_days: 8 }), 'intervene'],
    ['intervene through a long decline that has not lasted 12 periods', (index) => ({ ...sales(index < 4 ? 1 : 0.75 - index * 0.02), active_portal_days: 8 }), 'intervene'],
    ['maintain below target with weak engagement', (index) => ({ ...sales(index < 10 ? 1 : 0.5), active_portal_days: 1 }), 'maintain'],
    ['maintain between the intervene and grow levels', () => sales(0.95), 'maintain'],
    ['exit review after 12 periods in intervene without improvement', () => ({ ...sales(0.5), active_portal_days: 8 }), 'exit_review_after_intervention'],
    ['stay in intervene when attainment improved by 5 points', (index) => ({ ...sales(0.4 + index * 0.01), active_portal_days: 8 }), 'intervene'],
  ])('%s', (_, month, rule) => {
    expect(lastSegment(month).rule).toBe(rule);
  });

  it('lists the rules in their precedence order', () => {
    expect(segmentRules).toEqual(['onboarding_grace', 'exit_review_inactive', 'exit_review_after_intervention', 'grow', 'intervene', 'maintain']);
  });

  it('judges attainment as a ratio of sums over the window, not an average of monthly ratios', () => {
    const row = lastSegment((index) => (index < months - 1 ? { revenue: 150, target: 100, active_portal_days: 8 } : { revenue: 500, target: 1000, active_portal_days: 8 }));
    // (150 + 150 + 500) / (100 + 100 + 1000) = 0.667, while the monthly ratios average 1.17.
    expect(row.trailing_attainment).toBeCloseTo(0.6667, 4);
    expect(row.segment).toBe('intervene');
  });

  it('records the numbers that made the rule fire and says why in plain words', () => {
    const row = lastSegment(() => ({ ...sales(1.3), active_portal_days: 8 }));
    expect(row.segment).toBe('grow');
    expect(row.reason).toBe('3-period attainment 130% is at or above 110% and health 83 is at or above 50');
    expect(row.evidence).toMatchObject({ rule: 'grow', trailing_attainment: 1.3, health_score: 83, thresholds: { min_attainment: 1.1, min_health_score: 50 } });
  });

  it('explains an exit review after an intervention', () => {
    const row = lastSegment(() => ({ ...sales(0.5), active_portal_days: 8 }));
    expect(row.reason).toMatch(/^in intervene since 2026-02-01 and 3-period attainment 50% has not improved on 50% by 5% points$/);
    expect(row.evidence).toMatchObject({ intervention: { since: '2026-02-01', attainment_then: 0.5 }, thresholds: { after_intervention_periods: 12 } });
  });
});
