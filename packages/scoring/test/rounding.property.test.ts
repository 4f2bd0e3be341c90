import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addLargestRemainders } from '../src/health/rounding.js';

/** The textbook method: floor everything, sort by remainder (largest first, then index), give out the missing units. */
function reference(raw: readonly number[]): number[] {
  const floors = raw.map(Math.floor);
  const missing = Math.round(raw.reduce((sum, value) => sum + value, 0)) - floors.reduce((sum, value) => sum + value, 0);
  const order = raw.map((value, index) => ({ index, remainder: value - Math.floor(value) })).sort((a, b) => b.remainder - a.remainder || a.index - b.index);
  order.slice(0, missing).forEach(({ index }) => (floors[index]! += 1));
  return floors;
}

describe('largest-remainder rounding', () => {
  it('matches the textbook method and keeps the rounded total', () => {
    const parts = fc.array(fc.double({ min: 0, max: 40, noNaN: true }), { minLength: 1, maxLength: 20 });
    fc.assert(
      fc.property(parts, (raw) => {
        const out = new Uint8Array(raw.length);
        const total = addLargestRemainders(Float64Array.from(raw), raw.length, out, 0, new Float64Array(raw.length));
        expect([...out]).toEqual(reference(raw));
        expect([...out].reduce((sum, value) => sum + value, 0)).toBe(total);
      }),
      { numRuns: 500 },
    );
  });

  it('matches the textbook method on values with many equal and near-equal remainders', () => {
    // Eighths tie exactly; adding 1e-9 makes remainders that differ inside one bucket.
    const part = fc.tuple(fc.integer({ min: 0, max: 320 }), fc.boolean()).map(([eighths, nudge]) => eighths / 8 + (nudge ? 1e-9 : 0));
    fc.assert(
      fc.property(fc.array(part, { minLength: 1, maxLength: 20 }), (raw) => {
        const out = new Uint8Array(raw.length);
        addLargestRemainders(Float64Array.from(raw), raw.length, out, 0, new Float64Array(raw.length));
        expect([...out]).toEqual(reference(raw));
      }),
      { numRuns: 1000 },
    );
  });

  it('breaks ties in favour of the metric listed first', () => {
    const out = new Uint8Array(4);
    addLargestRemainders(Float64Array.from([2.5, 2.5, 2.5, 2.5]), 4, out, 0, new Float64Array(4));
    expect([...out]).toEqual([3, 3, 2, 2]);
  });
});
