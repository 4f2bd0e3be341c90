import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultProgramConfig, parseProgramConfig, type ProgramConfig } from '@ppm/core';
import { parseSources, SourceConfigError, type SourceDefinition } from '@ppm/etl';
import { projectRoot } from '@ppm/runtime';

export interface PlatformConfig {
  /** Folder the configuration was read from. */
  readonly dir: string;
  readonly program: ProgramConfig;
  readonly sources: ReadonlyMap<string, SourceDefinition>;
}

export function configDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.PPM_CONFIG_DIR ?? join(projectRoot(), 'config');
}

/** Reads program.yml and sources.yml from the configuration folder; a missing file means defaults / no sources. */
export function loadPlatformConfig(dir = configDir()): PlatformConfig {
  const programFile = join(dir, 'program.yml');
  const sourcesFile = join(dir, 'sources.yml');
  const program = existsSync(programFile) ? parseProgramConfig(readFileSync(programFile, 'utf8'), programFile) : defaultProgramConfig;
  const sources = existsSync(sourcesFile) ? parseSources(readFileSync(sourcesFile, 'utf8'), sourcesFile, dir) : new Map<string, SourceDefinition>();
  return { dir, program, sources };
}

export function sourceNamed(config: PlatformConfig, name: string): SourceDefinition {
  const source = config.sources.get(name);
  if (source) return source;
  const known = [...config.sources.keys()].join(', ') || '(none)';
  throw new SourceConfigError(`Unknown source "${name}". Configured sources in ${join(config.dir, 'sources.yml')}: ${known}.`);
}
