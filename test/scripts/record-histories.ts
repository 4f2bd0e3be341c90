// Records workflow histories for the replay tests (test/e2e/replay.test.ts). Run after a
// deliberate change of workflow behaviour (guarded with patched()), never to paper over a
// failing replay; keep the older histories, they prove runs in flight still replay:
//   HISTORY_TAG=<what changed> pnpm --filter @ppm/e2e record-histories
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateEcosystem } from '@ppm/generator';
import { projectRoot, startServices } from '@ppm/runtime';
import { connectWarehouse, migrateLatest } from '@ppm/warehouse';
import { createPipelineWorker, installWorkerLogging, startBackfill, startPipeline, connectClient } from '@ppm/workflows';
import protoUtils from '@temporalio/common/lib/proto-utils.js';
import { configWithSource } from '../support/pipeline.js';

installWorkerLogging('ERROR');
const folder = join(projectRoot(), 'test', 'fixtures', 'histories');
const scratch = mkdtempSync(join(projectRoot(), '.data', 'record-'));
const services = await startServices({ dataDir: scratch, ephemeral: true });
const db = connectWarehouse(services.databaseUrl);
try {
  await migrateLatest(db);
  const out = join(scratch, 'gen');
  await generateEcosystem({ partners: 40, months: 12, seed: 77, end: '2026-06', dirty: true, out });
  const config = configWithSource('history', join(out, 'data'));
  const taskQueue = 'record-histories';
  const { worker, connection } = await createPipelineWorker({ db, databaseUrl: services.databaseUrl, config, temporalAddress: services.temporalAddress, namespace: services.temporalNamespace, taskQueue });
  const client = await connectClient(services.temporalAddress, services.temporalNamespace);
  await worker.runUntil(async () => {
    const pipeline = await startPipeline(client, { source: 'history', period: '2026-06' }, { taskQueue });
    await pipeline.result();
    const backfill = await startBackfill(client, { source: 'history', fromPeriod: '2026-04', toPeriod: '2026-06', parallelism: 2, periodsPerRun: 2 }, { taskQueue });
    await backfill.result();
    mkdirSync(folder, { recursive: true });
    const record = async (name: string, workflowId: string, runId?: string) => {
      const history = await client.workflow.getHandle(workflowId, runId).fetchHistory();
      const tag = process.env.HISTORY_TAG ? `-${process.env.HISTORY_TAG}` : '';
      writeFileSync(join(folder, `${name}${tag}.json`), `${protoUtils.historyToJSON(history)}\n`);
      console.log(`recorded ${name} (${history.events?.length ?? 0} events)`);
    };
    await record('partner-pipeline', pipeline.workflowId);
    await record('backfill-continued-as-new', backfill.workflowId, backfill.firstExecutionRunId);
    await record('backfill-last-run', backfill.workflowId);
  });
  await connection.close();
  await client.connection.close();
} finally {
  await db.destroy();
  await services.stop();
  rmSync(scratch, { recursive: true, force: true });
}
