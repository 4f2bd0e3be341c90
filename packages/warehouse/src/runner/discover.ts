import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { basename, extname, join, relative, sep } from 'node:path';
import { ModelsConfigError } from './errors.js';

export interface ModelFiles {
  readonly name: string;
  /** Relative to the models folder, `/`-separated. */
  readonly path: string;
  readonly sqlFile: string;
  readonly ymlFile?: string;
}

export interface SingularTestFile {
  readonly name: string;
  readonly path: string;
  readonly file: string;
}

export interface ProjectFiles {
  readonly models: readonly ModelFiles[];
  readonly singularTests: readonly SingularTestFile[];
}

export const projectFileName = 'project.yml';
export const sourcesFileName = 'sources.yml';
const testsFolder = 'tests';
const modelName = /^[a-z_][a-z0-9_]*$/;

/** Model .sql files with the .yml beside each, and the singular tests under tests/. */
export async function discoverFiles(dir: string): Promise<ProjectFiles> {
  if (!existsSync(dir)) throw new ModelsConfigError(`Models folder ${dir} does not exist.`);
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const paths = entries
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .sort();
  const sqlPaths = paths.filter((path) => path.endsWith('.sql'));
  const pathSet = new Set(paths);
  checkOrphanYaml(paths, pathSet);
  const isTest = (path: string) => path.startsWith(`${testsFolder}/`);
  return {
    models: sqlPaths.filter((path) => !isTest(path)).map((path) => modelFiles(dir, path, pathSet)),
    singularTests: sqlPaths.filter(isTest).map((path) => ({ name: nameOf(path), path, file: join(dir, path) })),
  };
}

function modelFiles(dir: string, path: string, pathSet: ReadonlySet<string>): ModelFiles {
  const ymlPath = path.replace(/\.sql$/, '.yml');
  return {
    name: nameOf(path),
    path,
    sqlFile: join(dir, path),
    ...(pathSet.has(ymlPath) ? { ymlFile: join(dir, ymlPath) } : {}),
  };
}

function nameOf(path: string): string {
  const name = basename(path, extname(path));
  if (!modelName.test(name)) {
    throw new ModelsConfigError(`${path}: the file name is the model's name; use lowercase letters, digits and underscores.`);
  }
  return name;
}

/** A .yml whose .sql was renamed or deleted would otherwise be ignored without a word. */
function checkOrphanYaml(paths: readonly string[], pathSet: ReadonlySet<string>): void {
  for (const path of paths) {
    if (path === projectFileName || path === sourcesFileName) continue;
    if (path.endsWith('.yaml')) throw new ModelsConfigError(`${path}: name model YAML files .yml, beside the .sql of the same name.`);
    if (path.endsWith('.yml') && !pathSet.has(path.replace(/\.yml$/, '.sql'))) {
      throw new ModelsConfigError(`${path}: no ${basename(path, '.yml')}.sql beside it; rename or remove the .yml.`);
    }
  }
}
