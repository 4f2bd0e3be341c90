import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { generateEcosystem, type Manifest } from '@ppm/generator';
import { verifyWebhookSignature } from '@ppm/scoring';
import { startPipeline, type PipelineSummary } from '@ppm/workflows';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '../support/database.js';
import { tempFolder } from '../support/files.js';
import { configWithSource, startTestWorker, uniqueName, type RunningWorker } from '../support/pipeline.js';

const test = useTestDatabase();
const secret = 'a-test-secret-of-32-characters!!';

interface Received {
  readonly signatureValid: boolean;
  readonly alerts: { alert_id: string; owner: string }[];
}

/** A local webhook receiver that records each delivery and whether its signature checks out. */
function startReceiver(received: Received[]): Promise<Server> {
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    request.on('end', () => {
      const signature = String(request.headers['x-ppm-signature'] ?? '');
      received.push({ signatureValid: verifyWebhookSignature(body, signature, secret), alerts: (JSON.parse(body) as { alerts: Received['alerts'] }).alerts });
      response.writeHead(204).end();
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

describe('the partner pipeline through Temporal', () => {
  const source = uniqueName('gen');
  const period = '2026-05';
  const received: Received[] = [];
  let manifest: Manifest;
  let worker: RunningWorker;
  let receiver: Server;
  let summary: PipelineSummary;

  beforeAll(async () => {
    const out = tempFolder('pipeline');
    manifest = await generateEcosystem({ partners: 120, months: 14, seed: 3, end: period, dirty: true, out });
    receiver = await startReceiver(received);
    const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/alerts`;
    worker = await startTestWorker(test, configWithSource(source, join(out, 'data')), { alertWebhook: { url, secret } });
    const handle = await startPipeline(worker.client, { source, period }, { taskQueue: worker.taskQueue });
    summary = await handle.result();
  });

  afterAll(async () => {
    await worker?.stop();
    receiver?.close();
  });

  it('loads the source: the warehouse holds the manifest totals and quarantines its bad rows', async () => {
    expect(summary.load.rowsQuarantined).toBe(manifest.quarantine.total);
    expect(summary.load.quarantinedByReason).toEqual(Object.fromEntries(Object.entries(manifest.quarantine.by_reason).filter(([, count]) => count > 0)));
    const revenue = await test.db.raw<{ rows: { n: string; reporting: string }[] }>('select count(*) as n, sum(amount_reporting)::text as reporting from core.revenue');
    expect(Number(revenue.rows[0]?.n)).toBe(manifest.entities.revenue.rows);
    expect(revenue.rows[0]?.reporting).toBe(manifest.entities.revenue.money.amount?.reporting);
  });

  it('builds and tests the models, then scores every partner of the period', async () => {
    expect(summary.models.modelsBuilt).toBeGreaterThan(20);
    expect(summary.models.testsFailed).toBe(0);
    const partners = await test.db('marts.partner_period_metrics').where({ period_grain: 'month', period_start: `${period}-01` }).count<{ n: string }[]>({ n: '*' });
    expect(summary.scoring.partnersScored).toBe(Number(partners[0]?.n));
    const scored = await test.db('scores.health_scores').where({ period_start: `${period}-01` }).count<{ n: string }[]>({ n: '*' });
    expect(Number(scored[0]?.n)).toBe(summary.scoring.partnersScored);
    expect(Object.values(summary.scoring.segments).reduce((total, count) => total + count, 0)).toBe(summary.scoring.partnersScored);
  });

  it('records the run and its summary in ops.pipeline_runs', async () => {
    const run = await test.db('ops.pipeline_runs').where({ run_id: summary.runId }).first();
    expect(run).toMatchObject({ status: 'succeeded', source, period, workflow_id: `pipeline-${source}-${period}` });
    expect(run.summary.scoring.partnersScored).toBe(summary.scoring.partnersScored);
  });

  it('delivers the alerts to the webhook, signed, once each', async () => {
    const delivered = received.flatMap((delivery) => delivery.alerts);
    expect(received.every((delivery) => delivery.signatureValid)).toBe(true);
    expect(delivered).toHaveLength(summary.scoring.alertsRaised);
    expect(new Set(delivered.map((alert) => alert.alert_id)).size).toBe(delivered.length);
    const pending = await test.db('scores.alerts').whereNull('delivered_at').count<{ n: string }[]>({ n: '*' });
    expect(Number(pending[0]?.n)).toBe(0);
  });

  it('runs again for the same period to the same result, raising no alert twice', async () => {
    const again = await (await startPipeline(worker.client, { source, period }, { taskQueue: worker.taskQueue })).result();
    expect(again.runId).not.toBe(summary.runId);
    expect(again.load.rowsLoaded).toBe(0);
    expect(again.scoring.segments).toEqual(summary.scoring.segments);
    expect(again.scoring.alertsRaised).toBe(0);
    expect(again.alerts.delivered).toBe(0);
  });

  it('starts one pipeline when the same source and period are started twice at once', async () => {
    const otherPeriod = '2026-04';
    const [first, second] = await Promise.all([
      startPipeline(worker.client, { source, period: otherPeriod }, { taskQueue: worker.taskQueue }),
      startPipeline(worker.client, { source, period: otherPeriod }, { taskQueue: worker.taskQueue }),
    ]);
    expect(second.firstExecutionRunId).toBe(first.firstExecutionRunId);
    await first.result();
    const runs = await test.db('ops.pipeline_runs').where({ workflow_id: `pipeline-${source}-${otherPeriod}` });
    expect(runs).toHaveLength(1);
  });
});
