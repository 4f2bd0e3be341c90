import { readRuntimeEnv, type RuntimeEnv } from './env.js';
import { dataLayout, defaultDataDir } from './paths.js';
import { runningOn, stopPostgres } from './postgres.js';
import { clearState, readState } from './state.js';
import { stopTemporal } from './temporal.js';

export interface ServiceStatus {
  readonly service: 'postgres' | 'temporal';
  readonly running: boolean;
  readonly pid?: number;
  readonly url?: string;
  readonly uiUrl?: string;
  /** 'detached' (ppm services up), 'owned' (by a live process), 'orphaned' (its owner died). */
  readonly ownedBy?: 'detached' | 'owned' | 'orphaned';
}

function layoutFor(env: RuntimeEnv, dataDir?: string) {
  return dataLayout(dataDir ?? defaultDataDir(env));
}

/** What runs on this data directory (the local services only; external ones are not ours to report). */
export function serviceStatus(options: { env?: RuntimeEnv; dataDir?: string } = {}): ServiceStatus[] {
  const layout = layoutFor(options.env ?? readRuntimeEnv(), options.dataDir);
  return (['postgres', 'temporal'] as const).map((service) => {
    const state = readState(layout.run, service);
    const pid = service === 'postgres' ? runningOn(layout.postgres)?.pid : state?.pid;
    if (!pid) return { service, running: false };
    const ownedBy = !state || state.ownerPid === null ? 'detached' : isOwnerAlive(state.ownerPid) ? 'owned' : 'orphaned';
    return { service, running: true, pid, ...(state ? { url: state.url } : {}), ...(state?.uiUrl ? { uiUrl: state.uiUrl } : {}), ownedBy };
  });
}

function isOwnerAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Stops the local services running on this data directory, whoever started them. */
export async function stopLocalServices(options: { env?: RuntimeEnv; dataDir?: string } = {}): Promise<string[]> {
  const layout = layoutFor(options.env ?? readRuntimeEnv(), options.dataDir);
  const stopped: string[] = [];
  const temporal = readState(layout.run, 'temporal');
  if (temporal) {
    await stopTemporal(temporal.pid);
    stopped.push('temporal');
  }
  clearState(layout.run, 'temporal');
  const postgres = runningOn(layout.postgres);
  if (postgres) {
    await stopPostgres(postgres.pid);
    stopped.push('postgres');
  }
  clearState(layout.run, 'postgres');
  return stopped;
}
