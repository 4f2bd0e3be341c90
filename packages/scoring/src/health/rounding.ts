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
  const units = Math.min(count, rounded - floors);
  if (units > 0) giveUnits(units, count, out, offset, remainder);
  return floors > rounded ? floors : rounded;
}

/** Remainders are sorted into this many buckets of equal width (a power of two: remainder x buckets is exact). */
const buckets = 64;
/** Remainders per bucket; all zero between calls (each call clears the buckets it counted into). */
const bucketCounts = new Int32Array(buckets);
/** The bucket of each remainder of the current row. */
let bucketOfIndex = new Uint8Array(64);

/**
 * Gives one unit each to the `units` largest remainders (0 <= remainder < 1), ties to the
 * lower index. Counts the remainders per bucket to find the bucket where the winners end:
 * everyone above it wins, and only the few remainders in it are compared one by one.
 * Scanning the row once per winner mispredicted a branch several times per scan, and
 * explaining a million rows spent more time here than in any other part of the points.
 * Each remainder's bucket is computed once, and only the buckets used are cleared.
 */
function giveUnits(units: number, count: number, out: Uint8Array, offset: number, remainder: Float64Array): void {
  if (bucketOfIndex.length < count) bucketOfIndex = new Uint8Array(count);
  const bucket = bucketOfIndex;
  for (let index = 0; index < count; index++) {
    const at = Math.floor(remainder[index]! * buckets);
    bucket[index] = at;
    bucketCounts[at]! += 1;
  }
  let last = buckets - 1;
  let above = 0;
  while (above + bucketCounts[last]! < units) above += bucketCounts[last--]!;
  const needed = units - above;
  // Number(...) adds without a branch to mispredict.
  if (needed === bucketCounts[last]) for (let index = 0; index < count; index++) out[offset + index]! += Number(bucket[index]! >= last);
  else {
    for (let index = 0; index < count; index++) out[offset + index]! += Number(bucket[index]! > last);
    for (let unit = 0; unit < needed; unit++) {
      const winner = largestIn(remainder, bucket, count, last);
      out[offset + winner]! += 1;
      remainder[winner] = -1;
    }
  }
  for (let index = 0; index < count; index++) bucketCounts[bucket[index]!] = 0;
}

/** Index of the largest remainder in bucket `last` not yet given a unit (those are -1), the first one on ties (there is one). */
function largestIn(remainder: Float64Array, bucket: Uint8Array, count: number, last: number): number {
  let best = -1;
  let largest = -1;
  for (let index = 0; index < count; index++) {
    const value = remainder[index]!;
    if (bucket[index] === last && value > largest) {
      best = index;
      largest = value;
    }
  }
  return best;
}
