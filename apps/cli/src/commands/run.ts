import type { Command } from 'commander';
import { startPipeline, type PipelineSummary } from '@ppm/workflows';
import { monthArgument, previousMonth } from '../lib/args.js';
import { formatTable, note, printJson } from '../lib/output.js';
import { openPipelineSession, webUiLink } from '../lib/pipeline.js';
import { followRun } from '../lib/progress.js';

interface RunOptions {
  readonly source: string;
  readonly period?: string;
  readonly wait: boolean;
  readonly json?: boolean;
}

export function printSummary(summary: PipelineSummary): void {
  const entities = Object.entries(summary.load.byEntity).map(([entity, counts]) => ({ entity, ...counts }));
  console.log(`\nLoad of source ${summary.source} (${summary.load.batches} files):`);
  console.log(formatTable(entities, ['entity', 'rowsRead', 'rowsLoaded', 'rowsUpdated', 'rowsUnchanged', 'rowsQuarantined']));
  const reasons = Object.entries(summary.load.quarantinedByReason).map(([reason, rows]) => ({ reason, rows }));
  if (reasons.length > 0) {
    console.log('\nQuarantined rows by reason (ops.quarantine):');
    console.log(formatTable(reasons));
  }
  for (const warning of summary.load.warnings) note(`WARNING ${warning}`);
  console.log(`\nModels: ${summary.models.modelsBuilt} built, ${summary.models.testsPassed} tests passed.`);
  const scoring = summary.scoring;
  console.log(`\nScored ${scoring.partnersScored.toLocaleString('en-US')} partners for ${scoring.period} (scoring config ${scoring.configVersion}); ${scoring.alertsRaised} new alert(s), ${scoring.findings} program finding(s).`);
  console.log(formatTable(Object.entries(scoring.segments).map(([segment, partners]) => ({ segment, partners }))));
  console.log(`Alerts webhook: ${summary.alerts.webhook}${summary.alerts.delivered ? ` (${summary.alerts.delivered} delivered)` : ''}.`);
  console.log(`\nStep durations: ${Object.entries(summary.durationsMs).map(([step, ms]) => `${step} ${(ms / 1000).toFixed(1)} s`).join(', ')}`);
}

async function run(options: RunOptions): Promise<void> {
  const period = options.period ?? previousMonth();
  const pipeline = await openPipelineSession();
  try {
    const handle = await startPipeline(pipeline.client, { source: options.source, period });
    const link = webUiLink(pipeline.session, handle.workflowId);
    note(`Pipeline ${handle.workflowId}${link ? ` (${link})` : ''}`);
    if (!options.wait) {
      if (options.json) printJson({ workflowId: handle.workflowId, runId: handle.firstExecutionRunId, webUi: link ?? null });
      return;
    }
    await pipeline.ensureWorker();
    if (!options.json) await followRun(handle);
    const summary = await handle.result();
    if (options.json) printJson(summary);
    else printSummary(summary);
  } finally {
    await pipeline.close();
  }
}

export function registerRun(program: Command): void {
  program
    .command('run')
    .description('run the pipeline for a source and month through Temporal, following its progress')
    .option('--source <name>', 'configured source (config/sources.yml)', 'demo')
    .option('--period <YYYY-MM>', 'month to score (default: the last complete month)', monthArgument)
    .option('--no-wait', 'start the run and return at once')
    .option('--json', 'print the run summary as JSON')
    .action(run);
}
