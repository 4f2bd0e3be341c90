import { connectClient, createPipelineWorker, startPipeline } from '@ppm/workflows';
import { describe, expect, inject, it } from 'vitest';
import { useTestDatabase } from '../support/database.js';

const test = useTestDatabase();

describe('pipeline through Temporal', () => {
  it('runs on a worker and records the run in the warehouse', async () => {
    const address = inject('temporalAddress');
    const namespace = inject('temporalNamespace');
    const taskQueue = `test-${Date.now()}`;
    const { worker, connection } = await createPipelineWorker({ db: test.db, temporalAddress: address, namespace, taskQueue });
    const client = await connectClient(address, namespace);
    try {
      const summary = await worker.runUntil(async () => {
        const handle = await startPipeline(client, { source: `skeleton${Date.now()}`, period: '2026-10' }, { taskQueue });
        return handle.result();
      });
      const rows = await test.db('ops.pipeline_runs').where({ run_id: summary.runId });
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ status: 'succeeded', period: '2026-10' });
    } finally {
      await client.connection.close();
      await connection.close();
    }
  });
});
