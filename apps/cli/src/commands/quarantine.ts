import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { entity, type EntityName } from '@ppm/core';
import { quarantinedRows, quarantineSummary, type QuarantinedRow, type QuarantineFilter } from '@ppm/etl';
import Papa from 'papaparse';
import { positiveInteger } from '../lib/args.js';
import { formatTable, note, printJson } from '../lib/output.js';
import { openSession } from '../lib/session.js';

interface QuarantineFlags {
  readonly source?: string;
  readonly file?: string;
  readonly reason?: string;
  readonly allLoads?: boolean;
  readonly limit: number;
  readonly out?: string;
  readonly json?: boolean;
}

const filterOf = (flags: QuarantineFlags): QuarantineFilter => ({
  ...(flags.source ? { source: flags.source } : {}),
  ...(flags.file ? { file: flags.file } : {}),
  ...(flags.reason ? { reason: flags.reason } : {}),
  ...(flags.allLoads ? { allLoads: true } : {}),
});

const present = (value: unknown) => value !== null && value !== undefined && value !== '';

/** The raw row's columns that hold a value somewhere: contract fields in contract order, then unknown columns. */
function rawColumnsOf(rows: readonly QuarantinedRow[]): string[] {
  const filled = new Set(rows.flatMap((row) => Object.keys(row.raw_row).filter((column) => present(row.raw_row[column]))));
  const contractOrder = [...new Set(rows.flatMap((row) => entity(row.entity as EntityName).fields.map((field) => field.name)))];
  const known = contractOrder.filter((column) => filled.has(column));
  return [...known, ...[...filled].filter((column) => !known.includes(column)).sort()];
}

/** One CSV row per rejected row: where and why, then the row as it was read, to fix and send again. */
function quarantineCsv(rows: readonly QuarantinedRow[]): string {
  const rawColumns = rawColumnsOf(rows);
  const records = rows.map((row) => [
    row.source, row.file_name, row.line_number, row.field, row.reason_code, row.message,
    ...rawColumns.map((column) => {
      const value = row.raw_row[column];
      return value === null || value === undefined ? '' : typeof value === 'string' ? value : JSON.stringify(value);
    }),
  ]);
  return Papa.unparse({ fields: ['source', 'file', 'line', 'field', 'reason', 'message', ...rawColumns], data: records });
}

async function showQuarantine(flags: QuarantineFlags): Promise<void> {
  const session = await openSession({ quiet: flags.json ?? false, databaseOnly: true });
  try {
    const filter = filterOf(flags);
    if (flags.out) {
      const rows = await quarantinedRows(session.db, filter);
      writeFileSync(resolve(flags.out), `${quarantineCsv(rows)}\n`);
      note(`Wrote ${rows.length} quarantined row(s) to ${flags.out}.`);
      return;
    }
    const summary = await quarantineSummary(session.db, filter);
    const rows = await quarantinedRows(session.db, filter, flags.limit);
    if (flags.json) {
      printJson({ summary, rows });
      return;
    }
    if (summary.length === 0) {
      console.log('No quarantined rows.');
      return;
    }
    console.log(formatTable(summary.map(({ example: _example, ...group }) => group)));
    console.log(`\nFirst ${rows.length} row(s):`);
    console.log(formatTable(rows.map((row) => ({ file: row.file_name, line: row.line_number, reason: row.reason_code, message: row.message }))));
  } finally {
    await session.close();
  }
}

export function registerQuarantine(program: Command): void {
  program
    .command('quarantine')
    .description("rows that did not load, by file and reason (each file's latest load unless --all-loads); --out writes them as CSV to fix and re-send")
    .option('--source <name>', 'only this source')
    .option('--file <name>', 'only this file (as named in the load summary)')
    .option('--reason <code>', 'only this reason code (docs/data-contract.md, "Quarantine reasons")')
    .option('--all-loads', 'include rows of earlier loads of the same files')
    .option('--limit <n>', 'rows to show', positiveInteger, 20)
    .option('--out <file.csv>', 'write every matching row as CSV instead of printing')
    .option('--json', 'print the summary and rows as JSON')
    .action(showQuarantine);
}
