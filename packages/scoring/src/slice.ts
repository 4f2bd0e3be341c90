/** Rows [from, to) of one period: results can be produced a slice at a time to bound memory. */
export interface Slice {
  readonly from: number;
  readonly to: number;
}

/** Row indices of a slice, ascending. */
export function indicesOf(slice: Slice): number[] {
  return Array.from({ length: Math.max(0, slice.to - slice.from) }, (_, offset) => slice.from + offset);
}
