import { describe, expect, it } from 'vitest';
import { contributionsOf, createScorer, defaultScoringConfig } from '../src/index.js';
import { addLargestRemainders } from '../src/health/rounding.js';
import { archetypeRows } from './support/archetypes.js';
import { singleMetric } from './support/configs.js';
import { metricRow, partnerSeries } from './support/rows.js';

const attainmentOnly = (extra = {}) => singleMetric('attainment', { method: 'target', cap: 1 }, extra);

function scoreOf(attainment: number, extra = {}): { score: number; grade: string } {
  const [row] = createScorer([metricRow({ attainment })], attainmentOnly(extra)).healthScores('2026-01-01');
  return { score: row!.health_score, grade: row!.grade };
}

describe('grade bands', () => {
  it.each([
    [1, 100, 'A'],
    [0.8, 80, 'A'],
    [0.79, 79, 'B'],
    [0.65, 65, 'B'],
    [0.5, 50, 'C'],
    [0.35, 35, 'D'],
    [0.349, 35, 'D'],
    [0.2, 20, 'E'],
    [0, 0, 'E'],
  ])('attainment %s scores %s, grade %s with the default bands', (attainment, score, grade) => {
    expect(scoreOf(attainment)).toEqual({ score, grade });
  });

  it('uses configured bands', () => {
    const bands = { health: { grades: [{ grade: 'healthy', min_score: 70 }, { grade: 'watch', min_score: 0 }] } };
    expect(scoreOf(0.7, bands).grade).toBe('healthy');
    expect(scoreOf(0.69, bands).grade).toBe('watch');
  });
});

describe('largest-remainder rounding', () => {
  it.each([
    [[33.3, 33.3, 33.4], [33, 33, 34]],
    [[10.5, 10.5, 10.5, 10.5], [11, 11, 10, 10]],
    [[0.2, 0.2, 0.2, 0.2, 0.2], [1, 0, 0, 0, 0]],
    [[49.6, 20.3, 30.1], [50, 20, 30]],
  ])('rounds %j to %j, keeping the rounded total', (raw, expected) => {
    const out = new Uint8Array(raw.length);
    const total = addLargestRemainders(Float64Array.from(raw), raw.length, out, 0, new Float64Array(raw.length));
    expect([...out]).toEqual(expected);
    expect(total).toBe(Math.round(raw.reduce((sum, value) => sum + value, 0)));
  });
});

describe('health explanation', () => {
  const data = archetypeRows({ perArchetype: 12, months: 12 });
  const rows = createScorer(data.rows, defaultScoringConfig).healthScores(data.lastPeriod);

  it('gives every row contributions that sum exactly to its score', () => {
    for (const row of rows) expect(row.explanation.points.reduce((sum, points) => sum + points, 0)).toBe(row.health_score);
  });

  it('explains the change since the previous period by component, summing to the change', () => {
    for (const row of rows.filter((item) => item.explanation.change)) {
      const change = row.explanation.change!;
      expect(change.points.reduce((sum, points) => sum + points, 0)).toBe(change.delta);
      expect(row.score_change).toBe(change.delta);
      expect(change.text).toMatch(change.delta === 0 ? /^score unchanged/ : /^score (rose|fell) \d+ points?/);
    }
  });

  it('names the top drivers in plain words', () => {
    const star = rows.find((row) => row.partner_id === 'star_0')!;
    expect(star.explanation.drivers_up[0]).toMatch(/^attainment \d+% reaches the full-credit level of 120%$/);
    const dormant = rows.find((row) => row.partner_id === 'dormant_0')!;
    expect(dormant.explanation.drivers_down).toContain('attainment 0% earns 0% of full credit (full at 120%)');
  });

  it('lists one contribution per scored metric', () => {
    const parts = contributionsOf(rows[0]!.explanation);
    expect(parts.map((part) => part.metric)).toEqual(rows[0]!.explanation.metrics);
    expect(parts[0]).toMatchObject({ metric: 'attainment', imputed: null });
  });

  it('writes "score fell 12 points: ..." sentences', () => {
    const series = partnerSeries('2026-01-01', 2, (month) => ({ attainment: month === 0 ? 0.9 : 0.78 }));
    const [, second] = ['2026-01-01', '2026-02-01'].map((period) => createScorer(series, attainmentOnly()).healthScores(period)[0]!);
    expect(second?.explanation.change?.text).toBe('score fell 12 points: attainment -12');
  });
});

describe('trend', () => {
  it('reports the least-squares slope of the score in points per period', () => {
    const series = partnerSeries('2026-01-01', 4, (month) => ({ attainment: [0.4, 0.5, 0.6, 0.7][month]! }));
    const [row] = createScorer(series, attainmentOnly()).healthScores('2026-04-01');
    expect(row?.trend_slope).toBe(10);
    expect(row?.trend_periods).toBe(4);
  });

  it('has no slope with a single period', () => {
    const [row] = createScorer([metricRow({ attainment: 0.5 })], attainmentOnly()).healthScores('2026-01-01');
    expect(row?.trend_slope).toBeNull();
    expect(row?.score_change).toBeNull();
  });
});
