import { defaultPayloadConverter } from '@temporalio/common';
import type { WorkflowHandle } from '@temporalio/client';
import type { LoadProgress } from '@ppm/etl';
import type { PipelineProgress } from './types.js';

export interface RunProgress {
  readonly status: string;
  readonly pipeline?: PipelineProgress;
  /** The load's batches and rows so far, while it runs (from its heartbeat). */
  readonly load?: LoadProgress;
  /** The model being built, while models build (from the heartbeat). */
  readonly model?: string;
}

function isLoadProgress(details: unknown): details is LoadProgress {
  return typeof details === 'object' && details !== null && 'batchesDone' in details;
}

/** Reads a run's progress: the workflow's progress query plus the heartbeat of its running activity. */
export async function readRunProgress(handle: WorkflowHandle): Promise<RunProgress> {
  const description = await handle.describe();
  const status = description.status.name;
  if (status !== 'RUNNING') return { status };
  const pipeline = await handle.query<PipelineProgress>('progress').catch(() => undefined);
  const heartbeat = description.raw.pendingActivities?.[0]?.heartbeatDetails?.payloads?.[0];
  const details: unknown = heartbeat ? defaultPayloadConverter.fromPayload(heartbeat) : undefined;
  const model = typeof details === 'object' && details !== null && 'model' in details ? String(details.model) : undefined;
  return { status, ...(pipeline ? { pipeline } : {}), ...(isLoadProgress(details) ? { load: details } : {}), ...(model ? { model } : {}) };
}
