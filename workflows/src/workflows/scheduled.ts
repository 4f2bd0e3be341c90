import { pipelineWorkflowId } from '@ppm/core/ids';
import { addMonths, monthOf } from '@ppm/core/periods';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/common';
import { ParentClosePolicy, WorkflowIdReusePolicy, executeChild } from '@temporalio/workflow';
import type { PipelineSummary } from '../types.js';
import { partnerPipeline } from './pipeline.js';

export interface ScheduledPipelineInput {
  readonly source: string;
  /** Which month a run scores: the last complete month (default) or the month in progress. */
  readonly period?: 'previous_month' | 'current_month';
}

export type ScheduledRun =
  | { readonly period: string; readonly outcome: 'ran'; readonly summary: PipelineSummary }
  | { readonly period: string; readonly outcome: 'already_running' };

/**
 * What a Temporal Schedule starts: works out the period from the scheduled time and runs
 * the pipeline under its business id (pipeline-<source>-<period>). When that pipeline is
 * already running (started by hand), this run leaves it alone.
 */
export async function scheduledPipeline(input: ScheduledPipelineInput): Promise<ScheduledRun> {
  const currentMonth = monthOf(new Date());
  const period = input.period === 'current_month' ? currentMonth : addMonths(currentMonth, -1);
  try {
    const summary = await executeChild(partnerPipeline, {
      workflowId: pipelineWorkflowId(input.source, period),
      args: [{ source: input.source, period }],
      parentClosePolicy: ParentClosePolicy.TERMINATE,
      workflowIdReusePolicy: WorkflowIdReusePolicy.ALLOW_DUPLICATE,
    });
    return { period, outcome: 'ran', summary };
  } catch (error) {
    if (error instanceof WorkflowExecutionAlreadyStartedError) return { period, outcome: 'already_running' };
    throw error;
  }
}
