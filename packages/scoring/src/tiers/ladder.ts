import type { PartnerPeriodMetrics } from '@ppm/core';
import type { ScoringConfig } from '../config/schema.js';
import type { TierCriteria, TierMeasure } from '../config/schema-rules.js';
import type { ColumnAllocator } from '../health/memory.js';
import { metricReaders } from '../metric-readers.js';
import { CriterionChecks } from './checks.js';
import { CheckPhrases } from './phrases.js';
import { TierReasons } from './reasons.js';

/** The value of a criterion's measure for one row of a period; null when missing. */
type MeasureReader = (measures: PeriodMeasures, index: number) => number | null;

export interface Criterion {
  readonly measure: TierMeasure;
  readonly threshold: number;
  readonly read: MeasureReader;
  readonly phrases: CheckPhrases;
  readonly checks: CriterionChecks;
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
  readonly reasons: TierReasons;
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

/** Resolved once per criterion: looking the measure up for every row and check is slow (see metric-readers.ts). */
function measureReader(measure: TierMeasure): MeasureReader {
  if (measure === 'health_score') return (measures, index) => measures.score[index] ?? null;
  if (measure === 'trailing_attainment')
    return (measures, index) => {
      const value = measures.attainment[index];
      return value === undefined || Number.isNaN(value) ? null : value;
    };
  const read = metricReaders[measure];
  return (measures, index) => read(measures.rows[index]!);
}

function criteria(tier: string, kind: 'entry' | 'retain', map: TierCriteria): Criterion[] {
  return (Object.entries(map) as [TierMeasure, number][]).map(([measure, threshold]) => ({
    measure,
    threshold,
    read: measureReader(measure),
    phrases: new CheckPhrases(measure, threshold),
    checks: new CriterionChecks(tier, kind, measure, threshold),
  }));
}

export function compileLadder(config: ScoringConfig): Ladder {
  const tiers = config.tiers.ladder.map((tier) => ({ tier: tier.tier, entry: criteria(tier.tier, 'entry', tier.entry), retain: criteria(tier.tier, 'retain', tier.retain) }));
  const names = tiers.map((tier) => tier.tier);
  return { tiers, index: new Map(names.map((name, index) => [name, index])), reasons: new TierReasons(names, config.tiers) };
}

/** All criteria met (a missing value fails its criterion). */
function meets(measures: PeriodMeasures, index: number, list: readonly Criterion[]): boolean {
  for (const { read, threshold } of list) {
    const value = read(measures, index);
    if (value === null || value < threshold) return false;
  }
  return true;
}

/** Evaluates every tier's entry and retention criteria for every row of a period once. */
export function checkTiers(ladder: Ladder, measures: PeriodMeasures, allocate: ColumnAllocator): TierChecks {
  const size = measures.rows.length;
  const entry = ladder.tiers.map(() => allocate.uint8(size));
  const retain = ladder.tiers.map(() => allocate.uint8(size));
  const highestEntry = allocate.int8(size).fill(-1);
  // Row by row, so each row's metrics are read while they are in the cache.
  for (let index = 0; index < size; index++)
    for (let at = 0; at < ladder.tiers.length; at++) {
      const tier = ladder.tiers[at]!;
      if (meets(measures, index, tier.entry)) {
        entry[at]![index] = 1;
        highestEntry[index] = at;
      }
      if (meets(measures, index, tier.retain)) retain[at]![index] = 1;
    }
  return { entry, retain, highestEntry };
}

/** The highest tier below `below` whose retention criteria the row meets, or -1. */
export function highestRetained(checks: TierChecks, index: number, below: number): number {
  for (let tier = below - 1; tier >= 0; tier--) if (checks.retain[tier]![index] === 1) return tier;
  return -1;
}
