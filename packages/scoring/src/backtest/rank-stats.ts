import { sortPairs } from '../health/sort.js';

/** Mid-ranks (1-based, ties share their average rank). */
export function midRanks(values: Float64Array): Float64Array {
  const keys = Float64Array.from(values);
  const order = Int32Array.from({ length: values.length }, (_, index) => index);
  sortPairs(keys, order, 0, keys.length);
  const ranks = new Float64Array(values.length);
  for (let start = 0; start < keys.length; ) {
    let end = start + 1;
    while (end < keys.length && keys[end] === keys[start]) end++;
    const rank = (start + end + 1) / 2;
    for (let index = start; index < end; index++) ranks[order[index]!] = rank;
    start = end;
  }
  return ranks;
}

function pearson(x: Float64Array, y: Float64Array): number | null {
  const n = x.length;
  let mx = 0;
  let my = 0;
  for (let index = 0; index < n; index++) {
    mx += x[index]!;
    my += y[index]!;
  }
  mx /= n;
  my /= n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let index = 0; index < n; index++) {
    const dx = x[index]! - mx;
    const dy = y[index]! - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  return sxx > 0 && syy > 0 ? sxy / Math.sqrt(sxx * syy) : null;
}

/** Spearman rank correlation; null with fewer than 3 pairs or a constant side. */
export function spearman(x: Float64Array, y: Float64Array): number | null {
  return x.length < 3 ? null : pearson(midRanks(x), midRanks(y));
}

/**
 * Area under the ROC curve of `risk` for `positive` labels (Mann-Whitney U with mid-ranks):
 * the chance that a random positive has a higher risk than a random negative, ties half.
 */
export function auc(risk: Float64Array, positive: Uint8Array): number | null {
  const ranks = midRanks(risk);
  let positives = 0;
  let rankSum = 0;
  for (let index = 0; index < risk.length; index++)
    if (positive[index] === 1) {
      positives++;
      rankSum += ranks[index]!;
    }
  const negatives = risk.length - positives;
  if (positives === 0 || negatives === 0) return null;
  return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}
