/**
 * Combines normalized components into category scores and a score per row without
 * allocating. Points per component are derived from the same sums only when a row is
 * explained (see points.ts), so the hot loop never rounds. Indices are in bounds by
 * construction, hence the `!`.
 */
import { roundHalfUp } from '../format.js';
import type { HealthPlan } from './plan.js';

export const categoryCount = 4;

export interface CombinedScores {
  readonly score: Uint8Array;
  /** Index into the configured grades. */
  readonly grade: Uint8Array;
  /** 0..100 per row and category (row r, category k at r * 4 + k); NaN when the category has no data. */
  readonly categoryScore: Float32Array;
}

/**
 * Category scores of one row into categoryScore[at + k] (NaN without data). Returns
 * the unrounded score: category scores averaged with the weights of the categories that
 * have data; 50 (neutral) when no weighted category has data.
 */
function scoreRow(
  plan: HealthPlan,
  normalized: Float32Array,
  row: number,
  categoryScore: Float32Array,
  at: number,
): number {
  const { componentWeight, categoryWeights, categoryStart } = plan;
  const base = row * plan.components.length;
  let weight = 0;
  let weighted = 0;
  for (let category = 0; category < categoryCount; category++) {
    let withData = 0;
    let sum = 0;
    for (let index = categoryStart[category]!; index < categoryStart[category + 1]!; index++) {
      const value = normalized[base + index]!;
      if (Number.isNaN(value)) continue;
      withData += componentWeight[index]!;
      sum += componentWeight[index]! * value;
    }
    // Not `withData > 0 ? ... : NaN`: that merge made V8 box every category score (64 bytes of garbage per row).
    if (withData <= 0) {
      categoryScore[at + category] = NaN;
      continue;
    }
    const score = (100 * sum) / withData;
    categoryScore[at + category] = score;
    weight += categoryWeights[category]!;
    weighted += categoryWeights[category]! * score;
  }
  return weight > 0 ? weighted / weight : 50;
}

function gradeOf(score: number, minimums: Float64Array): number {
  for (let index = 0; index < minimums.length; index++) if (score >= minimums[index]!) return index;
  return minimums.length - 1;
}

/** Fills `result` from `normalized` (component c of row r at r * componentCount + c). */
export function combineScores(plan: HealthPlan, normalized: Float32Array, size: number, result: CombinedScores): void {
  for (let row = 0; row < size; row++) {
    const score = roundHalfUp(scoreRow(plan, normalized, row, result.categoryScore, row * categoryCount));
    result.score[row] = score;
    result.grade[row] = gradeOf(score, plan.gradeMinimums);
  }
}
