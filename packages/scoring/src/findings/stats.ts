/** Complementary error function (Numerical Recipes erfcc, fractional error below 1.2e-7). */
function erfc(x: number): number {
  const z = Math.abs(x);
  const t = 1 / (1 + 0.5 * z);
  const poly =
    -1.26551223 +
    t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277))))))));
  const result = t * Math.exp(-z * z + poly);
  return x >= 0 ? result : 2 - result;
}

/** P(Z >= z) for a standard normal Z. */
export function upperTail(z: number): number {
  return 0.5 * erfc(z / Math.SQRT2);
}

export interface ProportionTest {
  readonly z: number;
  /** One-sided: the first share is greater than the second. */
  readonly p_value: number;
}

/** Two-proportion z-test with pooled variance; null when the pooled share is 0 or 1. */
export function twoProportionTest(below1: number, size1: number, below2: number, size2: number): ProportionTest | null {
  const pooled = (below1 + below2) / (size1 + size2);
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / size1 + 1 / size2));
  if (!(se > 0)) return null;
  const z = (below1 / size1 - below2 / size2) / se;
  return { z, p_value: upperTail(z) };
}

/** Values floored at 0, sorted ascending (a native typed-array sort). */
export function sortedShares(values: readonly number[]): Float64Array {
  const shares = new Float64Array(values.length);
  for (let index = 0; index < values.length; index++) shares[index] = Math.max(0, values[index]!);
  return shares.sort();
}

function total(sorted: Float64Array): number {
  let sum = 0;
  for (const value of sorted) sum += value;
  return sum;
}

/** Gini coefficient of non-negative values (0 = equal, towards 1 = concentrated). */
export function gini(values: readonly number[] | Float64Array): number {
  const sorted = values instanceof Float64Array ? values : sortedShares(values);
  const sum = total(sorted);
  if (sum <= 0) return 0;
  let weighted = 0;
  sorted.forEach((value, index) => (weighted += (2 * (index + 1) - sorted.length - 1) * value));
  return weighted / (sorted.length * sum);
}

/** Share of the total held by the top `fraction` of values (at least one value). */
export function topShare(values: readonly number[] | Float64Array, fraction: number): { partners: number; share: number } {
  const sorted = values instanceof Float64Array ? values : sortedShares(values);
  const sum = total(sorted);
  const partners = Math.min(sorted.length, Math.max(1, Math.ceil(sorted.length * fraction)));
  let top = 0;
  for (let index = sorted.length - partners; index < sorted.length; index++) top += sorted[index]!;
  return { partners, share: sum > 0 ? top / sum : 0 };
}
