import { pipelineWorkflowId } from '@ppm/core/ids';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/common';
import { monthsBetween } from '@ppm/core/periods';
import {
  ApplicationFailure,
  ParentClosePolicy,
  WorkflowIdReusePolicy,
  continueAsNew,
  defineQuery,
  setHandler,
  startChild,
  type ChildWorkflowHandle,
} from '@temporalio/workflow';
import type { PipelineSummary } from '../types.js';
import { partnerPipeline } from './pipeline.js';

export interface BackfillInput {
  readonly source: string;
  readonly fromPeriod: string;
  readonly toPeriod: string;
  /** Pipelines running at once (default 2). */
  readonly parallelism?: number;
  /** Periods per workflow run before continuing as new (keeps history small). */
  readonly periodsPerRun?: number;
  /** Carried across continue-as-new. */
  readonly done?: readonly BackfillPeriodResult[];
}

export interface BackfillPeriodResult {
  readonly period: string;
  readonly status: 'succeeded' | 'failed' | 'already_running';
  readonly error?: string;
}

export interface BackfillProgress {
  readonly total: number;
  readonly done: number;
  readonly running: readonly string[];
  readonly failed: number;
}

export const backfillProgressQuery = defineQuery<BackfillProgress>('backfillProgress');

async function runPeriod(source: string, period: string): Promise<BackfillPeriodResult> {
  let child: ChildWorkflowHandle<typeof partnerPipeline>;
  try {
    child = await startChild(partnerPipeline, {
      workflowId: pipelineWorkflowId(source, period),
      args: [{ source, period }],
      parentClosePolicy: ParentClosePolicy.REQUEST_CANCEL,
      workflowIdReusePolicy: WorkflowIdReusePolicy.ALLOW_DUPLICATE,
    });
  } catch (error) {
    if (error instanceof WorkflowExecutionAlreadyStartedError) return { period, status: 'already_running' };
    throw error;
  }
  try {
    const summary: PipelineSummary = await child.result();
    return { period, status: summary.status };
  } catch (error) {
    return { period, status: 'failed', error: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * Runs one pipeline per month from fromPeriod to toPeriod, a few at a time, and continues
 * as new every `periodsPerRun` periods so a long range never nears the history limits.
 */
export async function backfill(input: BackfillInput): Promise<readonly BackfillPeriodResult[]> {
  const parallelism = Math.max(1, input.parallelism ?? 2);
  const periodsPerRun = Math.max(parallelism, input.periodsPerRun ?? 24);
  const allPeriods = monthsBetween(input.fromPeriod, input.toPeriod);
  if (allPeriods.length === 0) throw ApplicationFailure.nonRetryable(`Empty range: ${input.fromPeriod} is after ${input.toPeriod}`, 'InvalidRange');
  const results: BackfillPeriodResult[] = [...(input.done ?? [])];
  const thisRun = allPeriods.slice(results.length, results.length + periodsPerRun);
  const running = new Set<string>();
  setHandler(backfillProgressQuery, () => ({
    total: allPeriods.length,
    done: results.length,
    running: [...running],
    failed: results.filter((result) => result.status === 'failed').length,
  }));

  const queue = [...thisRun];
  const lane = async () => {
    for (let period = queue.shift(); period !== undefined; period = queue.shift()) {
      running.add(period);
      results.push(await runPeriod(input.source, period));
      running.delete(period);
    }
  };
  await Promise.all(Array.from({ length: Math.min(parallelism, thisRun.length) }, lane));
  results.sort((a, b) => a.period.localeCompare(b.period));

  if (results.length < allPeriods.length) await continueAsNew<typeof backfill>({ ...input, done: results });
  return results;
}
