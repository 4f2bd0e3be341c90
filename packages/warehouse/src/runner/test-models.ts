import type { Knex } from 'knex';
import { renderSingularTest } from './compile.js';
import { ModelCompileError } from './errors.js';
import type { GenericTest, ModelsProject, VarValue } from './model.js';
import { selectModels, type Selection } from './selection.js';
import { selectBody } from './sql.js';
import { databaseMessage } from './sql-errors.js';
import { genericTestQuery, singularTestQuery, type TestQuery } from './test-queries.js';
import { withModelsLock } from './lock.js';

export interface TestOptions extends Selection {
  readonly vars?: Readonly<Record<string, VarValue>>;
}

export type ModelTestStatus = 'pass' | 'fail' | 'error';

export interface ModelTestResult {
  /** The model tested; for a singular test, the models it refs (comma-separated). */
  readonly model: string;
  readonly test: string;
  readonly kind: GenericTest['kind'] | 'singular';
  readonly status: ModelTestStatus;
  readonly failures: number;
  /** Up to five failing rows. */
  readonly sample: readonly Record<string, unknown>[];
  readonly durationMs: number;
  readonly error?: string;
}

const sampleSize = 5;

interface PlannedTest {
  readonly model: string;
  readonly test: string;
  readonly kind: ModelTestResult['kind'];
  /** Names the test in error messages. */
  readonly label: string;
  readonly query: () => TestQuery;
}

/**
 * Runs the generic tests of the selected models and the singular tests that ref any of them
 * (all singular tests when nothing is selected), one after the other, never while a model run
 * builds (see withModelsLock).
 */
export async function testModels(db: Knex, project: ModelsProject, options: TestOptions = {}): Promise<ModelTestResult[]> {
  const plan = planTests(project, options);
  return withModelsLock(db, async () => {
    const results: ModelTestResult[] = [];
    for (const planned of plan) results.push(await runTest(db, planned));
    return results;
  });
}

function planTests(project: ModelsProject, options: TestOptions): PlannedTest[] {
  const models = selectModels(project, options);
  const selected = new Set(models.map((model) => model.name));
  const everything = selected.size === project.models.length;
  const relationOf = (name: string) => project.models.find((model) => model.name === name)?.relation ?? name;
  const generic = models.flatMap((model) =>
    model.tests.map((test): PlannedTest => ({
      model: model.name,
      test: test.name,
      kind: test.kind,
      label: `Test ${test.name} of model ${model.name}`,
      query: () => genericTestQuery(model, test, relationOf),
    })),
  );
  const singular = project.singularTests
    .filter((test) => everything || test.dependsOn.some((name) => selected.has(name)))
    .map((test): PlannedTest => ({
      model: test.dependsOn.join(', '),
      test: test.name,
      kind: 'singular',
      label: `Test ${test.name} (${test.path})`,
      query: () => singularTestQuery(selectBody(renderSingularTest(project, test, options.vars))),
    }));
  return [...generic, ...singular];
}

async function runTest(db: Knex, planned: PlannedTest): Promise<ModelTestResult> {
  const started = performance.now();
  const durationMs = () => Math.round(performance.now() - started);
  const outcome = { model: planned.model, test: planned.test, kind: planned.kind };
  try {
    const { sql, bindings } = planned.query();
    const fromFailingRows = `from (\n${sql}\n) as failing_rows`;
    const count = await db.raw<{ rows: { failures: string }[] }>(`select count(*) as failures ${fromFailingRows}`, bindings);
    const failures = Number(count.rows[0]?.failures ?? 0);
    const sample = failures > 0 ? (await db.raw<{ rows: Record<string, unknown>[] }>(`select * ${fromFailingRows} limit ${sampleSize}`, bindings)).rows : [];
    return { ...outcome, status: failures > 0 ? 'fail' : 'pass', failures, sample, durationMs: durationMs() };
  } catch (error) {
    const message = error instanceof ModelCompileError ? error.message : `${planned.label}: ${databaseMessage(error)}`;
    return { ...outcome, status: 'error', failures: 0, sample: [], durationMs: durationMs(), error: message };
  }
}
