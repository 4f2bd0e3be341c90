import type { PartnerPeriodMetrics } from '@ppm/core';
import type { ScoringConfig } from '../config/schema.js';
import type { TierCriteria, TierMeasure } from '../config/schema-rules.js';
import { metricReaders } from '../metric-readers.js';

export interface Criterion {
  readonly measure: TierMeasure;
  readonly threshold: number;
}

export interface LadderTier {
  readonly tier: string;
  readonly entry: readonly Criterion[];
  readonly retain: readonly Criterion[];
}

export interface Ladder {
  /** Lowest tier first. */
  readonly tiers: readonly LadderTier[];
  readonly index: ReadonlyMap<string, number>;
}

/** What criteria read in one period: its rows, health scores and trailing attainment (NaN = none). */
export interface PeriodMeasures {
  readonly rows: readonly PartnerPeriodMetrics[];
  readonly score: Uint8Array;
  readonly attainment: Float64Array;
}

/** Which criteria each row of a period meets: entry[tier][row] and retain[tier][row] are 1 when met. */
export interface TierChecks {
  readonly entry: readonly Uint8Array[];
  readonly retain: readonly Uint8Array[];
  /** Highest tier whose entry criteria the row meets, -1 for none. */
  readonly highestEntry: Int8Array;
}

function criteria(map: TierCriteria): Criterion[] {
  return (Object.entries(map) as [TierMeasure, number][]).map(([measure, threshold]) => ({ measure, threshold }));
}

export function compileLadder(config: ScoringConfig): Ladder {
  const tiers = config.tiers.ladder.map((tier) => ({ tier: tier.tier, entry: criteria(tier.entry), retain: criteria(tier.retain) }));
  return { tiers, index: new Map(tiers.map((tier, index) => [tier.tier, index])) };
}

/** The value of a criterion's measure for one row; null when missing. */
export function measureValue(measures: PeriodMeasures, index: number, measure: TierMeasure): number | null {
  if (measure === 'health_score') return measures.score[index] ?? null;
  if (measure === 'trailing_attainment') {
    const value = measures.attainment[index];
    return value === undefined || Number.isNaN(value) ? null : value;
  }
  return metricReaders[measure](measures.rows[index]!);
}

/** All criteria met (a missing value fails its criterion). */
function meets(measures: PeriodMeasures, index: number, list: readonly Criterion[]): boolean {
  for (const { measure, threshold } of list) {
    const value = measureValue(measures, index, measure);
    if (value === null || value < threshold) return false;
  }
  return true;
}

/** Evaluates every tier's entry and retention criteria for every row of a period once. */
export function checkTiers(ladder: Ladder, measures: PeriodMeasures): TierChecks {
  const size = measures.rows.length;
  const entry = ladder.tiers.map(() => new Uint8Array(size));
  const retain = ladder.tiers.map(() => new Uint8Array(size));
  const highestEntry = new Int8Array(size).fill(-1);
  ladder.tiers.forEach((tier, at) => {
    for (let index = 0; index < size; index++) {
      if (meets(measures, index, tier.entry)) {
        entry[at]![index] = 1;
        highestEntry[index] = at;
      }
      if (meets(measures, index, tier.retain)) retain[at]![index] = 1;
    }
  });
  return { entry, retain, highestEntry };
}

/** The highest tier below `below` whose retention criteria the row meets, or -1. */
export function highestRetained(checks: TierChecks, index: number, below: number): number {
  for (let tier = below - 1; tier >= 0; tier--) if (checks.retain[tier]![index] === 1) return tier;
  return -1;
}
