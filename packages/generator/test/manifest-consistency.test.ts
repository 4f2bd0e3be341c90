import { entities, quarantineReasonOrder } from '@ppm/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDirectory, type Warehouse } from './support/mini-loader.js';
import { generateTemp, type TempRun } from './support/temp-run.js';
import { recomputeTotals } from './support/totals.js';

describe('the manifest of a dirty run', () => {
  let run: TempRun;
  let warehouse: Warehouse;

  beforeAll(async () => {
    run = await generateTemp({ partners: 300, months: 24, seed: 7, end: '2026-06', dirty: true });
    warehouse = loadDirectory(run.dir);
  }, 60_000);
  afterAll(() => run.remove());

  it('lists every data file with the records, loads and quarantines a plain reader finds', () => {
    expect(run.manifest.files.map((file) => file.path).sort()).toEqual(warehouse.files.map((file) => file.path.slice(run.dir.length + 1)).sort());
    for (const file of run.manifest.files) {
      const read = warehouse.files.find((candidate) => candidate.path.endsWith(file.path));
      expect({ path: file.path, records: read?.records, loaded: read?.loaded, quarantine: Object.fromEntries(read?.quarantine ?? []) }).toEqual({
        path: file.path,
        records: file.records,
        loaded: file.expected_loaded,
        quarantine: file.expected_quarantine,
      });
    }
  });

  it('states the row counts and exact money sums the warehouse holds after loading everything', () => {
    const recomputed = recomputeTotals(warehouse);
    for (const entity of entities) expect({ entity: entity.name, ...recomputed[entity.name] }).toEqual({ entity: entity.name, ...run.manifest.entities[entity.name] });
  });

  it('totals the quarantine by reason and by entity', () => {
    const byReason = Object.fromEntries(quarantineReasonOrder.map((reason) => [reason, 0]));
    for (const file of warehouse.files) for (const [reason, count] of file.quarantine) byReason[reason] = (byReason[reason] ?? 0) + count;
    expect(run.manifest.quarantine.by_reason).toEqual(byReason);
    expect(Object.values(run.manifest.quarantine.by_entity).reduce((sum, count) => sum + count, 0)).toBe(run.manifest.quarantine.total);
  });

  it('plants every quarantine reason at least once', () => {
    for (const reason of quarantineReasonOrder) expect({ reason, count: run.manifest.quarantine.by_reason[reason] > 0 }).toEqual({ reason, count: true });
  });

  it('orders the files as they load: entities in contract order, each entity clean before dirty', () => {
    const order = entities.map((entity) => entity.name);
    const paths = run.manifest.files.map((file) => file.path);
    expect(run.manifest.files.map((file) => order.indexOf(file.entity))).toEqual([...run.manifest.files.map((file) => order.indexOf(file.entity))].sort((a, b) => a - b));
    for (const entity of order) {
      const own = paths.filter((path) => path.startsWith(`data/${entity}-`) || path.startsWith(`data/${entity}.`));
      expect(own).toEqual([...own].sort());
      expect(own.at(-1)).toMatch(/-dirty\./);
    }
  });
});
