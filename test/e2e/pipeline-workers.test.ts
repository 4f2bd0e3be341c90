import { setTimeout as sleep } from 'node:timers/promises';
import { join } from 'node:path';
import { defaultProgramConfig, entities, type EntityName } from '@ppm/core';
import { filesSourceAt, loadSource } from '@ppm/etl';
import { generateEcosystem } from '@ppm/generator';
import { connectWarehouse, migrateLatest, type Warehouse } from '@ppm/warehouse';
import { connectClient, readRunProgress, startBackfill, startPipeline } from '@ppm/workflows';
import type { Client } from '@temporalio/client';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { useTestDatabase } from '../support/database.js';
import { tempFolder } from '../support/files.js';
import { uniqueName } from '../support/pipeline.js';
import { configFolder, startWorkerProcess, type WorkerProcess } from '../support/worker-process.js';

const test = useTestDatabase();
const coreTable = (entity: EntityName) => (entity === 'partners' ? 'core.partner_history' : `core.${entity}`);

/** Row count and a checksum of every row's content hash, per core table. */
async function coreChecksums(db: Warehouse): Promise<Record<string, string>> {
  const sums: Record<string, string> = {};
  for (const definition of entities) {
    const result = await db.raw<{ rows: { n: string; checksum: string }[] }>(`select count(*) as n, md5(string_agg(row_hash, ',' order by row_hash)) as checksum from ${coreTable(definition.name)}`);
    sums[definition.name] = `${result.rows[0]?.n}:${result.rows[0]?.checksum}`;
  }
  return sums;
}

/** The same files loaded once, cleanly, into a separate database. */
async function cleanLoadChecksums(dataFolder: string): Promise<Record<string, string>> {
  const url = new URL(test.url);
  const name = `clean_${Date.now()}`;
  const admin = new pg.Client({ connectionString: test.url });
  await admin.connect();
  await admin.query(`create database ${name}`);
  url.pathname = `/${name}`;
  const db = connectWarehouse(url.toString());
  try {
    await migrateLatest(db);
    await loadSource({ db, config: defaultProgramConfig, source: 'clean' }, filesSourceAt('clean', dataFolder));
    return await coreChecksums(db);
  } finally {
    await db.destroy();
    await admin.query(`drop database ${name} with (force)`);
    await admin.end();
  }
}

describe('pipeline workers as separate processes', () => {
  const source = uniqueName('crash');
  let dataFolder: string;
  let configDir: string;
  let client: Client;
  const workers: WorkerProcess[] = [];
  const worker = (taskQueue: string, activityConcurrency?: number) => {
    const started = startWorkerProcess({ databaseUrl: test.url, configDir, taskQueue, ...(activityConcurrency ? { activityConcurrency } : {}) });
    workers.push(started);
    return started;
  };

  beforeAll(async () => {
    const out = tempFolder('workers');
    await generateEcosystem({ partners: 500, months: 24, seed: 9, end: '2026-06', out });
    dataFolder = join(out, 'data');
    configDir = configFolder(join(out, 'config'), source, dataFolder);
    client = await connectClient(inject('temporalAddress'), inject('temporalNamespace'));
  });

  afterAll(async () => {
    await Promise.all(workers.map((started) => started.stop('SIGKILL')));
    await client?.connection.close();
  });

  it('finishes a load whose worker was killed mid-way on another worker, with the same rows as a clean load', async () => {
    const taskQueue = uniqueName('crash-');
    const first = worker(taskQueue);
    await first.ready;
    const handle = await startPipeline(client, { source, period: '2026-06' }, { taskQueue });
    const loadedBatches = async () => Number((await test.db('ops.load_batches').where({ run_id: handle.firstExecutionRunId, status: 'succeeded' }).count<{ n: string }[]>({ n: '*' }))[0]?.n);
    while ((await loadedBatches()) < 3) {
      expect((await readRunProgress(handle)).status).toBe('RUNNING');
      await sleep(50);
    }
    await first.stop('SIGKILL');
    const second = worker(taskQueue);
    await second.ready;
    const summary = await handle.result();
    expect(summary.status).toBe('succeeded');

    const batches = await test.db('ops.load_batches').where({ run_id: summary.runId }).select('file_name', 'status', 'error');
    const succeeded = batches.filter((batch) => batch.status === 'succeeded').map((batch) => batch.file_name);
    expect(new Set(succeeded).size).toBe(succeeded.length);
    expect(batches.filter((batch) => batch.status === 'running')).toEqual([]);
    expect(await coreChecksums(test.db)).toEqual(await cleanLoadChecksums(dataFolder));
  });

  it('shares the task queue between two workers: both take work of a backfill', async () => {
    const taskQueue = uniqueName('shared-');
    // One activity at a time each: while one worker runs a pipeline's activity, the other must take the parallel one.
    const pair = [worker(taskQueue, 1), worker(taskQueue, 1)];
    await Promise.all(pair.map((started) => started.ready));
    const handle = await startBackfill(client, { source, fromPeriod: '2026-03', toPeriod: '2026-06', parallelism: 2 }, { taskQueue });
    const results = await handle.result();
    // Whole results, so a failure shows each run's error.
    expect(results).toEqual(['2026-03', '2026-04', '2026-05', '2026-06'].map((period) => ({ period, status: 'succeeded' })));
    const identities = new Set<string>();
    for (const result of results) {
      const history = await client.workflow.getHandle(`pipeline-${source}-${result.period}`).fetchHistory();
      for (const event of history.events ?? []) {
        const identity = event.activityTaskStartedEventAttributes?.identity;
        if (identity) identities.add(identity);
      }
    }
    const pids = pair.map((started) => String(started.child.pid));
    expect([...identities].filter((identity) => pids.some((pid) => identity.startsWith(`${pid}@`))).length).toBe(2);
  });

  it('stops gracefully on SIGTERM', async () => {
    const started = worker(uniqueName('term-'));
    await started.ready;
    await started.stop('SIGTERM');
    expect(started.child.exitCode).toBe(0);
    expect(started.output()).toContain('Worker stopped');
  });
});
