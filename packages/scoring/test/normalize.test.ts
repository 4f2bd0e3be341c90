import type { MetricName } from '@ppm/core';
import { describe, expect, it } from 'vitest';
import { createScorer, type HealthScoreRow } from '../src/index.js';
import { singleMetric } from './support/configs.js';
import { metricRow } from './support/rows.js';

type Component = Parameters<typeof singleMetric>[1];

function normalizedOf(metric: MetricName, component: Component, values: readonly (number | null)[], extra = {}): (number | null)[] {
  const rows = values.map((value, index) => metricRow({ partner_id: `p${index}`, [metric]: value }));
  return createScorer(rows, singleMetric(metric, component, extra))
    .healthScores('2026-01-01')
    .map((row: HealthScoreRow) => row.explanation.normalized[0] ?? null);
}

describe('normalizers', () => {
  it.each([
    ['target caps attainment at the full-credit level', 'attainment', { method: 'target', cap: 1.2 }, [0.6, 1.2, 1.5, -0.2], [0.5, 1, 1, 0]],
    ['target of a lower-is-better metric gives full credit at 0 and none at the cap', 'days_since_last_commercial_activity', { method: 'target', cap: 120 }, [0, 30, 120, 200], [1, 0.75, 0, 0]],
    ['percentile uses mid-ranks, ties share their rank', 'trailing_12m_revenue', { method: 'percentile' }, [10, 20, 20, 40], [0, 0.5, 0.5, 1]],
    ['percentile of a lower-is-better metric ranks the smallest value best', 'registration_velocity_days', { method: 'percentile' }, [10, 20, 30], [1, 0.5, 0]],
    ['percentile of a lone value is neutral', 'trailing_12m_revenue', { method: 'percentile' }, [10], [0.5]],
    ['minmax scales between the peer minimum and maximum', 'trailing_12m_revenue', { method: 'minmax' }, [10, 20, 40], [0, 0.3333, 1]],
    ['minmax of equal values is neutral', 'trailing_12m_revenue', { method: 'minmax' }, [5, 5], [0.5, 0.5]],
    ['zscore maps +-clip to 0..1', 'trailing_12m_revenue', { method: 'zscore', clip: 2 }, [0, 0, 0, 10], [0.3557, 0.3557, 0.3557, 0.933]],
    ['zscore clips outliers', 'trailing_12m_revenue', { method: 'zscore', clip: 1 }, [0, 0, 0, 0, 0, 0, 0, 0, 0, 100], [0.3333, 0.3333, 0.3333, 0.3333, 0.3333, 0.3333, 0.3333, 0.3333, 0.3333, 1]],
  ] as const)('%s', (_, metric, component, values, expected) => {
    const actual = normalizedOf(metric, component, values);
    actual.forEach((value, index) => expect(value).toBeCloseTo(expected[index]!, 3));
  });
});

describe('missing-data policies', () => {
  const twoMetrics = (missing: string) =>
    singleMetric('attainment', { method: 'target', cap: 1, weight: 1 }, {
      health: {
        categories: {
          revenue: {
            weight: 1,
            metrics: {
              attainment: { weight: 1, method: 'target', cap: 1 },
              revenue_growth_yoy: { weight: 1, method: 'target', cap: 1, missing },
            },
          },
          pipeline: { weight: 0, metrics: {} },
          enablement: { weight: 0, metrics: {} },
          engagement: { weight: 0, metrics: {} },
        },
      },
    });

  it.each([
    ['neutral scores a missing value 0.5', 'neutral', 75, 0.5, 'neutral', [0.5, 0.5]],
    ['zero scores a missing value 0', 'zero', 50, 0, 'zero', [0.5, 0.5]],
    ['reweight drops the metric and gives its weight to the others', 'reweight', 100, null, 'dropped', [1, 0]],
  ] as const)('%s', (_, missing, score, normalized, imputed, weights) => {
    const [row] = createScorer([metricRow({ attainment: 1, revenue_growth_yoy: null })], twoMetrics(missing)).healthScores('2026-01-01');
    expect(row?.health_score).toBe(score);
    expect(row?.explanation.normalized[1]).toBe(normalized);
    expect(row?.explanation.imputed).toEqual([null, imputed]);
    expect(row?.explanation.weights).toEqual(weights);
    expect(row?.explanation.data_coverage).toBe(0.5);
  });

  it('drops a category without data and lets the other categories carry its weight', () => {
    const config = singleMetric('attainment', { method: 'target', cap: 1 }, {
      health: {
        categories: {
          revenue: { weight: 1, metrics: { attainment: { weight: 1, method: 'target', cap: 1, missing: 'reweight' } } },
          pipeline: { weight: 3, metrics: { pipeline_coverage: { weight: 1, method: 'target', cap: 2 } } },
          enablement: { weight: 0, metrics: {} },
          engagement: { weight: 0, metrics: {} },
        },
      },
    });
    const [row] = createScorer([metricRow({ attainment: null, pipeline_coverage: 1 })], config).healthScores('2026-01-01');
    expect(row?.health_score).toBe(50);
    expect(row?.revenue_score).toBeNull();
    expect(row?.pipeline_score).toBe(50);
  });

  it('scores a row with no data at all as neutral', () => {
    const config = singleMetric('attainment', { method: 'target', cap: 1, missing: 'reweight' });
    const [row] = createScorer([metricRow({ attainment: null })], config).healthScores('2026-01-01');
    expect(row?.health_score).toBe(50);
    expect(row?.explanation.data_coverage).toBe(0);
  });
});

describe('peer groups', () => {
  const config = singleMetric('trailing_12m_revenue', { method: 'percentile' }, { health: { peer_group: { attributes: ['region'], min_size: 3 } } });
  const rows = [
    ...[10, 20, 30].map((value, index) => metricRow({ partner_id: `e${index}`, region: 'emea', trailing_12m_revenue: value })),
    ...[100, 200].map((value, index) => metricRow({ partner_id: `a${index}`, region: 'apac', trailing_12m_revenue: value })),
  ];
  const scored = createScorer(rows, config).healthScores('2026-01-01');

  it('ranks a partner among partners with the same attributes', () => {
    expect(scored.slice(0, 3).map((row) => row.explanation.normalized[0])).toEqual([0, 0.5, 1]);
    expect(scored[0]?.peer_group).toBe('region=emea');
  });

  it('falls back to the whole program when the peer group is smaller than min_size', () => {
    expect(scored.slice(3).map((row) => row.explanation.normalized[0])).toEqual([0.75, 1]);
    expect(scored[3]?.peer_group).toBe('program');
  });
});
