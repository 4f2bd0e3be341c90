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

/** Index of the largest of values[0..count), the first one on ties. */
function largest(values: Float64Array, count: number): number {
  let best = 0;
  for (let index = 1; index < count; index++) if (values[index]! > values[best]!) best = index;
  return best;
}

/** Index of the smallest of values[0..count), the last one on ties. */
function smallest(values: Float64Array, count: number): number {
  let worst = 0;
  for (let index = 1; index < count; index++) if (values[index]! <= values[worst]!) worst = index;
  return worst;
}

/**
 * Gives one unit each to the `units` largest remainders, ties to the lower index. Picks the
 * winners one by one, or when more than half win, gives everyone a unit and takes it back
 * from the losers (smallest first, ties from the higher index): a few scans of a row's
 * components, with few mispredicted branches (sorting them cost more than the rest of a row's points).
 */
function giveUnits(units: number, count: number, out: Uint8Array, offset: number, remainder: Float64Array): void {
  if (units <= 0) return;
  if (2 * units <= count) {
    for (let unit = 0; unit < units; unit++) {
      const winner = largest(remainder, count);
      out[offset + winner]! += 1;
      remainder[winner] = -1;
    }
    return;
  }
  for (let index = 0; index < count; index++) out[offset + index]! += 1;
  for (let unit = units; unit < count; unit++) {
    const loser = smallest(remainder, count);
    out[offset + loser]! -= 1;
    remainder[loser] = 2;
  }
}
