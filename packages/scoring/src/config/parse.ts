import { createHash } from 'node:crypto';
import { ConfigError, describeIssues } from '@ppm/core';
import { parse as parseYaml } from 'yaml';
import type { z } from 'zod';
import { scoringConfigSchema, type ScoringConfig } from './schema.js';

/** Adds a hint to unknown-key errors: a typo in a metric name should say where the names come from. */
function withHints(issues: readonly z.core.$ZodIssue[]): z.core.$ZodIssue[] {
  return issues.map((issue) => {
    if (issue.code !== 'unrecognized_keys') return issue;
    const keys = issue.keys.map((key) => `"${key}"`).join(', ');
    const parent = issue.path.at(-1);
    const hint =
      parent === 'metrics'
        ? 'use a metric name from the metrics catalog (docs/metrics.md), e.g. attainment'
        : parent === 'entry' || parent === 'retain'
          ? 'use health_score, trailing_attainment or a metric where higher is better, e.g. trailing_12m_revenue'
          : 'check the spelling against config/scoring.yml';
    return { ...issue, message: `unknown key ${keys}: ${hint}` };
  });
}

/** Validates a configuration object (already parsed from YAML or JSON); `source` names it in errors. */
export function validateScoringConfig(raw: unknown, source = 'scoring configuration'): ScoringConfig {
  const result = scoringConfigSchema.safeParse(raw ?? {});
  if (!result.success)
    throw new ConfigError(`Invalid scoring configuration:\n${describeIssues(source, withHints(result.error.issues))}`);
  return result.data;
}

/** Parses scoring configuration YAML (e.g. config/scoring.yml); `source` names the file in error messages. */
export function parseScoringConfig(yamlText: string, source = 'scoring configuration'): ScoringConfig {
  let raw: unknown;
  try {
    raw = parseYaml(yamlText);
  } catch (error) {
    throw new ConfigError(`${source}: not valid YAML: ${(error as Error).message}`);
  }
  return validateScoringConfig(raw, source);
}

export const defaultScoringConfig: ScoringConfig = scoringConfigSchema.parse({});

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * A stable hash of the normalized configuration (defaults filled in, key order and
 * comments irrelevant); the human `version` label is not part of it.
 */
export function configHash(config: ScoringConfig): string {
  const { version: _version, ...rest } = config;
  return createHash('sha256').update(canonicalJson(rest)).digest('hex').slice(0, 12);
}

/** The `config_version` written on every result row: `<version>+<hash>`, or the hash alone. */
export function configVersion(config: ScoringConfig): string {
  const hash = configHash(config);
  return config.version === null ? hash : `${config.version}+${hash}`;
}
