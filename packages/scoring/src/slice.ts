/** Rows [from, to) of one period: results can be produced a slice at a time to bound memory. */
export interface Slice {
  readonly from: number;
  readonly to: number;
}
