import { extname } from 'node:path';
import type { SourceDefinition } from './sources.js';
import { entityHints } from './entity-hints.js';
import { entityOfFile } from './files.js';
import { formatHints } from './format-hints.js';
import type { BatchResult, LoadTarget } from './load-batch.js';

/** A batch's quarantine by reason, most rows first: "invalid_number 6, invalid_date 2". */
function reasonCounts(batch: BatchResult): string {
  return Object.entries(batch.quarantinedByReason)
    .sort((a, b) => b[1] - a[1])
    .map(([reason, rows]) => `${reason} ${rows.toLocaleString('en-US')}`)
    .join(', ');
}

/**
 * Loaded batches that still need a look: a file whose every row was quarantined (a column
 * mapping, date layout or decimal separator to set, more likely than a file of bad rows),
 * and a header found below a report's title rows.
 */
export function batchWarnings(batches: readonly BatchResult[]): string[] {
  const warnings: string[] = [];
  for (const batch of batches) {
    if (batch.status !== 'succeeded') continue;
    if (batch.rowsRead > 0 && batch.rowsQuarantined === batch.rowsRead) {
      warnings.push(`${batch.fileName}: every row was quarantined (${reasonCounts(batch)}); check the file's columns and formats against docs/data-contract.md (ppm quarantine --file ${batch.fileName} lists them)`);
    }
    if (batch.titleRows) warnings.push(`${batch.fileName}: the header is on line ${batch.headerLine ?? '?'}; the ${batch.titleRows === 1 ? 'row' : `${batch.titleRows} rows`} above it ${batch.titleRows === 1 ? 'was' : 'were'} passed over as a title`);
  }
  return warnings;
}

/** Files named after an entity that were ignored: their format is not one the loader reads. */
function unreadableFormats(ignored: readonly string[]): string[] {
  return ignored.flatMap((name) => {
    const entity = entityOfFile(name);
    if (!entity) return [];
    return [
      `${name}: named after ${entity}, but ${extname(name) || 'a name without an extension'} is not a format the loader reads (CSV .csv .tsv .txt, JSON Lines .jsonl .ndjson, a JSON array of records .json, each optionally .gz, or Excel .xlsx)`,
    ];
  });
}

/** What a source's load found besides its batches (see sourceWarnings). */
export interface LoadFindings {
  /** Batches the source planned. */
  readonly planned: number;
  readonly ignored: readonly string[];
  /** Batches of dead loaders this load recorded as failed. */
  readonly interrupted: readonly { loadId: string; fileName: string }[];
  readonly results: readonly BatchResult[];
}

/**
 * Everything a data engineer should look at after a load that did not fail: nothing to
 * load, interrupted earlier loads, files the loader passed by that look like data, the
 * batches' own warnings, and the formats to declare when most rows of a file were quarantined.
 */
export async function sourceWarnings(db: LoadTarget['db'], source: SourceDefinition, findings: LoadFindings): Promise<string[]> {
  const { planned, ignored, interrupted, results } = findings;
  const nothing = planned === 0 ? [`nothing to load: ${source.type === 'files' ? `no data files in ${source.path}` : `source ${source.name} has no entity queries`}`] : [];
  const earlier = interrupted.map(({ fileName, loadId }) => `${fileName}: an earlier load (${loadId}) was interrupted when its process stopped; it loaded nothing and is now recorded as failed`);
  const named = source.type === 'files' ? await entityHints(source.path, ignored) : [];
  return [...nothing, ...earlier, ...unreadableFormats(ignored), ...named, ...batchWarnings(results), ...(await formatHints(db, results))];
}
