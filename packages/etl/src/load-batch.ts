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
  /** Told when a batch waits for another load of the same table. */
  readonly onWait?: (message: string) => void;
}

/** What a reader reports after streaming a batch into the sink. */
export interface ReadFacts {
  readonly records: number;
  readonly sha256?: string;
  readonly encoding?: string;
  readonly delimiter?: string;
  /** Line of the header row (tabular files). */
  readonly headerLine?: number;
  /** Rows above the header passed over as a report's title. */
  readonly titleRows?: number;
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
  /** Where the header was when rows above it were passed over as a report's title. */
  readonly headerLine?: number;
  readonly titleRows?: number;
  readonly durationMs: number;
}

const emptyCounts: MergeCounts = { rowsLoaded: 0, rowsUpdated: 0, rowsUnchanged: 0, rowsQuarantined: 0, quarantinedByReason: {} };

const today = () => new Date().toISOString().slice(0, 10);

async function recordFinished(client: pg.PoolClient, loadId: string, counts: MergeCounts, facts: ReadFacts): Promise<void> {
  await client.query(
    `update ops.load_batches set status = 'succeeded', finished_at = clock_timestamp(), rows_read = $2, rows_loaded = $3,
       rows_updated = $4, rows_unchanged = $5, rows_quarantined = $6, content_sha256 = $7, encoding = $8, delimiter = $9, header_line = $10
     where load_id = $1`,
    [loadId, facts.records, counts.rowsLoaded, counts.rowsUpdated, counts.rowsUnchanged, counts.rowsQuarantined, facts.sha256 ?? null, facts.encoding ?? null, facts.delimiter ?? null, facts.headerLine ?? null],
  );
}

/**
 * The advisory lock a batch's connection holds while the batch runs, keyed by load id: a
 * batch marked running whose lock is free belongs to a process that died (see abandonInterruptedBatches).
 */
const batchLock = (loadId: string) => `hashtext('ppm.load_batch'), hashtext('${loadId}')`;

const describe = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Cancels the statement the batch's connection runs when the load is stopped (Ctrl-C, a cancelled activity). */
function cancelOnAbort(target: LoadTarget, client: pg.PoolClient): () => void {
  const { signal } = target;
  const backend = (client as pg.PoolClient & { processID?: number }).processID;
  if (!signal || backend === undefined) return () => undefined;
  const cancel = () => void target.db.raw('select pg_cancel_backend(?)', [backend]).catch(() => undefined);
  signal.addEventListener('abort', cancel, { once: true });
  return () => signal.removeEventListener('abort', cancel);
}

interface Batch {
  readonly loadId: string;
  readonly entity: EntityDefinition;
  readonly fileName: string;
  read(sink: RecordSink): Promise<ReadFacts>;
}

/** Stages the batch's records, then validates and merges them; `onRead` learns what the reader saw. */
async function stageAndMerge(target: LoadTarget, client: pg.PoolClient, batch: Batch, onRead: (facts: ReadFacts) => void): Promise<MergeCounts> {
  const { loadId, entity, fileName } = batch;
  const staging = stagingTable(loadId);
  await client.query(createStagingSql(entity, staging));
  try {
    const writer = new StagingWriter(client, entity, staging, target.signal);
    let facts: ReadFacts;
    try {
      facts = await batch.read(writer);
      onRead(facts);
    } catch (error) {
      writer.abort(error as Error);
      throw error;
    }
    await writer.finish();
    const context = { client, entity, config: target.config, staging, loadId, source: target.source, fileName, asOf: target.asOf ?? today(), fullSnapshot: target.fullSnapshot ?? false, formats: target.formats ?? standardFormats, valueMaps: target.valueMaps?.[entity.name] ?? {}, ...(target.onWait ? { onWait: target.onWait } : {}) };
    return await validateAndMerge(context, (merged) => recordFinished(client, loadId, merged, facts));
  } finally {
    // Once more if a stop's cancel hit the first attempt.
    const drop = () => client.query(dropBatchTablesSql(loadId));
    await drop().catch(drop).catch(() => undefined);
  }
}

