import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultProgramConfig, parseProgramConfig, type ProgramConfig } from '@ppm/core';
import { parseSources, SourceConfigError, type SourceDefinition } from '@ppm/etl';
import { projectRoot } from '@ppm/runtime';
import { defaultScoringConfig, parseScoringConfig, type ScoringConfig } from '@ppm/scoring';

export interface PlatformConfig {
  /** Folder the configuration was read from. */
  readonly dir: string;
  readonly program: ProgramConfig;
  readonly sources: ReadonlyMap<string, SourceDefinition>;
  /** scoring.yml in the folder, else the defaults @ppm/scoring ships. */
  readonly scoring: ScoringConfig;
}

export function configDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.PPM_CONFIG_DIR ?? join(projectRoot(), 'config');
}

/** Reads program.yml, sources.yml and scoring.yml from the configuration folder; a missing file means defaults / no sources. */
export function loadPlatformConfig(dir = configDir()): PlatformConfig {
  const programFile = join(dir, 'program.yml');
  const sourcesFile = join(dir, 'sources.yml');
  const scoringFile = join(dir, 'scoring.yml');
  const program = existsSync(programFile) ? parseProgramConfig(readFileSync(programFile, 'utf8'), programFile) : defaultProgramConfig;
  const sources = existsSync(sourcesFile) ? parseSources(readFileSync(sourcesFile, 'utf8'), sourcesFile, dir) : new Map<string, SourceDefinition>();
  const scoring = existsSync(scoringFile) ? parseScoringConfig(readFileSync(scoringFile, 'utf8'), scoringFile) : defaultScoringConfig;
  return { dir, program, sources, scoring };
}

export function sourceNamed(config: PlatformConfig, name: string): SourceDefinition {
  const source = config.sources.get(name);
  if (source) return source;
  const known = [...config.sources.keys()].join(', ') || '(none)';
  throw new SourceConfigError(`Unknown source "${name}". Configured sources in ${join(config.dir, 'sources.yml')}: ${known}.`);
}
