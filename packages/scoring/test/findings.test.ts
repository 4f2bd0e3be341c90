import { describe, expect, it } from 'vitest';
import { createScorer, type ProgramFindingRow } from '../src/index.js';
import { gini, topShare, twoProportionTest, upperTail } from '../src/findings/stats.js';
import { metricRow, type RowInput } from './support/rows.js';
import { ruleConfig, sales } from './support/scenarios.js';

function findings(inputs: readonly RowInput[], extra = {}): readonly ProgramFindingRow[] {
  const rows = inputs.map((input, index) => metricRow({ partner_id: `p${index}`, partner_name: `Partner ${index}`, ...input }));
  return createScorer(rows, ruleConfig(extra)).scorePeriod('2026-01-01').program_findings;
}

describe('statistics', () => {
  it.each([
    [0, 0.5],
    [1.6449, 0.05],
    [1.96, 0.025],
    [3, 0.00135],
  ])('upper tail of the normal at %s is %s', (z, p) => {
    expect(upperTail(z)).toBeCloseTo(p, 4);
  });

  it('computes the pooled two-proportion z statistic', () => {
    const test = twoProportionTest(30, 50, 20, 100)!;
    expect(test.z).toBeCloseTo(4.899, 3);
    expect(test.p_value).toBeLessThan(1e-5);
    expect(twoProportionTest(0, 10, 0, 10)).toBeNull();
  });

  it.each([
    [[1, 1, 1, 1], 0],
    [[0, 0, 0, 10], 0.75],
    [[1, 2, 3, 4], 0.25],
  ])('Gini of %j is %s', (values, expected) => {
    expect(gini(values)).toBeCloseTo(expected, 6);
  });

  it('shares revenue out to the top partners', () => {
    expect(topShare([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.1)).toEqual({ partners: 1, share: 10 / 55 });
    expect(topShare([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.2).share).toBeCloseTo(19 / 55, 10);
  });
});

describe('program findings', () => {
  // 50 msp partners, 30 below target; 100 resellers, 20 below.
  const partners: RowInput[] = [
    ...Array.from({ length: 50 }, (_, index) => ({ partner_type: 'msp', ...sales(index < 30 ? 0.7 : 1.2) })),
    ...Array.from({ length: 100 }, (_, index) => ({ partner_type: 'reseller', ...sales(index < 20 ? 0.7 : 1.2) })),
  ];

  it('flags a segment whose share of below-target partners is significantly above the rest', () => {
    const found = findings(partners).filter((finding) => finding.kind === 'below_target_concentration');
    expect(found.map((finding) => [finding.dimension, finding.dimension_value])).toEqual([['partner_type', 'msp']]);
    expect(found[0]?.evidence).toMatchObject({ segment_below: 30, segment_partners: 50, segment_share: 0.6, rest_below: 20, rest_partners: 100, rest_share: 0.2, z: 4.899 });
    expect(found[0]?.text).toBe('60% of partner_type msp partners are below target, against 20% in the rest of the program (30 of 50; z = 4.90, p = 4.8e-7)');
  });

  it('ignores segments smaller than min_segment_size', () => {
    const found = findings(partners, { findings: { min_segment_size: 60 } }).filter((finding) => finding.kind === 'below_target_concentration');
    expect(found).toEqual([]);
  });

  it('finds segments and partners with completed training but low attainment', () => {
    const training = (completed: number) => ({ required_trainings_assigned: 10, required_trainings_completed: completed, required_training_completion_rate: completed / 10 });
    const found = findings([
      ...Array.from({ length: 30 }, () => ({ partner_type: 'msp', ...sales(0.5), ...training(9) })),
      ...Array.from({ length: 30 }, (_, index) => ({ partner_type: 'reseller', ...sales(index < 5 ? 0.5 : 1.1), ...training(index < 5 ? 9 : 4) })),
    ]);
    const gaps = found.filter((finding) => finding.kind === 'enablement_gap');
    expect(gaps.map((gap) => gap.dimension_value)).toEqual(['msp']);
    expect(gaps[0]?.evidence).toMatchObject({ partners: 30, required_training_completion: 0.9, trailing_attainment: 0.5 });
    expect(found.find((finding) => finding.kind === 'enablement_gap_partners')?.evidence).toMatchObject({ partners: 35 });
  });

  it('measures revenue concentration', () => {
    const found = findings([10, 10, 10, 70].map((value) => ({ trailing_12m_revenue: value }))).find((finding) => finding.kind === 'revenue_concentration');
    expect(found?.evidence).toMatchObject({ partners: 4, top_10_percent: { partners: 1, share: 0.7 }, gini: 0.45 });
    expect(found?.severity).toBe('warning');
  });

  it('counts tier migrations between two periods', () => {
    const rows = [
      ['p1', 'silver', 'gold'],
      ['p2', 'gold', 'gold'],
      ['p3', 'gold', 'silver'],
    ].flatMap(([id, from, to]) => [
      metricRow({ partner_id: id, period_start: '2025-01-01', tier: from }),
      metricRow({ partner_id: id, period_start: '2026-01-01', tier: to }),
    ]);
    const migration = createScorer(rows, ruleConfig()).scorePeriod('2026-01-01').program_findings.find((finding) => finding.kind === 'tier_migration');
    expect(migration?.evidence).toMatchObject({ from_period: '2025-01-01', to_period: '2026-01-01', moved_up: 1, moved_down: 1, stayed: 1 });
    const { tiers, matrix } = migration!.evidence as { tiers: string[]; matrix: number[][] };
    expect(matrix[tiers.indexOf('silver')]![tiers.indexOf('gold')]).toBe(1);
    expect(matrix[tiers.indexOf('gold')]![tiers.indexOf('silver')]).toBe(1);
    expect(matrix[tiers.indexOf('gold')]![tiers.indexOf('gold')]).toBe(1);
  });
});