/** Records the batch as running and runs it, holding the batch's lock on the connection that does the work. */
function runLocked(target: LoadTarget, batch: Batch, onRead: (facts: ReadFacts) => void): Promise<MergeCounts> {
  return withConnection(target.db, async (client) => {
    await client.query(`select pg_advisory_lock(${batchLock(batch.loadId)})`);
    const stopCancelling = cancelOnAbort(target, client);
    try {
      await client.query('insert into ops.load_batches (load_id, run_id, source, entity, file_name, status) values ($1, $2, $3, $4, $5, $6)', [
        batch.loadId,
        target.runId ?? null,
        target.source,
        batch.entity.name,
        batch.fileName,
        'running',
      ]);
      return await stageAndMerge(target, client, batch, onRead);
    } finally {
      stopCancelling();
      // A cancel sent as the batch ended may hit the first unlock instead: a pooled connection must not keep the lock.
      const unlock = () => client.query(`select pg_advisory_unlock(${batchLock(batch.loadId)})`);
      await unlock().catch(unlock);
    }
  });
}

/**
 * Loads one batch: `read` streams records into a fresh unlogged staging table (COPY),
 * then validation, quarantine, merge and the lineage record commit together. A batch
 * that fails leaves the core tables as they were and is recorded as failed (cancelled
 * when the load was stopped).
 */
export async function loadBatch(
  target: LoadTarget,
  entity: EntityDefinition,
  fileName: string,
  read: (sink: RecordSink) => Promise<ReadFacts>,
): Promise<BatchResult> {
  const started = Date.now();
  const loadId = randomUUID();
  const base = { loadId, source: target.source, entity: entity.name, fileName };
  let facts: ReadFacts = { records: 0 };
  try {
    const counts = await runLocked(target, { loadId, entity, fileName, read }, (seen) => (facts = seen));
    const belowTitle = facts.titleRows ? { headerLine: facts.headerLine, titleRows: facts.titleRows } : {};
    return { ...base, ...counts, status: 'succeeded', rowsRead: facts.records, ...(facts.sha256 ? { sha256: facts.sha256 } : {}), ...belowTitle, durationMs: Date.now() - started };
  } catch (error) {
    const stopped = target.signal?.aborted === true;
    const message = stopped ? `cancelled: the load was stopped during this batch, which was rolled back (${describe(target.signal?.reason)})` : describe(error);
    await target.db('ops.load_batches')
      .where({ load_id: loadId })
      .update({ status: stopped ? 'cancelled' : 'failed', error: message, finished_at: target.db.fn.now(), rows_read: facts.records });
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

/**
 * Batches marked running whose loading process died (killed, out of memory, a machine
 * restart) never committed: PostgreSQL released their lock with the process's connection.
 * Records them as failed and drops their staging tables; batches still loading keep their
 * lock and are left alone.
 */
export async function abandonInterruptedBatches(db: LoadTarget['db']): Promise<{ loadId: string; fileName: string }[]> {
  const running = await db('ops.load_batches').where({ status: 'running' }).pluck<string[]>('load_id');
  const abandoned: { loadId: string; fileName: string }[] = [];
  // One batch at a time: the lock is only ever tried on running batches (a lock per row of the whole table could exhaust the lock table).
  for (const loadId of running) {
    const result = await db.raw<{ rows: { file_name: string }[] }>(
      `update ops.load_batches
       set status = 'failed', finished_at = now(),
         error = 'interrupted: the process loading this batch stopped before it committed; nothing of it was loaded'
       where load_id = ? and status = 'running' and pg_try_advisory_xact_lock(${batchLock(loadId)})
       returning file_name`,
      [loadId],
    );
    const [row] = result.rows;
    if (!row) continue;
    await db.raw(dropBatchTablesSql(loadId));
    abandoned.push({ loadId, fileName: row.file_name });
  }
  return abandoned;
}
