import fc from 'fast-check';
import type { PartnerPeriodMetrics } from '@ppm/core';
import { describe, expect, it } from 'vitest';
import { createScorer, type TierAction } from '../src/index.js';
import { addMonths, metricRow, partnerSeries } from './support/rows.js';
import { ruleConfig } from './support/scenarios.js';

/** Ladder on certified_people: bronze (retain 1), silver (entry 5, retain 3), gold (entry 10, retain 8). */
const config = ruleConfig({
  tiers: {
    min_tenure_periods: 2,
    consecutive_periods: 2,
    ladder: [
      { tier: 'bronze', entry: {}, retain: { certified_people: 1 } },
      { tier: 'silver', entry: { certified_people: 5 }, retain: { certified_people: 3 } },
      { tier: 'gold', entry: { certified_people: 10 }, retain: { certified_people: 8 } },
    ],
  },
});

function recommend(tiers: readonly string[], certified: readonly number[]) {
  const rows = partnerSeries('2026-01-01', tiers.length, (index) => ({ tier: tiers[index]!, certified_people: certified[index]! }));
  return createScorer(rows, config).scorePeriod(addMonths('2026-01-01', tiers.length - 1)).tier_recommendations[0]!;
}

describe('tier recommendations', () => {
  it.each<[string, string[], number[], TierAction, string]>([
    ['promote after qualifying for consecutive_periods', ['silver', 'silver', 'silver', 'silver'], [5, 5, 10, 11], 'promote', 'gold'],
    ['retain while qualifying for fewer periods than needed', ['silver', 'silver', 'silver', 'silver'], [5, 5, 5, 11], 'retain', 'silver'],
    ['retain while the tenure in the current tier is too short', ['bronze', 'bronze', 'bronze', 'silver'], [10, 10, 10, 10], 'retain', 'silver'],
    ['demote after failing retention for consecutive_periods', ['gold', 'gold', 'gold', 'gold'], [10, 10, 7, 7], 'demote', 'silver'],
    ['demote to the highest tier still retained', ['gold', 'gold', 'gold', 'gold'], [10, 10, 2, 2], 'demote', 'bronze'],
    ['exit review below the lowest tier retention', ['bronze', 'bronze', 'bronze', 'bronze'], [1, 1, 0, 0], 'exit_review', 'bronze'],
    ['retain between the retention and entry thresholds (hysteresis)', ['gold', 'gold', 'gold', 'gold'], [9, 8, 9, 8], 'retain', 'gold'],
    ['promote more than one tier when qualifying for it throughout', ['bronze', 'bronze', 'bronze', 'bronze'], [0, 0, 12, 12], 'promote', 'gold'],
  ])('%s', (_, tiers, certified, action, recommended) => {
    const row = recommend(tiers, certified);
    expect([row.action, row.recommended_tier]).toEqual([action, recommended]);
  });

  it('reports the criteria checked with their numbers and a reason', () => {
    const row = recommend(['silver', 'silver', 'silver', 'silver'], [5, 5, 10, 11]);
    expect(row.reason).toBe('promote to gold: met its entry criteria for 2 periods in a row (certified_people 11 >= 10); 4 periods in silver (minimum 2)');
    expect(row.criteria).toEqual([
      { tier: 'silver', kind: 'retain', measure: 'certified_people', value: 11, threshold: 3, passed: true },
      { tier: 'gold', kind: 'entry', measure: 'certified_people', value: 11, threshold: 10, passed: true },
    ]);
    expect([row.tenure_periods, row.qualifying_periods]).toEqual([4, 2]);
  });

  it('derives tenure from the tier column', () => {
    expect(recommend(['bronze', 'silver', 'silver', 'silver'], [5, 5, 5, 5]).tenure_periods).toBe(3);
  });

  it('makes no recommendation for a tier that is not on the ladder', () => {
    const row = recommend(['diamond', 'diamond'], [20, 20]);
    expect([row.action, row.recommended_tier]).toEqual(['retain', 'diamond']);
    expect(row.reason).toMatch(/not on the configured ladder/);
  });
});

/** Scores month by month, applying each promotion or demotion to the next month's tier. */
function simulate(start: string, certified: readonly number[]): string[] {
  const rows: PartnerPeriodMetrics[] = [];
  const tiers: string[] = [];
  let tier = start;
  certified.forEach((value, index) => {
    const period = addMonths('2026-01-01', index);
    rows.push(metricRow({ period_start: period, tier, certified_people: value }));
    tiers.push(tier);
    const recommendation = createScorer(rows, config).scorePeriod(period).tier_recommendations[0]!;
    if (recommendation.action === 'promote' || recommendation.action === 'demote') tier = recommendation.recommended_tier;
  });
  return tiers;
}

describe('tier hysteresis', () => {
  it('never changes tier on a series oscillating between the retention and entry thresholds', () => {
    const between = fc.array(fc.double({ min: 8, max: 9.999, noNaN: true }), { minLength: 4, maxLength: 16 });
    fc.assert(
      fc.property(between, fc.constantFrom('silver', 'gold'), (series, start) => {
        expect(new Set(simulate(start, series))).toEqual(new Set([start]));
      }),
      { numRuns: 40 },
    );
  });

  it('keeps at least min_tenure_periods between tier changes on any series', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 14 }), { minLength: 4, maxLength: 16 }), (series) => {
        const tiers = simulate('silver', series);
        const changes = tiers.flatMap((tier, index) => (index > 0 && tier !== tiers[index - 1] ? [index] : []));
        changes.slice(1).forEach((at, index) => expect(at - changes[index]!).toBeGreaterThanOrEqual(2));
      }),
      { numRuns: 40 },
    );
  });
});
