import { resolve } from 'node:path';
import type { Command } from 'commander';
import { generateEcosystem, type Manifest } from '@ppm/generator';
import { monthArgument, positiveInteger } from '../lib/args.js';
import { formatTable, note, printJson } from '../lib/output.js';

interface GenerateFlags {
  readonly partners: number;
  readonly months: number;
  readonly seed: number;
  readonly out: string;
  readonly dirty?: boolean;
  readonly end?: string;
  readonly overwrite?: boolean;
  readonly json?: boolean;
}

function printManifest(manifest: Manifest, out: string): void {
  console.log(`\nWrote ${manifest.files.length} files for ${manifest.partners.toLocaleString('en-US')} partners, ${manifest.start_month} to ${manifest.end_month}, into ${resolve(out, 'data')}:`);
  console.log(formatTable(manifest.files.map((file) => ({ file: file.path, entity: file.entity, records: file.records, expected_loaded: file.expected_loaded }))));
  if (manifest.dirty) console.log(`\nPlanted bad rows: ${manifest.quarantine.total} (by reason in manifest.json).`);
  console.log(`\nGround truth: ${resolve(out, 'ground_truth.csv')} (never loaded). Exact expectations: ${resolve(out, 'manifest.json')}.`);
}

async function generate(flags: GenerateFlags): Promise<void> {
  const started = Date.now();
  let lastReport = 0;
  const manifest = await generateEcosystem(
    { partners: flags.partners, months: flags.months, seed: flags.seed, out: flags.out, dirty: flags.dirty ?? false, overwrite: flags.overwrite ?? false, ...(flags.end ? { end: flags.end } : {}) },
    {
      onProgress(done, total) {
        if (!flags.json && Date.now() - lastReport > 2000) {
          lastReport = Date.now();
          note(`  ${done.toLocaleString('en-US')} / ${total.toLocaleString('en-US')} partners`);
        }
      },
    },
  );
  if (flags.json) printJson(manifest);
  else printManifest(manifest, flags.out);
  note(`Done in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
}

export function registerGenerate(program: Command): void {
  program
    .command('generate')
    .description('write a realistic sample partner ecosystem as data-contract files (deterministic for a seed)')
    .option('--partners <n>', 'number of partners', positiveInteger, 1000)
    .option('--months <n>', 'months of history (at least 12)', positiveInteger, 36)
    .option('--seed <n>', 'random seed', (value) => Number(value), 42)
    .requiredOption('--out <dir>', 'output folder (data files go to <dir>/data)')
    .option('--end <YYYY-MM>', 'last month of the history (default: the last complete month)', monthArgument)
    .option('--dirty', 'add files with bad rows of every quarantine reason (expected counts in the manifest)')
    .option('--overwrite', 'replace the data files already in <dir>/data')
    .option('--json', 'print the manifest as JSON')
    .action(generate);
}
