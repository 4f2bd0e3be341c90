import { fileURLToPath } from 'node:url';
import { pipelineTaskQueue } from '@ppm/core';
import { NativeConnection, Worker } from '@temporalio/worker';
import { createActivities, type ActivityDependencies } from './activities/index.js';

export interface PipelineWorkerOptions extends ActivityDependencies {
  readonly temporalAddress: string;
  readonly namespace: string;
  readonly taskQueue?: string;
  readonly maxConcurrentActivityTaskExecutions?: number;
}

export const workflowsPath = fileURLToPath(new URL('./workflows/index.js', import.meta.url));

/** A worker for the pipeline task queue; run it with `worker.run()` and stop it with `worker.shutdown()`. */
export async function createPipelineWorker(options: PipelineWorkerOptions): Promise<{ worker: Worker; connection: NativeConnection }> {
  const connection = await NativeConnection.connect({ address: options.temporalAddress });
  const worker = await Worker.create({
    connection,
    namespace: options.namespace,
    taskQueue: options.taskQueue ?? pipelineTaskQueue,
    workflowsPath,
    activities: createActivities(options),
    maxConcurrentActivityTaskExecutions: options.maxConcurrentActivityTaskExecutions ?? 4,
  });
  return { worker, connection };
}
