import { entities, quarantineReasonOrder, type EntityName, type QuarantineReason } from '@ppm/core';
import type { FileSpec } from '../output/file-spec.js';
import type { FileWriter } from '../output/writer.js';
import type { Archetype, Segment } from '../world/archetypes.js';
import type { EntityTotals } from './ledger.js';

export interface FileManifest {
  /** Relative to the output directory. */
  readonly path: string;
  readonly entity: EntityName;
  readonly format: FileSpec['format'];
  readonly compression: FileSpec['compression'];
  readonly encoding: FileSpec['encoding'];
  readonly bom: boolean;
  /** CSV only; null for JSON Lines. */
  readonly delimiter: FileSpec['delimiter'];
  readonly line_ending: FileSpec['lineEnding'];
  /** Data records read (CSV: excluding the header; a quoted line break does not start a record). */
  readonly records: number;
  readonly expected_loaded: number;
  /** Quarantined records by reason; reasons that do not occur are left out. */
  readonly expected_quarantine: Partial<Record<QuarantineReason, number>>;
}

export interface QuarantineTotals {
  readonly total: number;
  readonly by_reason: Record<QuarantineReason, number>;
  readonly by_entity: Record<EntityName, number>;
}

export interface GeneratedFacts {
  readonly archetypes: Record<Archetype, number>;
  readonly expected_segments: Record<Segment, number>;
  /** Currencies with FX rows (the reporting currency has none). */
  readonly fx_currencies: readonly string[];
  readonly fx_first_date: string;
  readonly fx_last_date: string;
  readonly channel_account_managers: number;
  /** No generated date after this day, except in fields the contract marks allowFuture. */
  readonly last_event_date: string;
  /**
   * The last month a target period starts in (the month after the end month): a target
   * for the month, or the quarter, that follows. Later periods would have no FX rate yet
   * at load time.
   */
  readonly last_target_start_month: string;
}

export interface Manifest {
  readonly generator: { readonly name: string; readonly version: string };
  readonly seed: number;
  readonly partners: number;
  readonly months: number;
  readonly start_month: string;
  readonly end_month: string;
  readonly reporting_currency: string;
  readonly dirty: boolean;
  /** In load order: entities in the contract's order, each entity's files by name. */
  readonly files: readonly FileManifest[];
  readonly entities: Record<EntityName, EntityTotals>;
  readonly quarantine: QuarantineTotals;
  readonly facts: GeneratedFacts;
}

const loadOrder = new Map(entities.map((definition, index) => [definition.name, index]));

export function describeFiles(writers: readonly FileWriter[]): FileManifest[] {
  return [...writers]
    .sort((a, b) => (loadOrder.get(a.spec.entity) ?? 0) - (loadOrder.get(b.spec.entity) ?? 0) || (a.spec.path < b.spec.path ? -1 : 1))
    .map(({ spec, records, expectedLoaded, quarantine }) => ({
      path: spec.path,
      entity: spec.entity,
      format: spec.format,
      compression: spec.compression,
      encoding: spec.encoding,
      bom: spec.bom,
      delimiter: spec.delimiter,
      line_ending: spec.lineEnding,
      records,
      expected_loaded: expectedLoaded,
      expected_quarantine: Object.fromEntries(quarantineReasonOrder.filter((reason) => quarantine.has(reason)).map((reason) => [reason, quarantine.get(reason)])),
    }));
}

export function quarantineTotals(files: readonly FileManifest[]): QuarantineTotals {
  const byReason = Object.fromEntries(quarantineReasonOrder.map((reason) => [reason, 0])) as Record<QuarantineReason, number>;
  const byEntity = Object.fromEntries(entities.map((definition) => [definition.name, 0])) as Record<EntityName, number>;
  let total = 0;
  for (const file of files) {
    for (const reason of quarantineReasonOrder) {
      const count = file.expected_quarantine[reason] ?? 0;
      byReason[reason] += count;
      byEntity[file.entity] += count;
      total += count;
    }
  }
  return { total, by_reason: byReason, by_entity: byEntity };
}
