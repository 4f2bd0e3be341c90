import type { LoadResult } from './activities/load.js';
import type { AlertDelivery } from './activities/alerts.js';
import type { ModelsResult } from './activities/models.js';
import type { ScoringResult } from './activities/scoring.js';

/** What a pipeline run is asked to do: which source to load and which period it is for. */
export interface PipelineInput {
  /** Name of a configured source (e.g. "demo"). */
  readonly source: string;
  /** Calendar month the run scores, YYYY-MM. */
  readonly period: string;
}

export const pipelineSteps = ['load', 'models', 'score', 'alerts', 'semantic'] as const;
export type PipelineStep = 'starting' | (typeof pipelineSteps)[number] | 'done' | 'failed';

export interface PipelineProgress {
  readonly step: PipelineStep;
  readonly stepsDone: number;
  readonly stepsTotal: number;
}

export interface PipelineSummary {
  readonly runId: string;
  readonly workflowId: string;
  readonly source: string;
  readonly period: string;
  readonly status: 'succeeded';
  readonly load: LoadResult;
  readonly models: ModelsResult;
  readonly scoring: ScoringResult;
  readonly alerts: AlertDelivery;
  /** Rollups rebuilt; absent for runs recorded before the semantic layer step existed. */
  readonly semantic?: { readonly preAggregations: readonly string[]; readonly durationMs: number };
  readonly durationsMs: Readonly<Record<string, number>>;
}
