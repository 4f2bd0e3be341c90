import { randomUUID } from 'node:crypto';
import type { EntityDefinition, ProgramConfig, QuarantineReason } from '@ppm/core';
import { withConnection, type Warehouse } from '@ppm/warehouse';
import type pg from 'pg';
import { validateAndMerge, type MergeCounts } from './batch.js';
import { standardFormats, type EntityValueMaps, type ValueFormats } from './sql/value-formats.js';
import type { RecordSink } from './input/records.js';
import { createStagingSql, dropBatchTablesSql, StagingWriter, stagingTable } from './staging.js';

export interface LoadTarget {
  readonly db: Warehouse;
  readonly config: ProgramConfig;
  /** Name of the source the batch comes from (lineage). */
  readonly source: string;
  readonly runId?: string;
  /** Date (YYYY-MM-DD) partner rows without effective_from take effect; today by default. */
  readonly asOf?: string;
  /** Treat partner files as full snapshots: partners missing from them become inactive. */
  readonly fullSnapshot?: boolean;
  /** How the source writes dates and decimals (files sources: `date_format`, `decimal_separator`). */
  readonly formats?: ValueFormats;
  /** Per entity: the source's own texts for fixed-list values (files sources: `values`). */
  readonly valueMaps?: Readonly<Partial<Record<string, EntityValueMaps>>>;
  /** Aborts the batch in flight (it rolls back). */
  readonly signal?: AbortSignal;
}

/** What a reader reports after streaming a batch into the sink. */
export interface ReadFacts {
  readonly records: number;
  readonly sha256?: string;
  readonly encoding?: string;
  readonly delimiter?: string;
}

export interface BatchResult extends MergeCounts {
  readonly loadId: string;
  readonly source: string;
  readonly entity: string;
  readonly fileName: string;
  readonly status: 'succeeded' | 'failed';
  readonly rowsRead: number;
  readonly error?: string;
  readonly sha256?: string;
  readonly durationMs: number;
}

const emptyCounts: MergeCounts = { rowsLoaded: 0, rowsUpdated: 0, rowsUnchanged: 0, rowsQuarantined: 0, quarantinedByReason: {} };

const today = () => new Date().toISOString().slice(0, 10);

async function recordFinished(client: pg.PoolClient, loadId: string, counts: MergeCounts, facts: ReadFacts): Promise<void> {
  await client.query(
    `update ops.load_batches set status = 'succeeded', finished_at = clock_timestamp(), rows_read = $2, rows_loaded = $3,
       rows_updated = $4, rows_unchanged = $5, rows_quarantined = $6, content_sha256 = $7, encoding = $8, delimiter = $9
     where load_id = $1`,
    [loadId, facts.records, counts.rowsLoaded, counts.rowsUpdated, counts.rowsUnchanged, counts.rowsQuarantined, facts.sha256 ?? null, facts.encoding ?? null, facts.delimiter ?? null],
  );
}

/**
 * Loads one batch: `read` streams records into a fresh unlogged staging table (COPY),
 * then validation, quarantine, merge and the lineage record commit together. A batch
 * that fails leaves the core tables as they were and is recorded as failed.
 */
export async function loadBatch(
  target: LoadTarget,
  entity: EntityDefinition,
  fileName: string,
  read: (sink: RecordSink) => Promise<ReadFacts>,
): Promise<BatchResult> {
  const started = Date.now();
  const loadId = randomUUID();
  const staging = stagingTable(loadId);
  const base = { loadId, source: target.source, entity: entity.name, fileName };
  await target.db('ops.load_batches').insert({ load_id: loadId, run_id: target.runId ?? null, source: target.source, entity: entity.name, file_name: fileName, status: 'running' });

  let facts: ReadFacts = { records: 0 };
  try {
    const counts = await withConnection(target.db, async (client) => {
      await client.query(createStagingSql(entity, staging));
      try {
        const writer = new StagingWriter(client, entity, staging, target.signal);
        try {
          facts = await read(writer);
        } catch (error) {
          writer.abort(error as Error);
          throw error;
        }
        await writer.finish();
        const context = { client, entity, config: target.config, staging, loadId, source: target.source, fileName, asOf: target.asOf ?? today(), fullSnapshot: target.fullSnapshot ?? false, formats: target.formats ?? standardFormats, valueMaps: target.valueMaps?.[entity.name] ?? {} };
        return await validateAndMerge(context, (merged) => recordFinished(client, loadId, merged, facts));
      } finally {
        await client.query(dropBatchTablesSql(loadId)).catch(() => undefined);
      }
    });
    return { ...base, ...counts, status: 'succeeded', rowsRead: facts.records, ...(facts.sha256 ? { sha256: facts.sha256 } : {}), durationMs: Date.now() - started };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await target.db('ops.load_batches').where({ load_id: loadId }).update({ status: 'failed', error: message, finished_at: target.db.fn.now(), rows_read: facts.records });
    return { ...base, ...emptyCounts, status: 'failed', rowsRead: facts.records, error: message, durationMs: Date.now() - started };
  }
}

export function totalQuarantined(results: readonly BatchResult[]): Partial<Record<QuarantineReason, number>> {
  const totals: Partial<Record<QuarantineReason, number>> = {};
  for (const result of results) {
    for (const [reason, count] of Object.entries(result.quarantinedByReason) as [QuarantineReason, number][]) {
      totals[reason] = (totals[reason] ?? 0) + count;
    }
  }
  return totals;
}

/**
 * After a worker crash, batches of the run still marked running never committed:
 * record them as failed and drop their staging tables. Returns their load ids.
 */
export async function abandonRunningBatches(db: LoadTarget['db'], runId: string): Promise<string[]> {
  const rows = await db('ops.load_batches')
    .where({ run_id: runId, status: 'running' })
    .update({ status: 'failed', error: 'abandoned: the worker stopped during this batch, which was rolled back and loaded again', finished_at: db.fn.now() })
    .returning<{ load_id: string }[]>('load_id');
  for (const row of rows) await db.raw(dropBatchTablesSql(row.load_id));
  return rows.map((row) => row.load_id);
}
