import { setTimeout as sleep } from 'node:timers/promises';
import { join } from 'node:path';
import { addMonths, monthOf } from '@ppm/core';
import { generateEcosystem } from '@ppm/generator';
import { applySchedules, listSchedules, triggerSchedule, type ScheduleDefinition } from '@ppm/workflows';
import type { Client } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '../support/database.js';
import { tempFolder } from '../support/files.js';
import { configWithSource, startTestWorker, uniqueName, type RunningWorker } from '../support/pipeline.js';

const test = useTestDatabase();

function schedule(id: string, source: string, overlap: 'skip' | 'buffer_one'): ScheduleDefinition {
  return { id, source, cron: '0 6 * * *', timezone: 'UTC', period: 'previous_month', overlap, catchup_window: '1d', paused: true };
}

async function until<T>(check: () => Promise<T | undefined>, timeoutMs = 120_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await sleep(250);
  }
}

describe('Temporal Schedules of the pipeline', () => {
  const source = uniqueName('sched');
  const period = addMonths(monthOf(new Date()), -1);
  let worker: RunningWorker;
  let client: Client;

  beforeAll(async () => {
    const out = tempFolder('schedules');
    await generateEcosystem({ partners: 60, months: 12, seed: 21, end: period, out });
    worker = await startTestWorker(test, configWithSource(source, join(out, 'data')));
    client = worker.client;
  });

  afterAll(async () => {
    for await (const summary of client.schedule.list()) {
      if (summary.scheduleId.startsWith('test-')) await client.schedule.getHandle(summary.scheduleId).delete();
    }
    await worker?.stop();
  });

  it('applied twice is one schedule, updated in place', async () => {
    const id = uniqueName('test-apply-');
    const first = await applySchedules(client, [schedule(id, source, 'skip')], worker.taskQueue);
    const second = await applySchedules(client, [{ ...schedule(id, source, 'skip'), cron: '0 7 * * *' }], worker.taskQueue);
    expect(first).toEqual([{ id, outcome: 'created' }]);
    expect(second).toEqual([{ id, outcome: 'updated' }]);
    const matching = (await listSchedules(client)).filter((summary) => summary.scheduleId === id);
    expect(matching).toHaveLength(1);
    const description = await client.schedule.getHandle(id).describe();
    expect(description.spec.calendars?.[0]?.hour).toEqual([{ start: 7, end: 7, step: 1 }]);
    expect(description.state.paused).toBe(true);
  });

  it('a trigger runs the pipeline of the previous month under its business id', async () => {
    const id = uniqueName('test-trigger-');
    await applySchedules(client, [schedule(id, source, 'skip')], worker.taskQueue);
    await triggerSchedule(client, id);
    const handle = client.workflow.getHandle(`pipeline-${source}-${period}`);
    const summary = await until(async () => {
      try {
        return (await handle.result()) as { status: string; period: string };
      } catch {
        return undefined;
      }
    });
    expect(summary).toMatchObject({ status: 'succeeded', period });
  });

  /** Status of the workflows a schedule started (its recent actions). */
  async function startedRuns(id: string): Promise<string[]> {
    const description = await client.schedule.getHandle(id).describe();
    return Promise.all(
      description.info.recentActions.map(async (action) => (await client.workflow.getHandle(action.action.workflow.workflowId).describe()).status.name),
    );
  }

  it('skips a run that comes due while the previous one still runs (overlap: skip)', async () => {
    const id = uniqueName('test-skip-');
    await applySchedules(client, [schedule(id, source, 'skip')], worker.taskQueue);
    const handle = client.schedule.getHandle(id);
    await triggerSchedule(client, id);
    await until(async () => ((await startedRuns(id)).includes('RUNNING') ? true : undefined));
    await triggerSchedule(client, id);
    await until(async () => ((await startedRuns(id)).every((status) => status === 'COMPLETED') ? true : undefined));
    const info = (await handle.describe()).info;
    expect(info.numActionsTaken).toBe(1);
    expect(info.numActionsSkippedOverlap).toBe(1);
  });

  it('starts a run that comes due while the previous one runs right after it (overlap: buffer_one)', async () => {
    const id = uniqueName('test-buffer-');
    await applySchedules(client, [schedule(id, source, 'buffer_one')], worker.taskQueue);
    const handle = client.schedule.getHandle(id);
    await triggerSchedule(client, id);
    await until(async () => ((await startedRuns(id)).includes('RUNNING') ? true : undefined));
    await triggerSchedule(client, id);
    const runs = await until(async () => {
      const statuses = await startedRuns(id);
      return statuses.length === 2 && statuses.every((status) => status === 'COMPLETED') ? statuses : undefined;
    });
    expect(runs).toEqual(['COMPLETED', 'COMPLETED']);
    expect((await handle.describe()).info.numActionsSkippedOverlap).toBe(0);
  });
});
