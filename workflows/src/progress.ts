import { defaultPayloadConverter } from '@temporalio/common';
import type { WorkflowHandle } from '@temporalio/client';
import type { LoadProgress } from '@ppm/etl';
import type { PipelineProgress } from './types.js';

export interface RunProgress {
  readonly status: string;
  readonly pipeline?: PipelineProgress;
  /** Heartbeat details of the activity in flight (the load's batches and rows so far). */
  readonly load?: LoadProgress;
}

/** Reads a run's progress: the workflow's progress query plus the heartbeat of its running activity. */
export async function readRunProgress(handle: WorkflowHandle): Promise<RunProgress> {
  const description = await handle.describe();
  const status = description.status.name;
  if (status !== 'RUNNING') return { status };
  const pipeline = await handle.query<PipelineProgress>('progress').catch(() => undefined);
  const heartbeat = description.raw.pendingActivities?.[0]?.heartbeatDetails?.payloads?.[0];
  const load = heartbeat ? defaultPayloadConverter.fromPayload<LoadProgress>(heartbeat) : undefined;
  return { status, ...(pipeline ? { pipeline } : {}), ...(load ? { load } : {}) };
}
