/** Deterministic PRNG (mulberry32) so generated rows are the same on every run. */
export function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function between(next: () => number, low: number, high: number): number {
  return low + (high - low) * next();
}

export function whole(next: () => number, low: number, high: number): number {
  return Math.floor(between(next, low, high + 1));
}
