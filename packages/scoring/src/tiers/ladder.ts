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
  /** Where checkTiers keeps a row's value of the measure (see Ladder.readers). */
  readonly slot: number;
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
  /** A reader of each measure the criteria read, once each, by slot. */
  readonly readers: readonly MeasureReader[];
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

function criteria(tier: string, kind: 'entry' | 'retain', map: TierCriteria, slots: readonly TierMeasure[]): Criterion[] {
  return (Object.entries(map) as [TierMeasure, number][]).map(([measure, threshold]) => ({
    measure,
    threshold,
    read: measureReader(measure),
    slot: slots.indexOf(measure),
    phrases: new CheckPhrases(measure, threshold),
    checks: new CriterionChecks(tier, kind, measure, threshold),
  }));
}

export function compileLadder(config: ScoringConfig): Ladder {
  const slots = [...new Set(config.tiers.ladder.flatMap((tier) => [...Object.keys(tier.entry), ...Object.keys(tier.retain)]))] as TierMeasure[];
  const tiers = config.tiers.ladder.map((tier) => ({
    tier: tier.tier,
    entry: criteria(tier.tier, 'entry', tier.entry, slots),
    retain: criteria(tier.tier, 'retain', tier.retain, slots),
  }));
  const names = tiers.map((tier) => tier.tier);
  return { tiers, index: new Map(names.map((name, index) => [name, index])), reasons: new TierReasons(names, config.tiers), readers: slots.map(measureReader) };
}

/** A missing value as checkTiers keeps it: below every threshold (they are at least 0), so it fails its criterion. */
const missing = -Infinity;

/** All criteria met by the row whose values (by slot) are `values`. */
function meets(values: Float64Array, list: readonly Criterion[]): boolean {
  for (const { slot, threshold } of list) if (values[slot]! < threshold) return false;
  return true;
}

/** Evaluates every tier's entry and retention criteria for every row of a period once. */
export function checkTiers(ladder: Ladder, measures: PeriodMeasures, allocate: ColumnAllocator): TierChecks {
  const size = measures.rows.length;
  const entry = ladder.tiers.map(() => allocate.uint8(size));
  const retain = ladder.tiers.map(() => allocate.uint8(size));
  const highestEntry = allocate.int8(size).fill(-1);
  // Each measure read once per row, not once per criterion reading it.
  const values = new Float64Array(ladder.readers.length);
  // Row by row, so each row's metrics are read while they are in the cache.
  for (let index = 0; index < size; index++) {
    for (let slot = 0; slot < values.length; slot++) values[slot] = ladder.readers[slot]!(measures, index) ?? missing;
    for (let at = 0; at < ladder.tiers.length; at++) {
      const tier = ladder.tiers[at]!;
      if (meets(values, tier.entry)) {
        entry[at]![index] = 1;
        highestEntry[index] = at;
      }
      if (meets(values, tier.retain)) retain[at]![index] = 1;
    }
  }
  return { entry, retain, highestEntry };
}

/** The highest tier below `below` whose retention criteria the row meets, or -1. */
export function highestRetained(checks: TierChecks, index: number, below: number): number {
  for (let tier = below - 1; tier >= 0; tier--) if (checks.retain[tier]![index] === 1) return tier;
  return -1;
}
