import { resolve } from 'node:path';
import { Option, type Command } from 'commander';
import { dateFormats, decimalSeparators, filesSourceAt, loadSource, type DateFormat, type DecimalSeparator, type LoadSummary } from '@ppm/etl';
import { loadPlatformConfig, sourceNamed } from '@ppm/workflows';
import { exitCodes } from '../lib/exit.js';
import { onShutdownSignal } from '../lib/shutdown.js';
import { formatTable, note, printJson } from '../lib/output.js';
import { openSession } from '../lib/session.js';

interface LoadFlags {
  readonly source?: string;
  readonly path?: string;
  readonly fullSnapshot?: boolean;
  readonly dateFormat?: DateFormat;
  readonly decimalSeparator?: DecimalSeparator;
  readonly json?: boolean;
}

export function printLoadSummary(summary: LoadSummary): void {
  console.log(formatTable(summary.batches.map((batch) => ({
    file: batch.fileName,
    entity: batch.entity,
    status: batch.status,
    read: batch.rowsRead,
    loaded: batch.rowsLoaded,
    updated: batch.rowsUpdated,
    unchanged: batch.rowsUnchanged,
    quarantined: batch.rowsQuarantined,
  }))));
  const reasons = Object.entries(summary.quarantinedByReason).map(([reason, rows]) => ({ reason, rows }));
  if (reasons.length) console.log(`\nQuarantined by reason (details in ops.quarantine):\n${formatTable(reasons)}`);
  for (const failure of summary.failed) note(`\nFAILED ${failure.fileName}: ${failure.error}`);
  for (const warning of summary.warnings) note(`\nWARNING ${warning}`);
  if (summary.ignoredFiles.length) note(`\nIgnored (neither named after an entity nor matched by the source's files: patterns): ${summary.ignoredFiles.join(', ')}`);
}

const adhocFormats = (flags: LoadFlags) => ({
  ...(flags.dateFormat ? { dateFormat: flags.dateFormat } : {}),
  ...(flags.decimalSeparator ? { decimalSeparator: flags.decimalSeparator } : {}),
});

/** Loads a source directly (no Temporal): every file, in contract order, each in its own transaction. */
async function load(flags: LoadFlags): Promise<void> {
  const config = loadPlatformConfig();
  const source = flags.path ? filesSourceAt('adhoc', resolve(flags.path), { fullSnapshot: flags.fullSnapshot ?? false, formats: adhocFormats(flags) }) : sourceNamed(config, flags.source ?? 'demo');
  const session = await openSession({ databaseOnly: true });
  const stop = new AbortController();
  void onShutdownSignal(() => Promise.resolve(stop.abort(new Error('stopped by a signal'))));
  let loaded: readonly string[] = [];
  try {
    const onWait = (message: string) => note(`  ${message}`);
    const summary = await loadSource({ db: session.db, config: config.program, source: source.name, onWait }, source, {
      signal: stop.signal,
      onProgress: (progress) => {
        loaded = progress.completed;
        if (progress.current && !flags.json) note(`  [${progress.batchesDone + 1}/${progress.batchesTotal}] ${progress.current}`);
      },
    });
    if (flags.json) printJson(summary);
    else printLoadSummary(summary);
    if (summary.failed.length) process.exitCode = exitCodes.failed;
  } catch (error) {
    if (!stop.signal.aborted) throw error;
    note('Load stopped: files loaded before the stop stay loaded; the file in flight was rolled back and is recorded as cancelled (ops.load_batches).');
    note(loaded.length ? `Loaded before the stop: ${loaded.join(', ')}` : 'No file had finished loading.');
    process.exitCode = exitCodes.interrupted;
  } finally {
    await session.close();
  }
}

export function registerLoad(program: Command): void {
  program
    .command('load')
    .description('load a source into the warehouse now, without Temporal (ppm run goes through the pipeline)')
    .option('--source <name>', 'configured source (config/sources.yml)', 'demo')
    .option('--path <dir>', 'load this folder of contract files instead of a configured source')
    .option('--full-snapshot', 'with --path: partners missing from the partners files become inactive')
    .addOption(new Option('--date-format <layout>', 'with --path: date layout of the files besides ISO 8601').choices(dateFormats))
    .addOption(new Option('--decimal-separator <char>', 'with --path: decimal separator of the files').choices(decimalSeparators))
    .option('--json', 'print the load summary as JSON')
    .action(load);
}
