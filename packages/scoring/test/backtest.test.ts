import { describe, expect, it } from 'vitest';
import { backtestHealth } from '../src/index.js';
import { auc, midRanks, spearman } from '../src/backtest/rank-stats.js';
import { singleMetric } from './support/configs.js';
import { partnerSeries } from './support/rows.js';

describe('rank statistics', () => {
  it('gives tied values their average rank', () => {
    expect([...midRanks(Float64Array.from([10, 20, 20, 5]))]).toEqual([2, 3.5, 3.5, 1]);
  });

  it.each([
    [[1, 2, 3, 4], [10, 20, 30, 40], 1],
    [[1, 2, 3, 4], [40, 30, 20, 10], -1],
    [[1, 2, 3, 4], [1, 4, 9, 16], 1],
  ])('Spearman of %j and %j is %s', (x, y, rho) => {
    expect(spearman(Float64Array.from(x), Float64Array.from(y))).toBeCloseTo(rho, 10);
  });

  it.each([
    [[0.9, 0.8, 0.2, 0.1], [1, 1, 0, 0], 1],
    [[0.1, 0.2, 0.8, 0.9], [1, 1, 0, 0], 0],
    [[0.5, 0.5, 0.5, 0.5], [1, 0, 1, 0], 0.5],
    [[0.9, 0.1, 0.8, 0.2], [1, 1, 0, 0], 0.5],
  ])('AUC of risks %j for labels %j is %s', (risk, labels, expected) => {
    expect(auc(Float64Array.from(risk), Uint8Array.from(labels))).toBeCloseTo(expected, 10);
  });
});

describe('backtestHealth', () => {
  // Each partner keeps its attainment; targets differ, so revenue alone ranks partners differently.
  const partners = Array.from({ length: 20 }, (_, index) => ({ attainment: 0.2 + index * 0.05, target: 1000 * (1 + ((index * 7) % 20)) }));
  const rows = partners.flatMap((partner, index) =>
    partnerSeries('2026-01-01', 4, (month) => ({
      partner_id: `p${index}`,
      target: partner.target,
      revenue: partner.attainment * partner.target * (index % 2 === 0 && month === 3 ? 0.5 : 1),
      attainment: partner.attainment,
    })),
  );
  const report = backtestHealth(rows, singleMetric('attainment', { method: 'target', cap: 2 }), { horizonPeriods: 1 });

  it('reports how well the score ranks next-horizon attainment, beside the revenue baseline', () => {
    expect(report.n).toBe(60);
    expect(report.periods).toBe(3);
    expect(report.health.spearman!).toBeGreaterThan(0.8);
    expect(report.health.spearman!).toBeGreaterThan(report.baseline.spearman!);
    expect(report.lift.spearman).toBeCloseTo(report.health.spearman! - report.baseline.spearman!, 4);
  });

  it('counts the partner-periods whose revenue fell over the next horizon', () => {
    expect(report.falls).toBe(10);
    expect(report.health.auc).not.toBeNull();
    expect(report.baseline.predictor).toBe('revenue');
  });
});
