import { join } from 'node:path';
import { readRuntimeEnv, type RuntimeEnv } from './env.js';
import { dataLayout, defaultDataDir, defaultToolsDir, type DataLayout } from './paths.js';
import { runningOn, startEmbeddedPostgres, stopPostgres } from './postgres.js';
import { checkExternalPostgres, redactUrl } from './postgres-check.js';
import { clearState, readState, shouldAdopt, writeState, type ServiceState } from './state.js';
import { checkExternalTemporal, checkTemporal, startTemporalDevServer, stopTemporal } from './temporal.js';

export interface ServicesOptions {
  readonly env?: RuntimeEnv;
  /** Overrides PPM_DATA_DIR. */
  readonly dataDir?: string;
  /** Leave the services running when this process exits (`ppm services up`). */
  readonly detached?: boolean;
  /** Tests: fast, non-durable PostgreSQL settings and an in-memory Temporal. */
  readonly ephemeral?: boolean;
  /** Only PostgreSQL (benchmarks and tools that need no workflows). */
  readonly withoutTemporal?: boolean;
  readonly log?: (line: string) => void;
}

export type ServiceOrigin = 'external' | 'started' | 'reused';

export interface Services {
  readonly databaseUrl: string;
  /** Empty when started withoutTemporal. */
  readonly temporalAddress: string;
  readonly temporalNamespace: string;
  readonly temporalUiUrl: string | undefined;
  readonly origin: { readonly postgres: ServiceOrigin; readonly temporal: ServiceOrigin };
  readonly layout: DataLayout;
  /** Stops the services this process owns (started, or adopted from a dead owner). */
  stop(): Promise<void>;
}

interface Handle {
  readonly url: string;
  readonly uiUrl?: string;
  readonly origin: ServiceOrigin;
  readonly stop?: () => Promise<void>;
}

function ownership(options: ServicesOptions, found?: ServiceState): boolean {
  if (options.detached) return false;
  return found ? shouldAdopt(found) : true;
}

async function postgres(env: RuntimeEnv, layout: DataLayout, options: ServicesOptions): Promise<Handle> {
  if (env.DATABASE_URL) {
    await checkExternalPostgres(env.DATABASE_URL);
    return { url: env.DATABASE_URL, origin: 'external' };
  }
  const found = readState(layout.run, 'postgres');
  const wasRunning = runningOn(layout.postgres) !== undefined;
  const running = await startEmbeddedPostgres({
    dataDir: layout.postgres,
    logFile: join(layout.logs, 'postgres.log'),
    ...(env.PPM_PG_PORT ? { port: env.PPM_PG_PORT } : {}),
    ephemeral: options.ephemeral ?? false,
  });
  const owned = wasRunning ? ownership(options, found) : !options.detached;
  writeState(layout.run, 'postgres', {
    pid: running.pid,
    ownerPid: owned ? process.pid : (found?.ownerPid ?? null),
    url: running.url,
    startedAt: found?.startedAt ?? new Date().toISOString(),
  });
  const stop = async () => {
    await stopPostgres(running.pid);
    clearState(layout.run, 'postgres');
  };
  return { url: running.url, origin: wasRunning ? 'reused' : 'started', ...(owned ? { stop } : {}) };
}

async function reusableTemporal(layout: DataLayout): Promise<ServiceState | undefined> {
  const found = readState(layout.run, 'temporal');
  if (!found) return undefined;
  try {
    await checkTemporal(found.url, 3000);
    return found;
  } catch {
    return undefined;
  }
}

async function temporal(env: RuntimeEnv, layout: DataLayout, options: ServicesOptions): Promise<Handle> {
  if (env.TEMPORAL_ADDRESS) {
    await checkExternalTemporal(env.TEMPORAL_ADDRESS);
    return { url: env.TEMPORAL_ADDRESS, origin: 'external' };
  }
  const found = options.ephemeral ? undefined : await reusableTemporal(layout);
  if (found) {
    const owned = ownership(options, found);
    if (owned) writeState(layout.run, 'temporal', { ...found, ownerPid: process.pid });
    const stop = async () => {
      await stopTemporal(found.pid);
      clearState(layout.run, 'temporal');
    };
    return { url: found.url, ...(found.uiUrl ? { uiUrl: found.uiUrl } : {}), origin: 'reused', ...(owned ? { stop } : {}) };
  }
  const running = await startTemporalDevServer({
    ...(env.TEMPORAL_CLI_PATH ? { cliPath: env.TEMPORAL_CLI_PATH } : {}),
    toolsDir: defaultToolsDir(env),
    logFile: join(layout.logs, 'temporal.log'),
    ...(options.ephemeral ? {} : { dbFile: join(layout.temporal, 'temporal.db') }),
    ...(env.PPM_TEMPORAL_PORT ? { port: env.PPM_TEMPORAL_PORT } : {}),
    ...(env.PPM_TEMPORAL_UI_PORT ? { uiPort: env.PPM_TEMPORAL_UI_PORT } : {}),
  });
  const { pid, teardown } = running;
  if (pid !== undefined) {
    writeState(layout.run, 'temporal', {
      pid,
      ownerPid: options.detached ? null : process.pid,
      url: running.address,
      uiUrl: running.uiUrl,
      startedAt: new Date().toISOString(),
    });
  }
  const stop = async () => {
    if (teardown) await teardown();
    if (pid !== undefined) await stopTemporal(pid);
    clearState(layout.run, 'temporal');
  };
  return { url: running.address, uiUrl: running.uiUrl, origin: 'started', ...(options.detached && pid !== undefined ? {} : { stop }) };
}

/**
 * Brings up PostgreSQL and Temporal: the external ones named by DATABASE_URL and
 * TEMPORAL_ADDRESS, else the embedded/local ones (reusing servers already running on
 * the same data directory). Stops what it started if the second service fails.
 */
export async function startServices(options: ServicesOptions = {}): Promise<Services> {
  const env = options.env ?? readRuntimeEnv();
  const layout = dataLayout(options.dataDir ?? defaultDataDir(env));
  const log = options.log ?? (() => undefined);
  const database = await postgres(env, layout, options);
  log(`PostgreSQL ${database.origin}: ${redactUrl(database.url)}`);
  let workflowService: Handle;
  try {
    workflowService = options.withoutTemporal ? { url: '', origin: 'external' } : await temporal(env, layout, options);
  } catch (error) {
    await database.stop?.();
    throw error;
  }
  if (!options.withoutTemporal) log(`Temporal ${workflowService.origin}: ${workflowService.url}${workflowService.uiUrl ? ` (Web UI ${workflowService.uiUrl})` : ''}`);
  return {
    databaseUrl: database.url,
    temporalAddress: workflowService.url,
    temporalNamespace: env.TEMPORAL_NAMESPACE,
    temporalUiUrl: workflowService.uiUrl,
    origin: { postgres: database.origin, temporal: workflowService.origin },
    layout,
    async stop() {
      await workflowService.stop?.();
      await database.stop?.();
    },
  };
}
