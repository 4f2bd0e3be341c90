/** Remainders are sorted into this many equal buckets of [0, 1) to find the largest ones quickly. */
const bucketCount = 16;
/** Scratch for bucket counts; rounding is synchronous, so one array serves every call. */
const buckets = new Int32Array(bucketCount);

function bucketOf(remainder: number): number {
  return Math.min(bucketCount - 1, Math.floor(remainder * bucketCount));
}

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
  const rounded = total ?? Math.round(sum);
  giveUnits(Math.min(count, rounded - floors), count, out, offset, remainder);
  return floors > rounded ? floors : rounded;
}

/**
 * Gives one unit each to the `units` largest remainders. Counting remainders per bucket
 * finds the bucket where the cut falls; only that bucket needs comparing.
 */
function giveUnits(units: number, count: number, out: Uint8Array, offset: number, remainder: Float64Array): void {
  if (units <= 0) return;
  buckets.fill(0);
  for (let index = 0; index < count; index++) buckets[bucketOf(remainder[index]!)]! += 1;
  let cut = bucketCount - 1;
  let above = 0;
  while (cut > 0 && above + buckets[cut]! < units) above += buckets[cut--]!;
  for (let index = 0; index < count; index++) if (bucketOf(remainder[index]!) > cut) out[offset + index]! += 1;
  for (let unit = above; unit < units; unit++) {
    let best = -1;
    for (let index = 0; index < count; index++)
      if (bucketOf(remainder[index]!) === cut && (best < 0 || remainder[index]! > remainder[best]!)) best = index;
    if (best < 0) return;
    out[offset + best]! += 1;
    remainder[best] = -1;
  }
}
