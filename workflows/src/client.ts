import { pipelineTaskQueue, pipelineWorkflowId } from '@ppm/core';
import { Client, Connection, WorkflowIdConflictPolicy, WorkflowIdReusePolicy, type WorkflowHandleWithFirstExecutionRunId } from '@temporalio/client';
import type { backfill, BackfillInput } from './workflows/backfill.js';
import type { partnerPipeline } from './workflows/index.js';
import type { PipelineInput } from './types.js';

export async function connectClient(address: string, namespace: string): Promise<Client> {
  const connection = await Connection.connect({ address });
  return new Client({ connection, namespace });
}

/**
 * Starts the pipeline for a source and period under its business id; if that run is
 * already going, returns a handle to it instead of starting a second one.
 */
export async function startPipeline(
  client: Client,
  input: PipelineInput,
  options: { taskQueue?: string } = {},
): Promise<WorkflowHandleWithFirstExecutionRunId<typeof partnerPipeline>> {
  return client.workflow.start<typeof partnerPipeline>('partnerPipeline', {
    taskQueue: options.taskQueue ?? pipelineTaskQueue,
    workflowId: pipelineWorkflowId(input.source, input.period),
    args: [input],
    workflowIdConflictPolicy: WorkflowIdConflictPolicy.USE_EXISTING,
    workflowIdReusePolicy: WorkflowIdReusePolicy.ALLOW_DUPLICATE,
  });
}

export function backfillWorkflowId(input: Pick<BackfillInput, 'source' | 'fromPeriod' | 'toPeriod'>): string {
  return `backfill-${input.source}-${input.fromPeriod}-${input.toPeriod}`;
}

/** Starts a backfill for a range; the same range already running is joined, not started twice. */
export async function startBackfill(client: Client, input: BackfillInput, options: { taskQueue?: string } = {}): Promise<WorkflowHandleWithFirstExecutionRunId<typeof backfill>> {
  return client.workflow.start<typeof backfill>('backfill', {
    taskQueue: options.taskQueue ?? pipelineTaskQueue,
    workflowId: backfillWorkflowId(input),
    args: [input],
    workflowIdConflictPolicy: WorkflowIdConflictPolicy.USE_EXISTING,
    workflowIdReusePolicy: WorkflowIdReusePolicy.ALLOW_DUPLICATE,
  });
}
