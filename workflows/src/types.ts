/** What a pipeline run is asked to do: which source to load and which period it is for. */
export interface PipelineInput {
  /** Name of a configured source (e.g. "demo"). */
  readonly source: string;
  /** Calendar month the run scores, YYYY-MM. */
  readonly period: string;
}

export type PipelineStep = 'starting' | 'recording' | 'done';

export interface PipelineProgress {
  readonly step: PipelineStep;
  readonly stepsDone: number;
}

export interface PipelineSummary {
  readonly runId: string;
  readonly workflowId: string;
  readonly source: string;
  readonly period: string;
  readonly status: 'succeeded';
  readonly durationsMs: Record<string, number>;
}
