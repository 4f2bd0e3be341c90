import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot, readRuntimeEnv, startServices } from '@ppm/runtime';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
    temporalAddress: string;
    temporalNamespace: string;
  }
}

/**
 * One PostgreSQL and one Temporal for the whole run, in a throw-away data directory;
 * test files isolate themselves by database (see support/database.ts).
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const base = join(projectRoot(), '.data', 'test-runs');
  mkdirSync(base, { recursive: true });
  const dataDir = mkdtempSync(join(base, 'run-'));
  const services = await startServices({ env: readRuntimeEnv(), dataDir, ephemeral: true });
  project.provide('databaseUrl', services.databaseUrl);
  project.provide('temporalAddress', services.temporalAddress);
  project.provide('temporalNamespace', services.temporalNamespace);
  return async () => {
    await services.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
}
