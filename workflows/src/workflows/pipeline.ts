import { CancellationScope, defineQuery, isCancellation, patched, proxyActivities, setHandler, workflowInfo } from '@temporalio/workflow';
import type { PipelineActivities } from '../activities/index.js';
import { pipelineSteps, type PipelineInput, type PipelineProgress, type PipelineStep, type PipelineSummary } from '../types.js';

const { recordRunStarted, recordRunFinished } = proxyActivities<PipelineActivities>({
  startToCloseTimeout: '1 minute',
  retry: { maximumAttempts: 10, initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

const { loadSourceData } = proxyActivities<PipelineActivities>({
  startToCloseTimeout: '4 hours',
  heartbeatTimeout: '20 seconds',
  retry: { maximumAttempts: 5, initialInterval: '5 seconds', backoffCoefficient: 2, maximumInterval: '5 minutes', nonRetryableErrorTypes: ['BadSourceFile', 'SourceConfigError', 'ConfigError'] },
});

const { buildModels } = proxyActivities<PipelineActivities>({
  startToCloseTimeout: '2 hours',
  heartbeatTimeout: '1 minute',
  retry: { maximumAttempts: 3, initialInterval: '10 seconds', backoffCoefficient: 2, nonRetryableErrorTypes: ['ModelBuildFailed', 'ModelTestsFailed', 'ModelsConfigError', 'ModelCompileError'] },
});

const { scorePartners } = proxyActivities<PipelineActivities>({
  startToCloseTimeout: '1 hour',
  heartbeatTimeout: '1 minute',
  retry: { maximumAttempts: 3, initialInterval: '10 seconds', backoffCoefficient: 2, nonRetryableErrorTypes: ['ScoringInputError', 'ConfigError'] },
});

const { deliverAlerts } = proxyActivities<PipelineActivities>({
  startToCloseTimeout: '5 minutes',
  retry: { maximumAttempts: 8, initialInterval: '5 seconds', backoffCoefficient: 2, maximumInterval: '2 minutes' },
});

const { refreshSemanticLayer } = proxyActivities<PipelineActivities>({
  startToCloseTimeout: '2 hours',
  heartbeatTimeout: '1 minute',
  retry: { maximumAttempts: 3, initialInterval: '10 seconds', backoffCoefficient: 2, nonRetryableErrorTypes: ['SemanticConfigError'] },
});

export const progressQuery = defineQuery<PipelineProgress>('progress');

/** Loads a source, builds the models, scores the partners for the period and records the run. */
export async function partnerPipeline(input: PipelineInput): Promise<PipelineSummary> {
  const { workflowId, runId } = workflowInfo();
  const run = { runId, workflowId, source: input.source, period: input.period };
  let step: PipelineStep = 'starting';
  let stepsDone = 0;
  setHandler(progressQuery, () => ({ step, stepsDone, stepsTotal: pipelineSteps.length }));
  const durationsMs: Record<string, number> = {};
  const timed = async <T>(name: (typeof pipelineSteps)[number], work: () => Promise<T>): Promise<T> => {
    step = name;
    const started = Date.now();
    const result = await work();
    durationsMs[name] = Date.now() - started;
    stepsDone += 1;
    return result;
  };

  await recordRunStarted(run);
  try {
    const asOf = new Date().toISOString().slice(0, 10);
    const load = await timed('load', () => loadSourceData({ source: input.source, runId, asOf }));
    const models = await timed('models', () => buildModels({ period: input.period }));
    const scoring = await timed('score', () => scorePartners({ period: input.period }));
    const alerts = await timed('alerts', () => deliverAlerts());
    // Added after runs were recorded: replaying those histories skips this step.
    const semantic = patched('refresh-semantic-layer') ? await timed('semantic', () => refreshSemanticLayer()) : undefined;
    const summary: PipelineSummary = { ...run, status: 'succeeded', load, models, scoring, alerts, ...(semantic ? { semantic } : {}), durationsMs };
    await recordRunFinished({ ...run, status: 'succeeded', summary });
    step = 'done';
    return summary;
  } catch (error) {
    const failedStep = step;
    step = 'failed';
    const status = isCancellation(error) ? 'cancelled' : 'failed';
    await CancellationScope.nonCancellable(() => recordRunFinished({ ...run, status, summary: { step: failedStep, error: String(error) } }));
    throw error;
  }
}
