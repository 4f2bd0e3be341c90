import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RuntimeEnv } from './env.js';

/** The repository root: the nearest folder above this package holding pnpm-workspace.yaml. */
export function projectRoot(): string {
  let folder = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(folder, 'pnpm-workspace.yaml'))) {
    const parent = dirname(folder);
    if (parent === folder) return process.cwd();
    folder = parent;
  }
  return folder;
}

export interface DataLayout {
  readonly root: string;
  readonly postgres: string;
  readonly temporal: string;
  readonly run: string;
  readonly logs: string;
}

export function dataLayout(dataDir: string): DataLayout {
  const root = resolve(dataDir);
  return {
    root,
    postgres: join(root, 'postgres'),
    temporal: join(root, 'temporal'),
    run: join(root, 'run'),
    logs: join(root, 'logs'),
  };
}

export function defaultDataDir(env: RuntimeEnv): string {
  return env.PPM_DATA_DIR ?? join(projectRoot(), '.data');
}

export function defaultToolsDir(env: RuntimeEnv): string {
  return env.PPM_TOOLS_DIR ?? join(projectRoot(), '.tools');
}
