import type { EntityDefinition } from '@ppm/core';
import { LoadError, MissingColumnsError } from '../errors.js';
import type { ColumnNames } from './records.js';

/** Zero-width characters some exports leave in headers: invisible in a message, yet they break a match. */
const invisible = /[\u200b-\u200d\u2060\ufeff]/g;

/**
 * How headers are compared: case-insensitive, camelCase split into words (partnerId,
 * PartnerID, MDFAllocated), and runs of spaces and punctuation read as one underscore.
 */
const canonical = (header: string) =>
  header
    .replace(invisible, '')
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/([A-Z])([A-Z][a-z])/g, '$1_$2')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '_')
    .replace(/^_+|_+$/g, '');

/** How a header names a field: a source's configured column beats the field's own name, which beats an alias. */
const enum Precedence {
  Alias = 0,
  FieldName = 1,
  Configured = 2,
}

interface HeaderMatch {
  readonly index: number;
  readonly precedence: Precedence;
}

/**
 * Header name (compared as `canonical` reads it) -> field index and how
 * it names the field: aliases, the field's own name, and a source's own column names
 * (`columns`), each taking precedence over the one before.
 */
function headerMatches(entity: EntityDefinition, columns: ColumnNames = {}): Map<string, HeaderMatch> {
  const lookup = new Map<string, HeaderMatch>();
  entity.fields.forEach((field, index) => {
    for (const alias of field.aliases ?? []) lookup.set(canonical(alias), { index, precedence: Precedence.Alias });
  });
  entity.fields.forEach((field, index) => lookup.set(canonical(field.name), { index, precedence: Precedence.FieldName }));
  entity.fields.forEach((field, index) => {
    const configured = columns[field.name];
    if (configured !== undefined) lookup.set(canonical(configured), { index, precedence: Precedence.Configured });
  });
  return lookup;
}

/** Header name -> field index (see headerMatches). */
export function headerLookup(entity: EntityDefinition, columns: ColumnNames = {}): Map<string, number> {
  return new Map([...headerMatches(entity, columns)].map(([name, match]) => [name, match.index]));
}

function expectedColumn(field: EntityDefinition['fields'][number], columns: ColumnNames): string {
  const configured = columns[field.name];
  if (configured !== undefined) return `${field.name} (configured as "${configured}")`;
  return `${field.name}${field.aliases?.length ? ` (or ${field.aliases.join(', ')})` : ''}`;
}

export function fieldIndexFor(lookup: Map<string, number>, header: string): number | undefined {
  return lookup.get(canonical(header));
}

export interface ColumnMapping {
  /** For each source column: the field index it fills, or -1 when it goes to `extra` by name, or -2 when it has no name (its values go to `extra` by position). */
  readonly targets: readonly number[];
  readonly headers: readonly string[];
}

/**
 * Which column of a header row fills each field: the one naming it with the highest
 * precedence (the others go to `extra`); two columns naming a field alike fail the batch.
 */
function chooseColumns(entity: EntityDefinition, headers: readonly string[], file: string, columns: ColumnNames, line: number): Map<number, number> {
  const matches = headerMatches(entity, columns);
  const chosen = new Map<number, { column: number; precedence: Precedence }>();
  headers.forEach((header, column) => {
    const match = header.trim() === '' ? undefined : matches.get(canonical(header));
    if (!match) return;
    const previous = chosen.get(match.index);
    if (previous && previous.precedence === match.precedence) {
      const field = entity.fields[match.index]!.name;
      throw new LoadError(file, `columns "${headers[previous.column]}" and "${header}" both map to field ${field}; keep one, or name the one to use under columns: ${field} in the source's entry in config/sources.yml`, line);
    }
    if (!previous || match.precedence > previous.precedence) chosen.set(match.index, { column, precedence: match.precedence });
  });
  return new Map([...chosen].map(([index, { column }]) => [column, index]));
}

/** Maps a header row (on `line`) onto the entity's fields; throws MissingColumnsError when a required column is missing. */
export function mapHeader(entity: EntityDefinition, headers: readonly string[], file: string, columns: ColumnNames = {}, line = 1): ColumnMapping {
  const fieldOfColumn = chooseColumns(entity, headers, file, columns, line);
  const targets = headers.map((header, column) => fieldOfColumn.get(column) ?? (header.trim() === '' ? -2 : -1));
  const mapped = new Set(fieldOfColumn.values());
  const missingRequired = entity.fields.filter((field, index) => field.required && !mapped.has(index));
  if (missingRequired.length > 0) {
    const names = missingRequired.map((field) => expectedColumn(field, columns));
    throw new MissingColumnsError(
      file,
      `missing required column${missingRequired.length > 1 ? 's' : ''} ${names.join('; ')} for ${entity.name}. Found columns: ${headers.join(', ') || '(none)'}. An export's own column name can be mapped under columns: in the source's entry in config/sources.yml`,
      line,
    );
  }
  return { targets, headers };
}

/** Whether trim() could change the text: its ends are ASCII space or control characters, or not ASCII. */
function mayNeedTrim(raw: string): boolean {
  if (raw.length === 0) return false;
  const first = raw.charCodeAt(0);
  const last = raw.charCodeAt(raw.length - 1);
  return first <= 0x20 || first >= 0x80 || last <= 0x20 || last >= 0x80;
}

/** Trims a raw value and turns the configured null markers (empty, NULL, ...) into null. */
export function cleanValue(raw: string | undefined, nullMarkers: ReadonlySet<string>): string | null {
  if (raw === undefined) return null;
  // Most values need no trimming: skipping trim() saves a copy per value on millions of rows.
  const value = mayNeedTrim(raw) ? raw.trim() : raw;
  return nullMarkers.has(value) ? null : value;
}
