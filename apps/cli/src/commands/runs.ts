import type { Command } from 'commander';
import { readRunProgress } from '@ppm/workflows';
import { WorkflowNotFoundError } from '@temporalio/client';
import { formatTable, note, printJson } from '../lib/output.js';
import { openPipelineSession, webUiLink } from '../lib/pipeline.js';

async function list(options: { limit: number; json?: boolean }): Promise<void> {
  const pipeline = await openPipelineSession();
  try {
    const rows: Record<string, unknown>[] = [];
    for await (const execution of pipeline.client.workflow.list({ query: "WorkflowType = 'partnerPipeline' OR WorkflowType = 'backfill'" })) {
      rows.push({
        workflowId: execution.workflowId,
        type: execution.type,
        status: execution.status.name,
        started: execution.startTime.toISOString(),
        closed: execution.closeTime?.toISOString() ?? null,
      });
      if (rows.length >= options.limit) break;
    }
    if (options.json) printJson(rows);
    else console.log(rows.length ? formatTable(rows) : 'No pipeline runs yet.');
  } finally {
    await pipeline.close();
  }
}

async function show(workflowId: string, options: { json?: boolean }): Promise<void> {
  const pipeline = await openPipelineSession();
  try {
    const handle = pipeline.client.workflow.getHandle(workflowId);
    const description = await handle.describe();
    const progress = await readRunProgress(handle);
    const result = description.status.name === 'COMPLETED' ? ((await handle.result()) as unknown) : null;
    const details = {
      workflowId,
      runId: description.runId,
      type: description.type,
      status: description.status.name,
      started: description.startTime.toISOString(),
      closed: description.closeTime?.toISOString() ?? null,
      webUi: webUiLink(pipeline.session, workflowId, description.runId) ?? null,
      progress,
      result,
    };
    if (options.json) printJson(details);
    else {
      console.log(formatTable([details], ['workflowId', 'type', 'status', 'started', 'closed']));
      if (details.webUi) console.log(`Web UI: ${details.webUi}`);
      if (progress.pipeline) console.log(`Step: ${progress.pipeline.step} (${progress.pipeline.stepsDone}/${progress.pipeline.stepsTotal})`);
      if (result) console.log(JSON.stringify(result, null, 2));
    }
  } catch (error) {
    if (error instanceof WorkflowNotFoundError) throw new Error(`No run with workflow id ${workflowId}; see \`ppm runs list\`.`);
    throw error;
  } finally {
    await pipeline.close();
  }
}

async function cancel(workflowId: string): Promise<void> {
  const pipeline = await openPipelineSession();
  try {
    await pipeline.client.workflow.getHandle(workflowId).cancel();
    note(`Cancellation requested for ${workflowId}; the batch in flight rolls back.`);
  } finally {
    await pipeline.close();
  }
}

export function registerRuns(program: Command): void {
  const runs = program.command('runs').description('list, inspect and cancel pipeline runs');
  runs.command('list').description('recent pipeline and backfill runs').option('--limit <n>', 'how many', (value) => Number(value), 20).option('--json', 'print as JSON').action(list);
  runs.command('show <workflowId>').description('status, progress and summary of one run').option('--json', 'print as JSON').action(show);
  runs.command('cancel <workflowId>').description('cancel a running pipeline or backfill').action(cancel);
}
