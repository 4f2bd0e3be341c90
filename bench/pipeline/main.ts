import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { generateEcosystem } from '@ppm/generator';
import { projectRoot, readRuntimeEnv, startServices } from '@ppm/runtime';
import { connectWarehouse, migrateLatest, type Warehouse } from '@ppm/warehouse';
import { connectClient, createActivities, createPipelineWorker, installWorkerLogging, loadPlatformConfig, startPipeline, type PlatformConfig } from '@ppm/workflows';
import { MockActivityEnvironment } from '@temporalio/testing';
import { filesSourceAt } from '@ppm/etl';
import pg from 'pg';
import { numberOptions } from '../lib/args.js';
import { report } from '../lib/report.js';

const options = numberOptions({ partners: 2500, months: 36 });
const period = '2026-09';
installWorkerLogging('ERROR');

async function freshDatabase(serverUrl: string, name: string): Promise<{ db: Warehouse; url: string }> {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const db = connectWarehouse(url.toString());
  await migrateLatest(db);
  return { db, url: url.toString() };
}

/** (a) The pipeline's activities called one after another in this process, as the workflow would. */
async function direct(db: Warehouse, databaseUrl: string, config: PlatformConfig): Promise<number> {
  const activities = createActivities({ db, databaseUrl, config });
  const environment = new MockActivityEnvironment();
  const started = performance.now();
  const runId = 'bench-direct';
  await environment.run((input: Parameters<typeof activities.loadSourceData>[0]) => activities.loadSourceData(input), { source: 'bench', runId, asOf: '2026-10-01' });
  await environment.run((input: { period: string }) => activities.buildModels(input), { period });
  await environment.run((input: { period: string }) => activities.scorePartners(input), { period });
  await environment.run(() => activities.deliverAlerts());
  await environment.run(() => activities.refreshSemanticLayer());
  return (performance.now() - started) / 1000;
}

/** (b) The same run as a workflow on a Temporal dev server with a worker. */
async function throughTemporal(db: Warehouse, databaseUrl: string, config: PlatformConfig, address: string, namespace: string): Promise<number> {
  const taskQueue = 'bench-pipeline';
  const { worker, connection } = await createPipelineWorker({ db, databaseUrl, config, temporalAddress: address, namespace, taskQueue });
  const client = await connectClient(address, namespace);
  const started = performance.now();
  await worker.runUntil(async () => (await startPipeline(client, { source: 'bench', period }, { taskQueue })).result());
  const seconds = (performance.now() - started) / 1000;
  await connection.close();
  await client.connection.close();
  return seconds;
}

const dataDir = join(projectRoot(), '.data', 'bench-pipeline');
mkdirSync(dataDir, { recursive: true });
const services = await startServices({ env: readRuntimeEnv(), dataDir, ephemeral: true });
try {
  const out = join(projectRoot(), '.data', 'bench', `pipeline-${options.partners}x${options.months}`);
  const manifest = await generateEcosystem({ partners: options.partners, months: options.months, seed: 3, end: period, out, overwrite: true });
  const records = manifest.files.reduce((total, file) => total + file.records, 0);
  const config = { ...loadPlatformConfig(), sources: new Map([['bench', filesSourceAt('bench', join(out, 'data'))]]) };
  console.log(`Pipeline over ${records.toLocaleString('en-US')} records (${options.partners} partners x ${options.months} months): direct, then through Temporal...`);
  const directDb = await freshDatabase(services.databaseUrl, 'bench_pipeline_direct');
  const directSeconds = await direct(directDb.db, directDb.url, config);
  await directDb.db.destroy();
  const temporalDb = await freshDatabase(services.databaseUrl, 'bench_pipeline_temporal');
  const temporalSeconds = await throughTemporal(temporalDb.db, temporalDb.url, config, services.temporalAddress, services.temporalNamespace);
  await temporalDb.db.destroy();
  const ratio = Math.round((temporalSeconds / directSeconds) * 100) / 100;
  report(
    `Pipeline (load, models, scoring, alerts, semantic refresh) over ${records.toLocaleString('en-US')} records`,
    [
      ['activities called directly', `${directSeconds.toFixed(1)} s`],
      ['through Temporal with a worker', `${temporalSeconds.toFixed(1)} s`],
      ['ratio (target <= 1.10)', ratio.toFixed(2)],
    ],
    { bench: 'pipeline', records, direct_seconds: Math.round(directSeconds * 10) / 10, temporal_seconds: Math.round(temporalSeconds * 10) / 10, ratio },
  );
} finally {
  await services.stop();
}
