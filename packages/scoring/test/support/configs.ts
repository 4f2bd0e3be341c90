import type { MetricName } from '@ppm/core';
import { validateScoringConfig, type ScoringConfig } from '../../src/index.js';

type Component = Record<string, unknown> & { weight?: number; method: string };

/** A configuration whose health score is one revenue-category metric (other categories weigh 0). */
export function singleMetric(metric: MetricName, component: Component, extra: Record<string, unknown> = {}): ScoringConfig {
  return validateScoringConfig(
    {
      ...extra,
      health: {
        categories: {
          revenue: { weight: 1, metrics: { [metric]: { weight: 1, ...component } } },
          pipeline: { weight: 0, metrics: {} },
          enablement: { weight: 0, metrics: {} },
          engagement: { weight: 0, metrics: {} },
        },
        peer_group: { attributes: [], min_size: 1 },
        ...((extra.health as object | undefined) ?? {}),
      },
    },
    'test configuration',
  );
}
