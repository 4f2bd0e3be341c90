import { readFileSync } from 'node:fs';
import { ConfigError } from '@ppm/core';
import { describe, expect, it } from 'vitest';
import { configHash, configVersion, defaultScoringConfig, parseScoringConfig, validateScoringConfig } from '../src/index.js';

const shipped = readFileSync(new URL('../config/scoring.yml', import.meta.url), 'utf8');

describe('parseScoringConfig', () => {
  it('fills every default from an empty file', () => {
    expect(parseScoringConfig('')).toEqual(defaultScoringConfig);
  });

  it('reads the shipped config/scoring.yml as exactly the default configuration', () => {
    expect(parseScoringConfig(shipped, 'config/scoring.yml')).toEqual(defaultScoringConfig);
  });

  it('keeps the default metrics of a category when only its weight is given', () => {
    const config = parseScoringConfig('health: { categories: { revenue: { weight: 70 } } }');
    expect(config.health.categories.revenue.weight).toBe(70);
    expect(config.health.categories.revenue.metrics).toEqual(defaultScoringConfig.health.categories.revenue.metrics);
  });

  it.each([
    ['an unknown metric', 'health: { categories: { revenue: { metrics: { attainmnet: { weight: 1, method: percentile } } } } }', /health\.categories\.revenue\.metrics: unknown key "attainmnet": use a metric name from the metrics catalog/],
    ['a metric without direction', 'health: { categories: { revenue: { metrics: { target: { weight: 1, method: percentile } } } } }', /health\.categories\.revenue\.metrics\.target: "target" has no direction/],
    ['all-zero category weights', 'health: { categories: { revenue: { weight: 0 }, pipeline: { weight: 0 }, enablement: { weight: 0 }, engagement: { weight: 0 } } }', /health\.categories: all category weights are 0/],
    ['a weighted category without weighted metrics', 'health: { categories: { pipeline: { metrics: { pipeline_coverage: { weight: 0, method: target, cap: 3 } } } } }', /health\.categories\.pipeline\.metrics: category pipeline has weight 25 but no metric with a positive weight/],
    ['a negative weight', 'health: { categories: { revenue: { weight: -1 } } }', /health\.categories\.revenue\.weight: weights cannot be negative/],
    ['a target method without cap', 'health: { categories: { revenue: { metrics: { attainment: { weight: 1, method: target } } } } }', /health\.categories\.revenue\.metrics\.attainment\.cap/],
    ['an unknown method', 'health: { categories: { revenue: { metrics: { attainment: { weight: 1, method: rank } } } } }', /health\.categories\.revenue\.metrics\.attainment\.method/],
    ['a metric in two categories', 'health: { categories: { pipeline: { metrics: { attainment: { weight: 1, method: percentile } } } } }', /health\.categories\.pipeline\.metrics\.attainment: "attainment" is already scored under revenue/],
    ['grades out of order', 'health: { grades: [ { grade: A, min_score: 50 }, { grade: B, min_score: 60 }, { grade: C, min_score: 0 } ] }', /health\.grades\.1\.min_score: list grades from best to worst/],
    ['a last grade above 0', 'health: { grades: [ { grade: A, min_score: 50 } ] }', /health\.grades\.0\.min_score: the last grade must have min_score 0/],
    ['overlapping grow and intervene', 'segments: { intervene: { max_attainment: 1.2 } }', /segments\.intervene\.max_attainment: must be below segments\.grow\.min_attainment/],
    ['retention above entry', 'tiers: { ladder: [ { tier: gold, entry: { health_score: 50 }, retain: { health_score: 60 } } ] }', /tiers\.ladder\.0\.retain\.health_score: retention threshold 60 is above the entry threshold 50/],
    ['a lower-is-better tier measure', 'tiers: { ladder: [ { tier: gold, retain: { days_since_last_commercial_activity: 3 } } ] }', /tiers\.ladder\.0\.retain: unknown key "days_since_last_commercial_activity"/],
    ['a tier listed twice', 'tiers: { ladder: [ { tier: gold }, { tier: gold } ] }', /tiers\.ladder\.1\.tier: tier "gold" is listed twice/],
    ['an unknown top-level key', 'segmnets: {}', /\(root\): unknown key "segmnets": check the spelling/],
    ['an alpha of 1', 'findings: { below_target: { alpha: 1 } }', /findings\.below_target\.alpha/],
  ])('rejects %s, naming the file and the field', (_, yaml, message) => {
    expect(() => parseScoringConfig(yaml, 'scoring.yml')).toThrowError(ConfigError);
    expect(() => parseScoringConfig(yaml, 'scoring.yml')).toThrowError(new RegExp(`scoring\\.yml: ${message.source}`));
  });

  it('reports YAML syntax errors with the file name', () => {
    expect(() => parseScoringConfig('health: [a', 'scoring.yml')).toThrowError(/scoring\.yml: not valid YAML/);
  });

  it('validates objects the same way', () => {
    expect(() => validateScoringConfig({ tiers: { consecutive_periods: 0 } }, 'inline')).toThrowError(/inline: tiers\.consecutive_periods/);
  });
});

describe('configVersion', () => {
  it('is a stable hash that ignores key order and comments', () => {
    const a = parseScoringConfig('segments: { grow: { min_attainment: 1.2, min_health_score: 55 } }');
    const b = parseScoringConfig('# tuned\nsegments:\n  grow:\n    min_health_score: 55\n    min_attainment: 1.2\n');
    expect(configVersion(a)).toBe(configVersion(b));
    expect(configVersion(a)).toMatch(/^[0-9a-f]{12}$/);
  });

  it('changes when a value changes', () => {
    const tuned = parseScoringConfig('segments: { grow: { min_attainment: 1.2 } }');
    expect(configHash(tuned)).not.toBe(configHash(defaultScoringConfig));
  });

  it('prefixes the human version label to the hash', () => {
    const labelled = parseScoringConfig('version: 2026.1');
    expect(configVersion(labelled)).toBe(`2026.1+${configHash(defaultScoringConfig)}`);
  });
});
