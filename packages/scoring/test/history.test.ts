import { describe, expect, it } from 'vitest';
import { createScorer, defaultScoringConfig, prepareHistory, ScoringInputError } from '../src/index.js';
import { metricRow } from './support/rows.js';

describe('prepareHistory', () => {
  it('lays periods out without gaps, leaving missing months empty', () => {
    const history = prepareHistory([metricRow({ period_start: '2026-01-01' }), metricRow({ period_start: '2026-03-01' })]);
    expect(history.periods).toEqual(['2026-01-01', '2026-02-01', '2026-03-01']);
    expect(history.rowsByPeriod.map((rows) => rows.length)).toEqual([1, 0, 1]);
  });

  it.each([
    ['two rows for one partner and period', [metricRow({}), metricRow({})], /partner p1 has two rows for period 2026-01-01/],
    ['mixed grains', [metricRow({}), metricRow({ partner_id: 'p2', period_grain: 'quarter' })], /rows mix month and quarter periods/],
    ['a period that is not a month start', [metricRow({ period_start: '2026-01-15' })], /period_start "2026-01-15" is not the first day of a month/],
  ])('refuses %s', (_, rows, message) => {
    expect(() => prepareHistory(rows)).toThrowError(ScoringInputError);
    expect(() => prepareHistory(rows)).toThrowError(message);
  });

  it('names the range when asked for a period outside it', () => {
    expect(() => createScorer([metricRow({})], defaultScoringConfig).scorePeriod('2027-01-01')).toThrowError(/period 2027-01-01 is not in the input \(2026-01-01 to 2026-01-01\)/);
  });
});
