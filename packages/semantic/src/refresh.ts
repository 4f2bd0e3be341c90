/**
 * Builds the rollups (pre-aggregations) after the pipeline rebuilt the marts, so the first
 * BI query after a pipeline run reads fresh rollups instead of building them. Cube's own
 * manual build (RefreshScheduler.buildPreAggregations) on a short-lived server-core, then
 * VACUUM (ANALYZE) of the new tables so the first queries can use index-only scans.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { createSemanticCore, type SemanticCoreOptions } from './core.js';
import { PreAggregationRefreshError } from './errors.js';
import { vacuumRollupTables } from './rollup-vacuum.js';

export interface RefreshPreAggregationsOptions extends Omit<SemanticCoreOptions, 'scheduledRefresh' | 'apiSecret'> {
  /** Only these pre-aggregations (ids such as "partner_period_metrics.by_group_month"); default all. */
  readonly preAggregations?: readonly string[];
  /** Rebuild even when the refresh keys (max(updated_at) of the marts) did not change. */
  readonly force?: boolean;
  /** Time zones to build for; default ["UTC"] (queries in another time zone use their own build). */
  readonly timezones?: readonly string[];
  /** Called about every 5 seconds while builds run (e.g. a Temporal activity heartbeat). */
  readonly onProgress?: (progress: RefreshProgress) => void;
  /** Stops waiting (the builds already queued in PostgreSQL finish or are abandoned). */
  readonly signal?: AbortSignal;
}

export interface RefreshProgress {
  /** The pre-aggregation being built. */
  readonly preAggregation: string;
  readonly elapsedMs: number;
}

export interface RefreshSummary {
  /** The pre-aggregations that are now up to date. */
  readonly preAggregations: readonly string[];
  readonly durationMs: number;
}

const isContinueWait = (error: unknown) => typeof error === 'object' && error !== null && (error as { error?: unknown }).error === 'Continue wait';

function describe(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (typeof error === 'object' && error !== null && 'error' in error) return String((error).error);
  return String(error);
}

type Core = ReturnType<typeof createSemanticCore>;

async function buildOne(core: Core, context: Parameters<Core['buildPreAggregations']>[0], id: string, options: RefreshPreAggregationsOptions, started: number): Promise<void> {
  let force = options.force ?? false;
  for (;;) {
    options.signal?.throwIfAborted();
    options.onProgress?.({ preAggregation: id, elapsedMs: performance.now() - started });
    try {
      await core.buildPreAggregations(context, {
        timezones: [...(options.timezones ?? ['UTC'])],
        preAggregations: [{ id }],
        forceBuildPreAggregations: force,
        throwErrors: true,
      });
      return;
    } catch (error) {
      // The build goes on in Cube's queue; asking again waits for the same build.
      if (!isContinueWait(error)) throw new PreAggregationRefreshError(`Building pre-aggregation ${id} failed: ${describe(error)}`, { cause: error });
      force = false;
    }
  }
}

/**
 * Builds every pre-aggregation of the model (or the ones named) whose refresh key changed,
 * and waits until they are built. Idempotent: a second call with unchanged marts builds
 * nothing. Throws PreAggregationRefreshError when a build fails.
 */
export async function refreshPreAggregations(options: RefreshPreAggregationsOptions): Promise<RefreshSummary> {
  const started = performance.now();
  // No API is served: the secret only satisfies Cube's option check.
  // Refresh keys are read afresh: the marts have just been rebuilt, perhaps by this process.
  const core = createSemanticCore({ ...options, apiSecret: randomBytes(32).toString('hex'), scheduledRefresh: false, refreshKeyRenewalSeconds: 1 });
  const context = { securityContext: { role: 'program_admin' }, requestId: `refresh-pre-aggregations-${randomUUID()}` };
  try {
    const compilerApi = await core.getCompilerApi(context);
    const all = (await compilerApi.preAggregations()).map((preAggregation) => preAggregation.id);
    const unknown = (options.preAggregations ?? []).filter((id) => !all.includes(id));
    if (unknown.length) throw new PreAggregationRefreshError(`Unknown pre-aggregations: ${unknown.join(', ')} (the model has ${all.join(', ')})`);
    const ids = options.preAggregations ? [...options.preAggregations] : all;
    // One at a time: Cube re-reads the list of rollup tables after each build, and two builds
    // finishing together can read a list without the other's new table.
    for (const id of ids) await buildOne(core, context, id, options, started);
    await vacuumRollupTables(options.databaseUrl, await core.rollupSchema(context));
    return { preAggregations: ids, durationMs: Math.round(performance.now() - started) };
  } finally {
    await core.close();
  }
}
