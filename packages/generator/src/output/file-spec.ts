import { entity as entityDefinition, field as fieldDefinition, type EntityName, type FieldDefinition } from '@ppm/core';
import type { Column } from './format.js';

export type FileFormat = 'csv' | 'jsonl';
export type Delimiter = ',' | ';' | '\t' | '|';

/** How one data file is written; the manifest repeats these facts for the loader's tests. */
export interface FileSpec {
  /** Relative to the output directory, e.g. data/revenue-2025.csv.gz. */
  readonly path: string;
  readonly entity: EntityName;
  readonly format: FileFormat;
  readonly compression: 'gzip' | 'none';
  readonly encoding: 'utf-8' | 'windows-1252';
  readonly bom: boolean;
  readonly delimiter: Delimiter | null;
  readonly lineEnding: 'lf' | 'crlf';
  readonly columns: readonly Column[];
  /** Columns outside the contract, with a constant value (the loader keeps them as extras). */
  readonly extraColumns?: readonly { readonly header: string; readonly value: string }[];
}

/** Decimal places per decimal field: FX rates carry 6, money 2; other fields 0. */
function scaleOf(entity: EntityName, field: FieldDefinition): number {
  if (field.type !== 'decimal') return 0;
  return entity === 'fx_rates' && field.name === 'rate' ? 6 : 2;
}

/**
 * Columns for the entity's fields (all, or the named ones in that order); `headers`
 * renames some, and each new name must be an alias the contract accepts.
 */
export function columnsOf(entity: EntityName, names?: readonly string[], headers: Readonly<Record<string, string>> = {}): Column[] {
  const definition = entityDefinition(entity);
  const fields = names ? names.map((name) => fieldDefinition(definition, name)) : definition.fields;
  return fields.map((field) => {
    const header = headers[field.name] ?? field.name;
    const accepted = [field.name, ...(field.aliases ?? [])].map((name) => name.toLowerCase());
    if (!accepted.includes(header.toLowerCase())) {
      throw new Error(`Header "${header}" is not an accepted name for ${entity}.${field.name}; use one of ${accepted.join(', ')}`);
    }
    return { field, name: field.name, header, scale: scaleOf(entity, field) };
  });
}

interface CsvOptions {
  readonly delimiter?: Delimiter;
  readonly gzip?: boolean;
  readonly bom?: boolean;
  readonly crlf?: boolean;
  readonly encoding?: FileSpec['encoding'];
  readonly extraColumns?: FileSpec['extraColumns'];
}

export function csvFile(name: string, entity: EntityName, columns: readonly Column[], options: CsvOptions = {}): FileSpec {
  const gzip = options.gzip ?? false;
  return {
    path: `data/${name}.csv${gzip ? '.gz' : ''}`,
    entity,
    format: 'csv',
    compression: gzip ? 'gzip' : 'none',
    encoding: options.encoding ?? 'utf-8',
    bom: options.bom ?? false,
    delimiter: options.delimiter ?? ',',
    lineEnding: options.crlf ? 'crlf' : 'lf',
    columns,
    ...(options.extraColumns ? { extraColumns: options.extraColumns } : {}),
  };
}

export function jsonlFile(name: string, entity: EntityName, columns: readonly Column[], gzip = false): FileSpec {
  return {
    path: `data/${name}.jsonl${gzip ? '.gz' : ''}`,
    entity,
    format: 'jsonl',
    compression: gzip ? 'gzip' : 'none',
    encoding: 'utf-8',
    bom: false,
    delimiter: null,
    lineEnding: 'lf',
    columns,
  };
}
