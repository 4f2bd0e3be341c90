import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultProgramConfig } from '@ppm/core';
import { filesSourceAt, loadSource } from '@ppm/etl';
import { generateEcosystem } from '@ppm/generator';
import { confusionMatrix, createScorer, defaultScoringConfig, formatConfusionMatrix, macroF1 } from '@ppm/scoring';
import { loadProject, runModels } from '@ppm/warehouse';
import { readMonthlyMetrics } from '@ppm/workflows';
import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../support/database.js';
import { tempFolder } from '../support/files.js';

const test = useTestDatabase();
const end = '2026-06';

function groundTruth(out: string): Map<string, string> {
  const [, ...lines] = readFileSync(join(out, 'ground_truth.csv'), 'utf8').trim().split('\n');
  return new Map(lines.map((line) => line.split(',')).map(([partnerId, , segment]) => [partnerId ?? '', segment ?? '']));
}

/** Generates, loads and models one ecosystem, then scores its last month with the default configuration. */
async function segmentsFor(seed: number): Promise<{ expected: string[]; actual: string[] }> {
  await test.db.raw('truncate core.revenue, core.targets, core.deal_registrations, core.pipeline, core.training, core.certifications, core.engagement_events, core.mdf, core.business_plans, core.onboarding, core.partner_history, core.fx_rates');
  const out = tempFolder(`truth-${seed}`);
  await generateEcosystem({ partners: 250, months: 24, seed, end, out });
  await loadSource({ db: test.db, config: defaultProgramConfig, source: 'truth' }, filesSourceAt('truth', join(out, 'data')));
  const results = await runModels(test.db, await loadProject(), { vars: { period_end: `${end}-01` }, fullRefresh: true });
  expect(results.every((result) => result.status === 'success')).toBe(true);
  const history = await readMonthlyMetrics(test.db, '2024-07', end);
  const scores = createScorer(history, defaultScoringConfig).scorePeriod(`${end}-01`);
  const truth = groundTruth(out);
  const expected: string[] = [];
  const actual: string[] = [];
  for (const row of scores.segments) {
    expected.push(truth.get(row.partner_id) ?? 'unknown');
    actual.push(row.segment);
  }
  return { expected, actual };
}

describe('segments against the generator\'s ground truth', () => {
  it('classify the planted archetypes with macro-F1 of at least 0.9 under the default configuration', async () => {
    const expected: string[] = [];
    const actual: string[] = [];
    for (const seed of [101, 202, 303]) {
      const run = await segmentsFor(seed);
      expected.push(...run.expected);
      actual.push(...run.actual);
    }
    const matrix = confusionMatrix(expected, actual);
    const score = macroF1(matrix);
    console.log(`Segments vs ground truth, 3 seeds x 250 partners:\n${formatConfusionMatrix(matrix)}\nmacro-F1 ${score.macro_f1.toFixed(3)}`);
    expect(score.macro_f1).toBeGreaterThanOrEqual(0.9);
  });
});
