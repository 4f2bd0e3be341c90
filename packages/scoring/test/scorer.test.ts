import { describe, expect, it } from 'vitest';
import { createScorer, defaultScoringConfig, scorePeriods } from '../src/index.js';
import { archetypeRows } from './support/archetypes.js';

describe('scoring many periods', () => {
  const data = archetypeRows({ perArchetype: 6, months: 14 });

  it('gives the same rows in chunks as for the whole period', () => {
    const whole = createScorer(data.rows, defaultScoringConfig).scorePeriod(data.lastPeriod);
    const parts = [...createScorer(data.rows, defaultScoringConfig).scorePeriodChunks(data.lastPeriod, 7)];
    expect(parts.length).toBe(Math.ceil(whole.health_scores.length / 7));
    for (const table of ['health_scores', 'segments', 'tier_recommendations', 'alerts', 'program_findings'] as const)
      expect(parts.flatMap((part) => part[table] as readonly unknown[])).toEqual(whole[table]);
  });

  it('gives the same results period by period as scoring each period on its own', () => {
    const streamed = [...scorePeriods(data.rows, defaultScoringConfig, { from: '2025-06-01' })];
    expect(streamed.map((period) => period.period_start)).toEqual(['2025-06-01', '2025-07-01', '2025-08-01']);
    for (const period of streamed) expect(period).toEqual(createScorer(data.rows, defaultScoringConfig).scorePeriod(period.period_start));
  });

  it('gives the same results for periods asked for out of order and again (frame details recomputed)', () => {
    const scorer = createScorer(data.rows, defaultScoringConfig);
    const periods = scorer.periods.slice(-4).reverse();
    const backwards = periods.map((period) => scorer.scorePeriod(period));
    expect(scorer.scorePeriod(periods[0]!)).toEqual(backwards[0]);
    for (const result of backwards) expect(result).toEqual(createScorer(data.rows, defaultScoringConfig).scorePeriod(result.period_start));
  });
});
