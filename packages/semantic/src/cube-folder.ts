/**
 * The repository's cube/ folder: cube.js (auth, row security, refresh) and model/. Loaded
 * as CommonJS exactly as Cube's server loads it, so both serving modes share one
 * configuration.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import type { CreateOptions } from '@cubejs-backend/server-core';
import { projectRoot } from '@ppm/runtime';
import { SemanticConfigError } from './errors.js';

const require = createRequire(import.meta.url);

/** The subset of Cube's configuration object that cube/cube.js sets. */
export interface CubeFolderConfig {
  readonly queryRewrite: (query: unknown, context: { securityContext: unknown }) => Promise<unknown>;
  readonly contextToApiScopes: (securityContext: unknown, defaultScopes: string[]) => Promise<string[]>;
  readonly [option: string]: unknown;
}

/** The scope a security context grants (cube/access.js accessScope). */
export interface AccessScope {
  readonly role: Role;
  readonly regions?: readonly string[];
  readonly partners?: readonly string[];
}

export type Role = 'program_admin' | 'region_manager' | 'channel_account_manager' | 'partner';

interface AccessModule {
  readonly roles: readonly Role[];
  readonly views: Record<string, { grain?: 'auto' | 'month'; adminOnly?: boolean }>;
  readonly endOfPeriodMeasures: ReadonlySet<string>;
  accessScope(securityContext: unknown, namespace?: string): AccessScope;
  sqlAuth(verifyToken: (token: string) => unknown): NonNullable<CreateOptions['checkSqlAuth']>;
}

/** PPM_CUBE_DIR, else the cube/ folder of this repository. */
export function defaultCubeDir(env: NodeJS.ProcessEnv = process.env): string {
  return resolve(env.PPM_CUBE_DIR ?? join(projectRoot(), 'cube'));
}

function requireFrom<T>(cubeDir: string, file: string): T {
  const path = join(cubeDir, file);
  if (!existsSync(path)) throw new SemanticConfigError(`${path} not found: point PPM_CUBE_DIR at the cube/ folder of the repository`);
  return require(path) as T;
}

export function loadCubeConfig(cubeDir: string): CubeFolderConfig {
  return requireFrom<CubeFolderConfig>(cubeDir, 'cube.js');
}

/** cube/access.js: roles, public views and the scope check that cube.js applies. */
export function loadAccessRules(cubeDir: string = defaultCubeDir()): AccessModule {
  return requireFrom<AccessModule>(cubeDir, 'access.js');
}
