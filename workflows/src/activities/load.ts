import type { EntityName, QuarantineReason } from '@ppm/core';
import { abandonRunningBatches, loadSource, type LoadProgress, type LoadSummary } from '@ppm/etl';
import type { Warehouse } from '@ppm/warehouse';
import { ApplicationFailure, Context } from '@temporalio/activity';
import { sourceNamed, type PlatformConfig } from '../config.js';
import { withHeartbeat } from './heartbeat.js';

export interface LoadInput {
  readonly source: string;
  readonly runId: string;
  /** Date partner rows without effective_from take effect (YYYY-MM-DD). */
  readonly asOf: string;
  readonly entities?: readonly EntityName[];
}

export interface EntityLoadCounts {
  readonly rowsRead: number;
  readonly rowsLoaded: number;
  readonly rowsUpdated: number;
  readonly rowsUnchanged: number;
  readonly rowsQuarantined: number;
}

export interface LoadResult extends EntityLoadCounts {
  readonly batches: number;
  readonly byEntity: Partial<Record<EntityName, EntityLoadCounts>>;
  readonly quarantinedByReason: Partial<Record<QuarantineReason, number>>;
  readonly ignoredFiles: readonly string[];
  /** Batches that loaded but need a look (a file wholly quarantined, a header below title rows). */
  readonly warnings: readonly string[];
}

function byEntity(summary: LoadSummary): LoadResult['byEntity'] {
  const totals: Partial<Record<EntityName, EntityLoadCounts>> = {};
  for (const batch of summary.batches) {
    const entity = batch.entity as EntityName;
    const current = totals[entity] ?? { rowsRead: 0, rowsLoaded: 0, rowsUpdated: 0, rowsUnchanged: 0, rowsQuarantined: 0 };
    totals[entity] = {
      rowsRead: current.rowsRead + batch.rowsRead,
      rowsLoaded: current.rowsLoaded + batch.rowsLoaded,
      rowsUpdated: current.rowsUpdated + batch.rowsUpdated,
      rowsUnchanged: current.rowsUnchanged + batch.rowsUnchanged,
      rowsQuarantined: current.rowsQuarantined + batch.rowsQuarantined,
    };
  }
  return totals;
}

function toResult(summary: LoadSummary): LoadResult {
  return {
    batches: summary.batches.length,
    rowsRead: summary.rowsRead,
    rowsLoaded: summary.rowsLoaded,
    rowsUpdated: summary.rowsUpdated,
    rowsUnchanged: summary.rowsUnchanged,
    rowsQuarantined: summary.rowsQuarantined,
    quarantinedByReason: summary.quarantinedByReason,
    byEntity: byEntity(summary),
    ignoredFiles: summary.ignoredFiles,
    warnings: summary.warnings,
  };
}

/** Marks batches a dead attempt left running as failed and returns the batches the run already committed. */
async function resumeAfterCrash(db: Warehouse, runId: string): Promise<string[]> {
  await abandonRunningBatches(db, runId);
  return db('ops.load_batches').where({ run_id: runId, status: 'succeeded' }).pluck('file_name');
}

export function createLoadActivities(dependencies: { db: Warehouse; config: PlatformConfig }) {
  return {
    /**
     * Loads a source batch by batch, heartbeating progress. A retry after a worker crash
     * skips the batches the heartbeat says are done; the one in flight had rolled back.
     * Unreadable files fail the activity for good (retrying cannot fix bad data).
     */
    async loadSourceData(input: LoadInput): Promise<LoadResult> {
      const context = Context.current();
      const resumed = context.info.heartbeatDetails as LoadProgress | undefined;
      // A retry skips what earlier attempts committed: the heartbeat may lag the last commit, the lineage table does not.
      const committed = context.info.attempt > 1 ? await resumeAfterCrash(dependencies.db, input.runId) : [];
      const done = [...new Set([...(resumed?.completed ?? []), ...committed])];
      const source = sourceNamed(dependencies.config, input.source);
      const start: LoadProgress = { batchesDone: done.length, batchesTotal: 0, rowsRead: 0, rowsQuarantined: 0, completed: done };
      const summary = await withHeartbeat(start, (report) =>
        loadSource(
          { db: dependencies.db, config: dependencies.config.program, source: input.source, runId: input.runId, asOf: input.asOf, onWait: (message: string) => { context.log.info(message); } },
          source,
          {
            ...(input.entities ? { entities: input.entities } : {}),
            skip: done,
            onProgress: report,
            signal: context.cancellationSignal,
          },
        ),
      );
      const result = toResult(summary);
      if (summary.failed.length > 0) {
        const files = summary.failed.map((failure) => `${failure.fileName}: ${failure.error}`).join('\n');
        throw ApplicationFailure.nonRetryable(`${summary.failed.length} file(s) of source ${input.source} could not be loaded:\n${files}`, 'BadSourceFile', result);
      }
      return result;
    },
  };
}
