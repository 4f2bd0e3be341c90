import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { pipelineTaskQueue } from '@ppm/core';
import type { Duration } from '@temporalio/common';
import { NativeConnection, Worker } from '@temporalio/worker';
import { createActivities, type ActivityDependencies } from './activities/index.js';

export interface PipelineWorkerOptions extends ActivityDependencies {
  readonly temporalAddress: string;
  readonly namespace: string;
  readonly taskQueue?: string;
  readonly maxConcurrentActivityTaskExecutions?: number;
  readonly maxConcurrentWorkflowTaskExecutions?: number;
  /** How long in-flight activities may run on after a shutdown signal before they are cancelled. */
  readonly shutdownGraceTime?: Duration;
}

export const workflowsPath = fileURLToPath(new URL('./workflows/index.js', import.meta.url));
/** Built by `pnpm build` (scripts/bundle.mjs); workers fall back to bundling on start when it is missing. */
export const workflowBundlePath = fileURLToPath(new URL('./workflow-bundle.js', import.meta.url));

function workflowCode(): { workflowBundle: { codePath: string } } | { workflowsPath: string } {
  return existsSync(workflowBundlePath) ? { workflowBundle: { codePath: workflowBundlePath } } : { workflowsPath };
}

/** A worker for the pipeline task queue; run it with `worker.run()` and stop it with `worker.shutdown()`. */
export async function createPipelineWorker(options: PipelineWorkerOptions): Promise<{ worker: Worker; connection: NativeConnection }> {
  const connection = await NativeConnection.connect({ address: options.temporalAddress });
  const worker = await Worker.create({
    connection,
    namespace: options.namespace,
    taskQueue: options.taskQueue ?? pipelineTaskQueue,
    ...workflowCode(),
    activities: createActivities(options),
    maxConcurrentActivityTaskExecutions: options.maxConcurrentActivityTaskExecutions ?? 4,
    maxConcurrentWorkflowTaskExecutions: options.maxConcurrentWorkflowTaskExecutions ?? 40,
    shutdownGraceTime: options.shutdownGraceTime ?? '30s',
    // Progress (rows loaded, current step) reaches `ppm run` and `ppm runs show` within seconds.
    maxHeartbeatThrottleInterval: '2s',
    defaultHeartbeatThrottleInterval: '2s',
  });
  return { worker, connection };
}
