import { monthBounds } from '@ppm/core';
import { loadProject, runModels, testModels, type ModelTestResult, type Warehouse } from '@ppm/warehouse';
import { ApplicationFailure } from '@temporalio/activity';
import { withHeartbeat } from './heartbeat.js';
import type { PlatformConfig } from '../config.js';

export interface ModelsResult {
  readonly modelsBuilt: number;
  readonly testsPassed: number;
  readonly testsFailed: number;
  readonly durationMs: number;
}

function describeFailures(failures: readonly ModelTestResult[]): string {
  return failures
    .slice(0, 10)
    .map((failure) => `${failure.test} on ${failure.model}: ${failure.error ?? `${failure.failures} failing rows, e.g. ${JSON.stringify(failure.sample[0] ?? {})}`}`)
    .join('\n');
}

/** The model variables a pipeline run for `period` (YYYY-MM) sets from the program configuration. */
export function modelVars(config: PlatformConfig, period: string): Record<string, string> {
  return {
    period_end: monthBounds(period).start,
    onboarding_milestones: config.program.onboarding.milestones.join(','),
  };
}

export function createModelActivities(dependencies: { db: Warehouse; config: PlatformConfig }) {
  return {
    /**
     * Builds every model up to the period (incremental models merge the new months) and runs
     * the model tests. A model error or a failing test stops the pipeline: scoring broken
     * metrics would mislead; the error names the model or test and sample rows.
     */
    async buildModels(input: { period: string }): Promise<ModelsResult> {
      const started = Date.now();
      const project = await loadProject();
      const vars = modelVars(dependencies.config, input.period);
      const results = await withHeartbeat({ model: 'starting' }, (report) =>
        runModels(dependencies.db, project, { vars, onEvent: (event) => report({ model: event.type === 'model_started' ? event.model : event.result.name }) }),
      );
      const broken = results.filter((result) => result.status !== 'success');
      if (broken.length > 0) {
        const details = broken.map((result) => `${result.name}: ${result.status}${result.error ? ` (${result.error})` : ''}`).join('\n');
        throw ApplicationFailure.nonRetryable(`${broken.length} model(s) did not build:\n${details}`, 'ModelBuildFailed');
      }
      const tests = await withHeartbeat({ model: 'tests' }, () => testModels(dependencies.db, project, { vars }));
      const failed = tests.filter((test) => test.status !== 'pass');
      if (failed.length > 0) throw ApplicationFailure.nonRetryable(`${failed.length} model test(s) failed:\n${describeFailures(failed)}`, 'ModelTestsFailed');
      return { modelsBuilt: results.length, testsPassed: tests.length, testsFailed: 0, durationMs: Date.now() - started };
    },
  };
}
