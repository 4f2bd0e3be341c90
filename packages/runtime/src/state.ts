import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isAlive } from './processes.js';

/** What a running service left behind so later processes can find, share or stop it. */
export interface ServiceState {
  readonly pid: number;
  /** The process that stops this service when it exits; null when started detached (`ppm services up`). */
  readonly ownerPid: number | null;
  readonly url: string;
  readonly uiUrl?: string;
  readonly startedAt: string;
}

export function readState(runDir: string, service: string): ServiceState | undefined {
  try {
    const state = JSON.parse(readFileSync(join(runDir, `${service}.json`), 'utf8')) as ServiceState;
    return isAlive(state.pid) ? state : undefined;
  } catch {
    return undefined;
  }
}

export function writeState(runDir: string, service: string, state: ServiceState): void {
  mkdirSync(runDir, { recursive: true });
  writeFileSync(join(runDir, `${service}.json`), `${JSON.stringify(state, null, 2)}\n`);
}

export function clearState(runDir: string, service: string): void {
  rmSync(join(runDir, `${service}.json`), { force: true });
}

/**
 * Whether this process should stop a service it found running: yes when it was
 * started by a process that has since died (an orphan), no when it was started
 * detached or its owner is still alive.
 */
export function shouldAdopt(state: ServiceState): boolean {
  return state.ownerPid !== null && !isAlive(state.ownerPid);
}
