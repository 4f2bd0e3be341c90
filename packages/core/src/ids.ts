/** Task queue shared by the worker and every client that starts pipeline workflows. */
export const pipelineTaskQueue = 'partner-pipeline';

/** Workflow ids carry business meaning so the same run is never started twice. */
export function pipelineWorkflowId(source: string, period: string): string {
  return `pipeline-${source}-${period}`;
}
