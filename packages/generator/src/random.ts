/**
 * Seeded randomness. Every partner draws from its own streams, derived from
 * (seed, partner, stream), so one entity's draws never shift another's and the
 * output is a pure function of the options.
 */

/** Integer hash of several 32-bit parts (murmur3 finaliser over a running mix). */
function hashParts(...parts: readonly number[]): number {
  let h = 0x9e3779b9;
  for (const part of parts) {
    h = Math.imul(h ^ (part >>> 0), 0x85ebca6b);
    h = (h << 13) | (h >>> 19);
    h = (Math.imul(h, 5) + 0xe6546b64) | 0;
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** sfc32: a small, fast generator with a 128-bit state that passes PractRand. */
function sfc32(a: number, b: number, c: number, d: number): () => number {
  return () => {
    a |= 0;
    b |= 0;
    c |= 0;
    d |= 0;
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
}

export class Random {
  private readonly next: () => number;

  constructor(...parts: readonly number[]) {
    const base = hashParts(...parts);
    this.next = sfc32(base, hashParts(base, 1), hashParts(base, 2), hashParts(base, 3));
    for (let i = 0; i < 12; i++) this.next();
  }

  /** Uniform in [0, 1). */
  float(): number {
    return this.next();
  }

  /** Uniform in [min, max). */
  between(min: number, max: number): number {
    return min + (max - min) * this.next();
  }

  /** Uniform integer in [min, max] (both included). */
  int(min: number, max: number): number {
    return min + Math.floor((max - min + 1) * this.next());
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(items.length * this.next())];
    if (item === undefined) throw new Error('pick() needs a non-empty list');
    return item;
  }

  /** Index drawn with the given relative weights. */
  weightedIndex(weights: readonly number[]): number {
    const total = weights.reduce((sum, weight) => sum + weight, 0);
    let left = this.next() * total;
    for (let i = 0; i < weights.length; i++) {
      left -= weights[i] ?? 0;
      if (left < 0) return i;
    }
    return weights.length - 1;
  }

  /** Poisson draw (Knuth); the means here are small. */
  poisson(mean: number): number {
    if (mean <= 0) return 0;
    const limit = Math.exp(-mean);
    let count = 0;
    let product = this.next();
    while (product > limit) {
      count += 1;
      product *= this.next();
    }
    return count;
  }

  /** Standard normal draw (Box-Muller). */
  normal(): number {
    const u = 1 - this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * this.next());
  }

  /** Multiplier exp(sigma * N(0,1)), median 1. */
  lognormal(sigma: number): number {
    return Math.exp(sigma * this.normal());
  }

  /** Distinct sorted integers drawn from [min, max]. */
  distinctInts(count: number, min: number, max: number): number[] {
    const span = max - min + 1;
    if (count >= span) return Array.from({ length: Math.max(span, 0) }, (_, i) => min + i);
    const chosen = new Set<number>();
    while (chosen.size < count) chosen.add(this.int(min, max));
    return [...chosen].sort((a, b) => a - b);
  }

  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor((i + 1) * this.next());
      const swap = items[i] as T;
      items[i] = items[j] as T;
      items[j] = swap;
    }
    return items;
  }
}

/** Stream labels: each kind of draw for a partner has its own generator. */
export const streams = {
  assignment: 1,
  profile: 2,
  fx: 3,
  partners: 4,
  targets: 5,
  revenue: 6,
  deals: 7,
  pipeline: 8,
  training: 9,
  certifications: 10,
  engagement: 11,
  mdf: 12,
  businessPlans: 13,
  onboarding: 14,
  attainment: 15,
  dirty: 16,
} as const;
