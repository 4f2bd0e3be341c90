import type { ComponentContribution, HealthExplanation } from '../types.js';

/** The explanation as one object per metric, e.g. for a UI waterfall or a test. */
export function contributionsOf(explanation: HealthExplanation): ComponentContribution[] {
  return explanation.metrics.map((metric, index) => ({
    metric,
    normalized: explanation.normalized[index] ?? null,
    imputed: explanation.imputed[index] ?? null,
    weight: explanation.weights[index] ?? 0,
    points: explanation.points[index] ?? 0,
    change: explanation.change ? (explanation.change.points[index] ?? 0) : null,
  }));
}
