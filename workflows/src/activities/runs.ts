import type { Warehouse } from '@ppm/warehouse';

export interface RunRecord {
  readonly runId: string;
  readonly workflowId: string;
  readonly source: string;
  readonly period: string;
}

/** Activities that keep ops.pipeline_runs in step with the workflow (idempotent by run id). */
export function createRunActivities(db: Warehouse) {
  return {
    async recordRunStarted(run: RunRecord): Promise<void> {
      await db('ops.pipeline_runs')
        .insert({ run_id: run.runId, workflow_id: run.workflowId, source: run.source, period: run.period, status: 'running' })
        .onConflict('run_id')
        .merge({ status: 'running', finished_at: null });
    },

    async recordRunFinished(run: RunRecord & { status: 'succeeded' | 'failed' | 'cancelled'; summary: unknown }): Promise<void> {
      await db('ops.pipeline_runs')
        .where({ run_id: run.runId })
        .update({ status: run.status, summary: JSON.stringify(run.summary), finished_at: db.fn.now() });
    },
  };
}
