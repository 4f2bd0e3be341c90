import type { Command } from 'commander';
import { connectClient, createPipelineWorker, installWorkerLogging, loadPlatformConfig, startPipeline } from '@ppm/workflows';
import { formatTable, note } from '../lib/output.js';
import { openSession } from '../lib/session.js';
import { onShutdownSignal } from '../lib/shutdown.js';

interface DemoOptions {
  readonly once?: boolean;
}

function previousMonth(today = new Date()): string {
  const date = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - 1, 1));
  return date.toISOString().slice(0, 7);
}

/** The whole product end to end on an embedded sample: services, worker, pipeline, summary. */
async function runDemo(options: DemoOptions): Promise<void> {
  installWorkerLogging('WARN');
  const once = options.once ?? process.env.CI === 'true';
  const session = await openSession();
  const { worker, connection } = await createPipelineWorker({
    db: session.db,
    config: loadPlatformConfig(),
    temporalAddress: session.services.temporalAddress,
    namespace: session.services.temporalNamespace,
  });
  const workerRun = worker.run();
  const shutdown = async () => {
    worker.shutdown();
    await workerRun;
    await connection.close();
    await session.close();
  };

  try {
    const client = await connectClient(session.services.temporalAddress, session.services.temporalNamespace);
    const handle = await startPipeline(client, { source: 'demo', period: previousMonth() });
    note(`Pipeline ${handle.workflowId} started; waiting for it to finish...`);
    const summary = await handle.result();
    await client.connection.close();
    const runs = await session.db('ops.pipeline_runs').where({ run_id: summary.runId }).select('workflow_id', 'source', 'period', 'status', 'finished_at');

    console.log('\nPipeline runs recorded in the warehouse (ops.pipeline_runs):');
    console.log(formatTable(runs));
    console.log('\nWhere to look:');
    const uiBase = session.services.temporalUiUrl;
    console.log(formatTable([
      { what: 'Temporal Web UI (this run)', where: uiBase ? `${uiBase}/namespaces/${session.services.temporalNamespace}/workflows/${summary.workflowId}` : '(external cluster: see its UI)' },
      { what: 'Warehouse', where: session.services.databaseUrl.replace(/:[^:@/]+@/, ':***@') },
    ]));
  } catch (error) {
    await shutdown();
    throw error;
  }

  if (once) {
    await shutdown();
    return;
  }
  note('\nServices keep running; press Ctrl-C to stop them.');
  await onShutdownSignal(shutdown);
}

export function registerDemo(program: Command): void {
  program
    .command('demo')
    .description('run the product end to end on a generated sample ecosystem and print what happened')
    .option('--once', 'exit after printing the summary (default when CI=true)')
    .action(runDemo);
}
