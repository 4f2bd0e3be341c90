import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { generateEcosystem, type Manifest } from '@ppm/generator';
import { applySchedules, createPipelineWorker, installWorkerLogging, loadSchedules, startPipeline } from '@ppm/workflows';
import { previousMonth } from '../lib/args.js';
import { formatTable, note } from '../lib/output.js';
import { openPipelineSession, webUiLink, type PipelineSession } from '../lib/pipeline.js';
import { followRun } from '../lib/progress.js';
import { onShutdownSignal } from '../lib/shutdown.js';
import { printSummary } from './run.js';
import { printProgramByTier } from './demo-report.js';
import { printScoring } from './demo-scores.js';
import { printSemanticReport, startDemoSemanticApi, type DemoSemanticApi } from './demo-semantic.js';

interface DemoOptions {
  readonly once?: boolean;
  readonly partners: number;
}

const demoSeed = 42;
const demoMonths = 36;

/** Generates the demo ecosystem into .data/demo once per (size, end month); later runs reuse it. */
async function demoData(dataDir: string, partners: number, end: string): Promise<Manifest> {
  const out = join(dataDir, 'demo');
  const manifestFile = join(out, 'manifest.json');
  if (existsSync(manifestFile)) {
    const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as Manifest;
    if (manifest.partners === partners && manifest.end_month === end && manifest.seed === demoSeed) return manifest;
  }
  note(`Generating the demo ecosystem: ${partners} partners, ${demoMonths} months to ${end}, with dirty files (seed ${demoSeed})...`);
  return generateEcosystem({ partners, months: demoMonths, seed: demoSeed, end, dirty: true, out, overwrite: true });
}

async function startWorker(pipeline: PipelineSession) {
  const { worker, connection } = await createPipelineWorker({
    db: pipeline.session.db,
    databaseUrl: pipeline.session.services.databaseUrl,
    config: pipeline.config,
    temporalAddress: pipeline.session.services.temporalAddress,
    namespace: pipeline.session.services.temporalNamespace,
  });
  const running = worker.run();
  return async () => {
    worker.shutdown();
    await running;
    await connection.close();
  };
}

/** The whole product end to end on a generated sample: services, worker, pipeline, schedule, summary. */
async function runDemo(options: DemoOptions): Promise<void> {
  installWorkerLogging('ERROR');
  const once = options.once ?? process.env.CI === 'true';
  const period = previousMonth();
  const pipeline = await openPipelineSession({ quiet: false });
  const stopWorker = await startWorker(pipeline);
  let semanticApi: DemoSemanticApi | undefined;
  const shutdown = async () => {
    await semanticApi?.close();
    await stopWorker();
    await pipeline.close();
  };

  try {
    const manifest = await demoData(pipeline.session.services.layout.root, options.partners, period);
    const handle = await startPipeline(pipeline.client, { source: 'demo', period });
    note(`\nPipeline ${handle.workflowId} runs through Temporal:`);
    await followRun(handle);
    const summary = await handle.result();
    printSummary(summary);
    note(`(${manifest.quarantine.total} bad rows were planted in the dirty files; the generator's manifest lists them by reason.)`);
    await printProgramByTier(pipeline.session.db, period);
    await printScoring(pipeline.session.db, summary.scoring, `${period}-01`);
    semanticApi = await startDemoSemanticApi(pipeline);
    await printSemanticReport(semanticApi, period);

    const schedules = await applySchedules(pipeline.client, loadSchedules(pipeline.config.dir));
    console.log('\nWhere to look:');
    console.log(formatTable([
      { what: 'This run in the Temporal Web UI', where: webUiLink(pipeline.session, handle.workflowId, summary.runId) ?? '(your cluster\'s UI)' },
      ...schedules.map((schedule) => ({ what: `Schedule ${schedule.id} (${schedule.outcome})`, where: pipeline.session.services.temporalUiUrl ? `${pipeline.session.services.temporalUiUrl}/namespaces/${pipeline.session.services.temporalNamespace}/schedules/${schedule.id}` : schedule.id })),
      { what: 'Semantic API (REST, Cube format)', where: semanticApi.url },
      { what: 'Warehouse (psql)', where: pipeline.session.services.databaseUrl },
      { what: 'Quarantined rows', where: 'pnpm ppm quarantine (--out fix-me.csv to export them)' },
    ]));
  } catch (error) {
    await shutdown();
    throw error;
  }

  if (once) {
    await shutdown();
    return;
  }
  note('\nServices and the worker keep running; press Ctrl-C to stop them.');
  await onShutdownSignal(shutdown);
}

export function registerDemo(program: Command): void {
  program
    .command('demo')
    .description('run the product end to end on a generated sample ecosystem and print what happened')
    .option('--once', 'exit after printing the summary (default when CI=true)')
    .option('--partners <n>', 'size of the generated ecosystem', (value) => Number(value), 1000)
    .action(runDemo);
}
