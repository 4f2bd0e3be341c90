import { roundHalfUp } from '../format.js';

/**
 * Largest-remainder rounding: rounds raw[0..count) to whole numbers written to
 * out[offset..offset+count) so that they sum to `total` (default: round(sum(raw))).
 * Everything is floored, then the missing units go to the largest remainders, ties to the
 * lower index. `remainder` is scratch space of length >= count. Returns the total.
 */
export function addLargestRemainders(
  raw: Float64Array,
  count: number,
  out: Uint8Array,
  offset: number,
  remainder: Float64Array,
  total?: number,
): number {
  let sum = 0;
  let floors = 0;
  for (let index = 0; index < count; index++) {
    const value = raw[index]!;
    const floor = Math.floor(value);
    sum += value;
    floors += floor;
    out[offset + index] = floor;
    remainder[index] = value - floor;
  }
  const rounded = total ?? roundHalfUp(sum);
  giveUnits(Math.min(count, rounded - floors), count, out, offset, remainder);
  return floors > rounded ? floors : rounded;
}

/** Remainders are sorted into this many buckets of equal width (a power of two: remainder x buckets is exact). */
const buckets = 64;
const bucketCounts = new Int32Array(buckets);

function bucketOf(remainder: number): number {
  return Math.floor(remainder * buckets);
}

/**
 * Gives one unit each to the `units` largest remainders (0 <= remainder < 1), ties to the
 * lower index. Counts the remainders per bucket to find the bucket where the winners end:
 * everyone above it wins, and only the few remainders in it are compared one by one.
 * Scanning the row once per winner mispredicted a branch several times per scan, and
 * explaining a million rows spent more time here than in any other part of the points.
 */
function giveUnits(units: number, count: number, out: Uint8Array, offset: number, remainder: Float64Array): void {
  if (units <= 0) return;
  bucketCounts.fill(0);
  for (let index = 0; index < count; index++) bucketCounts[bucketOf(remainder[index]!)]! += 1;
  let last = buckets - 1;
  let above = 0;
  while (above + bucketCounts[last]! < units) above += bucketCounts[last--]!;
  // Number(...) adds without a branch to mispredict.
  for (let index = 0; index < count; index++) out[offset + index]! += Number(bucketOf(remainder[index]!) > last);
  const needed = units - above;
  if (needed === bucketCounts[last]) {
    for (let index = 0; index < count; index++) out[offset + index]! += Number(bucketOf(remainder[index]!) === last);
    return;
  }
  for (let unit = 0; unit < needed; unit++) {
    const winner = largestIn(remainder, count, last);
    out[offset + winner]! += 1;
    remainder[winner] = -1;
  }
}

/** Index of the largest of values[0..count) in bucket `bucket`, the first one on ties (there is one). */
function largestIn(values: Float64Array, count: number, bucket: number): number {
  let best = -1;
  for (let index = 0; index < count; index++) {
    const value = values[index]!;
    if (bucketOf(value) === bucket && (best < 0 || value > values[best]!)) best = index;
  }
  return best;
}
