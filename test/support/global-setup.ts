import { existsSync, mkdtempSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot, readRuntimeEnv, serviceStatus, startServices, stopLocalServices } from '@ppm/runtime';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
    temporalAddress: string;
    temporalNamespace: string;
    /** This run's scratch folder: test files put their temporary files under it. */
    runDir: string;
  }
}

const env = readRuntimeEnv({});
const running = (dataDir: string) => (existsSync(join(dataDir, 'run')) ? serviceStatus({ env, dataDir }).filter((status) => status.running) : []);

/**
 * Services and files left by runs that were killed before their teardown: a run folder whose
 * services have no live owner is abandoned; its services (and those of test folders inside it)
 * are stopped and the folder removed.
 */
async function cleanUpAbandonedRuns(base: string): Promise<void> {
  for (const entry of readdirSync(base)) {
    const runDir = join(base, entry);
    if (running(runDir).some((status) => status.ownedBy === 'owned')) continue;
    const nested = existsSync(runDir) ? readdirSync(runDir).map((name) => join(runDir, name)) : [];
    for (const dataDir of [runDir, ...nested]) {
      if (running(dataDir).length > 0) await stopLocalServices({ env, dataDir });
    }
    rmSync(runDir, { recursive: true, force: true });
  }
}

/**
 * One PostgreSQL and one Temporal for the whole run, in a throw-away data directory;
 * test files isolate themselves by database (see support/database.ts).
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const base = join(projectRoot(), '.data', 'test-runs');
  mkdirSync(base, { recursive: true });
  await cleanUpAbandonedRuns(base);
  const dataDir = mkdtempSync(join(base, 'run-'));
  const services = await startServices({ env: readRuntimeEnv(), dataDir, ephemeral: true });
  project.provide('databaseUrl', services.databaseUrl);
  project.provide('temporalAddress', services.temporalAddress);
  project.provide('temporalNamespace', services.temporalNamespace);
  project.provide('runDir', dataDir);
  return async () => {
    await services.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
}
