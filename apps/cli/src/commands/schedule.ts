import type { Command } from 'commander';
import { applySchedules, listSchedules, loadSchedules, triggerSchedule } from '@ppm/workflows';
import { formatTable, note, printJson } from '../lib/output.js';
import { openPipelineSession } from '../lib/pipeline.js';

async function withClient<T>(work: (pipeline: Awaited<ReturnType<typeof openPipelineSession>>) => Promise<T>): Promise<T> {
  const pipeline = await openPipelineSession();
  try {
    return await work(pipeline);
  } finally {
    await pipeline.close();
  }
}

export function registerSchedule(program: Command): void {
  const schedule = program.command('schedule').description('Temporal Schedules that run the pipeline (config/schedules.yml)');

  schedule
    .command('apply')
    .description('create or update the configured schedules (idempotent)')
    .option('--json', 'print as JSON')
    .action((options: { json?: boolean }) =>
      withClient(async (pipeline) => {
        const outcomes = await applySchedules(pipeline.client, loadSchedules(pipeline.config.dir));
        if (options.json) printJson(outcomes);
        else console.log(outcomes.length ? formatTable(outcomes) : 'No schedules configured (config/schedules.yml).');
      }),
    );

  schedule
    .command('list')
    .description('schedules on the cluster, with their next runs')
    .option('--json', 'print as JSON')
    .action((options: { json?: boolean }) =>
      withClient(async (pipeline) => {
        const rows = (await listSchedules(pipeline.client)).map((summary) => ({
          id: summary.scheduleId,
          paused: summary.state.paused,
          next: summary.info.nextActionTimes[0]?.toISOString() ?? null,
          lastRun: summary.info.recentActions.at(-1)?.takenAt.toISOString() ?? null,
        }));
        if (options.json) printJson(rows);
        else console.log(rows.length ? formatTable(rows) : 'No schedules.');
      }),
    );

  for (const [verb, description] of [
    ['pause', 'pause a schedule'],
    ['unpause', 'resume a paused schedule'],
    ['trigger', 'start a schedule\'s action now (its overlap policy applies)'],
  ] as const) {
    schedule
      .command(`${verb} <scheduleId>`)
      .description(description)
      .action((scheduleId: string) =>
        withClient(async (pipeline) => {
          const handle = pipeline.client.schedule.getHandle(scheduleId);
          if (verb === 'pause') await handle.pause('paused with ppm schedule pause');
          else if (verb === 'unpause') await handle.unpause('unpaused with ppm schedule unpause');
          else {
            await triggerSchedule(pipeline.client, scheduleId);
            await pipeline.ensureWorker();
          }
          note(`${scheduleId}: ${verb}d.`);
        }),
      );
  }
}
