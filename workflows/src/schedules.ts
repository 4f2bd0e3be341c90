import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describeIssues, pipelineTaskQueue } from '@ppm/core';
import { ConfigError } from '@ppm/core';
import { ScheduleOverlapPolicy, ScheduleNotFoundError, type Client, type ScheduleOptions, type ScheduleSummary } from '@temporalio/client';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';

const duration = z.string().regex(/^\d+(ms|s|m|h|d)$/, 'a duration such as 30m, 6h or 1d');

const scheduleSchema = z
  .object({
    source: z.string().min(1),
    cron: z.string().min(1).optional(),
    interval: duration.optional(),
    timezone: z.string().default('UTC'),
    period: z.enum(['previous_month', 'current_month']).default('previous_month'),
    overlap: z.enum(['skip', 'buffer_one']).default('skip'),
    catchup_window: duration.default('1d'),
    paused: z.boolean().default(false),
  })
  .strict()
  .refine((schedule) => Boolean(schedule.cron) !== Boolean(schedule.interval), 'give exactly one of cron or interval');

const schedulesFileSchema = z.object({ schedules: z.record(z.string().regex(/^[a-z][a-z0-9-]*$/), scheduleSchema) }).strict();

export type ScheduleDefinition = z.infer<typeof scheduleSchema> & { readonly id: string };

/** Reads schedules.yml from the configuration folder (none when the file is missing). */
export function loadSchedules(configDir: string): ScheduleDefinition[] {
  const file = join(configDir, 'schedules.yml');
  if (!existsSync(file)) return [];
  let raw: unknown;
  try {
    raw = parseYaml(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new ConfigError(`${file}: not valid YAML: ${(error as Error).message}`);
  }
  const result = schedulesFileSchema.safeParse(raw);
  if (!result.success) throw new ConfigError(`Invalid schedules:\n${describeIssues(file, result.error.issues)}`);
  return Object.entries(result.data.schedules).map(([id, schedule]) => ({ ...schedule, id }));
}

function toOptions(schedule: ScheduleDefinition, taskQueue: string): ScheduleOptions {
  return {
    scheduleId: schedule.id,
    spec: {
      ...(schedule.cron ? { cronExpressions: [schedule.cron] } : {}),
      ...(schedule.interval ? { intervals: [{ every: schedule.interval as `${number}h` }] } : {}),
      timezone: schedule.timezone,
    },
    action: {
      type: 'startWorkflow',
      workflowType: 'scheduledPipeline',
      args: [{ source: schedule.source, period: schedule.period }],
      taskQueue,
      workflowId: `scheduled-${schedule.id}`,
    },
    policies: {
      overlap: schedule.overlap === 'skip' ? ScheduleOverlapPolicy.SKIP : ScheduleOverlapPolicy.BUFFER_ONE,
      catchupWindow: schedule.catchup_window as `${number}d`,
    },
    state: { paused: schedule.paused, note: 'managed by ppm schedule apply' },
  };
}

export type ApplyOutcome = 'created' | 'updated';

/** Creates or updates each schedule so the cluster matches the configuration. */
export async function applySchedules(client: Client, schedules: readonly ScheduleDefinition[], taskQueue = pipelineTaskQueue): Promise<{ id: string; outcome: ApplyOutcome }[]> {
  const outcomes: { id: string; outcome: ApplyOutcome }[] = [];
  for (const schedule of schedules) {
    const options = toOptions(schedule, taskQueue);
    const handle = client.schedule.getHandle(schedule.id);
    try {
      await handle.describe();
      await handle.update((previous) => ({ ...previous, spec: options.spec, action: options.action, policies: options.policies, state: { ...previous.state, paused: schedule.paused } }));
      outcomes.push({ id: schedule.id, outcome: 'updated' });
    } catch (error) {
      if (!(error instanceof ScheduleNotFoundError)) throw error;
      await client.schedule.create(options);
      outcomes.push({ id: schedule.id, outcome: 'created' });
    }
  }
  return outcomes;
}

export async function listSchedules(client: Client): Promise<ScheduleSummary[]> {
  const summaries: ScheduleSummary[] = [];
  for await (const summary of client.schedule.list()) summaries.push(summary);
  return summaries;
}

/** Starts a schedule's action now under the schedule's own overlap policy (the SDK's default would allow overlaps). */
export async function triggerSchedule(client: Client, scheduleId: string): Promise<void> {
  const handle = client.schedule.getHandle(scheduleId);
  const description = await handle.describe();
  await handle.trigger(description.policies.overlap);
}
