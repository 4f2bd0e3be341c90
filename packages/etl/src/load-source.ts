import { countryCodes, entity as entityDefinition, entityNames, type EntityName, type ProgramConfig, type QuarantineReason } from '@ppm/core';
import { SourceConfigError } from './errors.js';
import { discoverFiles, loadFile, type DataFile } from './files.js';
import { batchWarnings, sourceWarnings } from './load-warnings.js';
import { abandonInterruptedBatches, totalQuarantined, type BatchResult, type LoadTarget } from './load-batch.js';
import { loadEntityQuery } from './sql-source.js';
import type { EntityQuery, FilesSource, SourceDefinition } from './sources.js';
import { enumValues } from './sql/fields.js';

export interface LoadProgress {
  readonly batchesDone: number;
  readonly batchesTotal: number;
  readonly current?: string;
  readonly rowsRead: number;
  readonly rowsQuarantined: number;
  /** Batch names already loaded in this run (a resumed run skips them). */
  readonly completed: readonly string[];
}

export interface LoadSourceOptions {
  /** Restrict to these entities (default: all). */
  readonly entities?: readonly EntityName[];
  /** Batch names to skip because an earlier attempt of the same run loaded them. */
  readonly skip?: readonly string[];
  readonly onProgress?: (progress: LoadProgress) => void;
  /** Stops the load: the batch in flight rolls back, completed batches stay. */
  readonly signal?: AbortSignal;
}

export interface LoadSummary {
  readonly source: string;
  readonly batches: readonly BatchResult[];
  readonly ignoredFiles: readonly string[];
  readonly rowsRead: number;
  readonly rowsLoaded: number;
  readonly rowsUpdated: number;
  readonly rowsUnchanged: number;
  readonly rowsQuarantined: number;
  readonly quarantinedByReason: Partial<Record<QuarantineReason, number>>;
  readonly failed: readonly { fileName: string; error: string }[];
  /** What a data engineer should look at although every batch loaded (see loadWarnings). */
  readonly warnings: readonly string[];
}

interface PlannedBatch {
  readonly name: string;
  readonly entity: EntityName;
  run(target: LoadTarget): Promise<BatchResult>;
}

async function plan(source: SourceDefinition, entities: readonly EntityName[]): Promise<{ batches: PlannedBatch[]; ignored: readonly string[] }> {
  if (source.type === 'files') {
    const { files, ignored } = await discoverFiles(source.path, source.files);
    const options = {
      ...(source.encoding !== 'auto' ? { encoding: source.encoding } : {}),
      ...(source.delimiter !== 'auto' ? { delimiter: source.delimiter } : {}),
    };
    const batches = files
      .filter((file) => entities.includes(file.entity))
      .map((file: DataFile) => {
        const columns = source.columns?.[file.entity];
        const fileOptions = columns ? { ...options, columns } : options;
        return { name: file.name, entity: file.entity, run: (target: LoadTarget) => loadFile(target, file, fileOptions) };
      });
    return { batches, ignored };
  }
  const batches = entityNames
    .filter((entity) => entities.includes(entity) && source.entities[entity])
    .map((entity) => {
      const query: EntityQuery = { ...(source.entities[entity] as Omit<EntityQuery, 'entity'>), entity };
      return { name: `${source.name}:${entity}`, entity, run: (target: LoadTarget) => loadEntityQuery(target, source, query) };
    });
  return { batches, ignored: [] };
}

export function summarize(source: string, batches: readonly BatchResult[], ignoredFiles: readonly string[]): LoadSummary {
  const sum = (pick: (batch: BatchResult) => number) => batches.reduce((total, batch) => total + pick(batch), 0);
  return {
    source,
    batches,
    ignoredFiles,
    rowsRead: sum((batch) => batch.rowsRead),
    rowsLoaded: sum((batch) => batch.rowsLoaded),
    rowsUpdated: sum((batch) => batch.rowsUpdated),
    rowsUnchanged: sum((batch) => batch.rowsUnchanged),
    rowsQuarantined: sum((batch) => batch.rowsQuarantined),
    quarantinedByReason: totalQuarantined(batches),
    failed: batches.filter((batch) => batch.status === 'failed').map((batch) => ({ fileName: batch.fileName, error: batch.error ?? 'failed' })),
    warnings: batchWarnings(batches),
  };
}

/** Value maps must lead to allowed values; tiers and partner types come from the program configuration. */
function checkValueMaps(source: FilesSource, config: ProgramConfig): void {
  for (const [entityName, fields] of Object.entries(source.values ?? {})) {
    for (const [fieldName, valueMap] of Object.entries(fields)) {
      const field = entityDefinition(entityName as EntityName).fields.find((candidate) => candidate.name === fieldName);
      if (!field) continue;
      const allowed = field.type === 'country' ? countryCodes() : enumValues(field, config);
      for (const [text, value] of Object.entries(valueMap)) {
        if (!allowed.includes(value)) {
          throw new SourceConfigError(`sources.${source.name}.values.${entityName}.${fieldName}: "${text}" maps to "${value}", which is not one of ${allowed.join(', ')}`);
        }
      }
    }
  }
}

/**
 * Loads every batch of a source in contract order (partners before the facts that
 * reference them), one batch at a time; a failed batch is recorded and the rest go on.
 */
export async function loadSource(target: LoadTarget, source: SourceDefinition, options: LoadSourceOptions = {}): Promise<LoadSummary> {
  if (source.type === 'files') checkValueMaps(source, target.config);
  const { batches, ignored } = await plan(source, options.entities ?? entityNames);
  const interrupted = await abandonInterruptedBatches(target.db);
  const skip = new Set(options.skip ?? []);
  const completed = [...skip].filter((name) => batches.some((batch) => batch.name === name));
  const results: BatchResult[] = [];
  const sourceTarget = {
    ...target,
    source: source.name,
    fullSnapshot: target.fullSnapshot ?? source.full_snapshot ?? false,
    ...(source.type === 'files' ? { formats: { dateFormat: source.date_format, decimalSeparator: source.decimal_separator }, valueMaps: source.values ?? {} } : {}),
  };
  const report = (current?: string) =>
    options.onProgress?.({
      batchesDone: completed.length,
      batchesTotal: batches.length,
      ...(current ? { current } : {}),
      rowsRead: results.reduce((total, batch) => total + batch.rowsRead, 0),
      rowsQuarantined: results.reduce((total, batch) => total + batch.rowsQuarantined, 0),
      completed,
    });
  for (const batch of batches) {
    if (skip.has(batch.name)) continue;
    options.signal?.throwIfAborted();
    report(batch.name);
    const result = await batch.run({ ...sourceTarget, ...(options.signal ? { signal: options.signal } : {}) });
    options.signal?.throwIfAborted();
    results.push(result);
    if (result.status === 'succeeded') completed.push(batch.name);
    report();
  }
  const summary = summarize(source.name, results, ignored);
  return { ...summary, warnings: await sourceWarnings(target.db, source, { planned: batches.length, ignored, interrupted, results }) };
}
