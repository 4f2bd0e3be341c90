import { defaultProgramConfig } from '@ppm/core';
import { defaultScoringConfig } from '@ppm/scoring';
import { filesSourceAt } from '@ppm/etl';
import { connectClient, createPipelineWorker, startPipeline } from '@ppm/workflows';
import { describe, expect, inject, it } from 'vitest';
import { useTestDatabase } from '../support/database.js';
import { lines, tempFolder, writeFiles } from '../support/files.js';

const test = useTestDatabase();

describe('pipeline through Temporal', () => {
  it('loads the source on a worker and records the run in the warehouse', async () => {
    const folder = writeFiles(tempFolder('pipeline'), {
      'partners.csv': lines('partner_id,name,partner_type,tier,region,country,status,onboarded_at', 'P1,Acme,reseller,gold,EMEA,DE,active,2025-01-01'),
      'revenue.csv': lines('line_id,partner_id,booked_at,amount,currency', 'L1,P1,2026-10-01,10,USD', 'L2,P9,2026-10-01,10,USD'),
    });
    const source = `pipe${Date.now()}`;
    const config = { dir: folder, program: defaultProgramConfig, scoring: defaultScoringConfig, sources: new Map([[source, filesSourceAt(source, folder)]]) };
    const address = inject('temporalAddress');
    const namespace = inject('temporalNamespace');
    const taskQueue = `test-${Date.now()}`;
    const { worker, connection } = await createPipelineWorker({ db: test.db, config, temporalAddress: address, namespace, taskQueue });
    const client = await connectClient(address, namespace);
    try {
      const summary = await worker.runUntil(async () => {
        const handle = await startPipeline(client, { source, period: '2026-10' }, { taskQueue });
        return handle.result();
      });
      const rows = await test.db('ops.pipeline_runs').where({ run_id: summary.runId });
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ status: 'succeeded', period: '2026-10' });
      expect(summary.load).toMatchObject({ rowsRead: 3, rowsLoaded: 2, rowsQuarantined: 1, quarantinedByReason: { unknown_partner: 1 } });
      expect(summary.load.byEntity.revenue).toMatchObject({ rowsLoaded: 1, rowsQuarantined: 1 });
    } finally {
      await client.connection.close();
      await connection.close();
    }
  });
});
