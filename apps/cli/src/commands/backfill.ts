import type { Command } from 'commander';
import { startBackfill } from '@ppm/workflows';
import { monthArgument, positiveInteger } from '../lib/args.js';
import { formatTable, note, printJson } from '../lib/output.js';
import { openPipelineSession, webUiLink } from '../lib/pipeline.js';

interface BackfillOptions {
  readonly source: string;
  readonly from: string;
  readonly to: string;
  readonly parallelism: number;
  readonly wait: boolean;
  readonly json?: boolean;
}

async function backfill(options: BackfillOptions): Promise<void> {
  const pipeline = await openPipelineSession();
  try {
    const handle = await startBackfill(pipeline.client, { source: options.source, fromPeriod: options.from, toPeriod: options.to, parallelism: options.parallelism });
    const link = webUiLink(pipeline.session, handle.workflowId);
    note(`Backfill ${handle.workflowId}${link ? ` (${link})` : ''}`);
    if (!options.wait) return;
    await pipeline.ensureWorker();
    const results = await handle.result();
    if (options.json) printJson(results);
    else console.log(formatTable(results.map((result) => ({ period: result.period, status: result.status, error: result.error ?? '' }))));
    if (results.some((result) => result.status === 'failed')) process.exitCode = 1;
  } finally {
    await pipeline.close();
  }
}

export function registerBackfill(program: Command): void {
  program
    .command('backfill')
    .description('run the pipeline for every month of a range (child workflows, bounded parallelism)')
    .requiredOption('--from <YYYY-MM>', 'first month', monthArgument)
    .requiredOption('--to <YYYY-MM>', 'last month', monthArgument)
    .option('--source <name>', 'configured source', 'demo')
    .option('--parallelism <n>', 'pipelines at once', positiveInteger, 2)
    .option('--no-wait', 'start the backfill and return at once')
    .option('--json', 'print the per-month results as JSON')
    .action(backfill);
}
