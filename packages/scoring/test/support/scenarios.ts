import { validateScoringConfig, type ScoringConfig } from '../../src/index.js';

/**
 * A small configuration for rule tests: health = attainment (full credit at 150%) and
 * engagement = active_portal_days (full credit at 10), half each; no peer comparison.
 * So attainment 1.2 with 8 portal days scores 80, and engagement is 10 x portal days.
 */
export function ruleConfig(extra: Record<string, unknown> = {}): ScoringConfig {
  return validateScoringConfig({
    ...extra,
    health: {
      categories: {
        revenue: { weight: 1, metrics: { attainment: { weight: 1, method: 'target', cap: 1.5, missing: 'zero' } } },
        pipeline: { weight: 0, metrics: {} },
        enablement: { weight: 0, metrics: {} },
        engagement: { weight: 1, metrics: { active_portal_days: { weight: 1, method: 'target', cap: 10, missing: 'zero' } } },
      },
      peer_group: { attributes: [], min_size: 1 },
    },
  });
}

/** Revenue and target for a monthly attainment (target 100). */
export function sales(attainment: number): { revenue: number; target: number; attainment: number } {
  return { revenue: Math.round(attainment * 100), target: 100, attainment };
}
