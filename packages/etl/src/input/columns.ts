import type { EntityDefinition } from '@ppm/core';
import { LoadError } from '../errors.js';
import type { ColumnNames } from './records.js';

const canonical = (header: string) => header.trim().toLowerCase().replace(/[\s-]+/g, '_');

/**
 * Header name (case-insensitive, spaces and hyphens as underscores) -> field index, aliases
 * included; a source's own column names (`columns`) take precedence.
 */
export function headerLookup(entity: EntityDefinition, columns: ColumnNames = {}): Map<string, number> {
  const lookup = new Map<string, number>();
  entity.fields.forEach((field, index) => {
    for (const name of [field.name, ...(field.aliases ?? [])]) lookup.set(canonical(name), index);
  });
  entity.fields.forEach((field, index) => {
    const configured = columns[field.name];
    if (configured !== undefined) lookup.set(canonical(configured), index);
  });
  return lookup;
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
  /** For each source column: the field index it fills, or -1 when it goes to `extra`, or -2 to ignore (unnamed). */
  readonly targets: readonly number[];
  readonly headers: readonly string[];
}

/** Maps a CSV header row onto the entity's fields; fails the batch when a required column is missing. */
export function mapHeader(entity: EntityDefinition, headers: readonly string[], file: string, columns: ColumnNames = {}): ColumnMapping {
  const lookup = headerLookup(entity, columns);
  const seen = new Map<number, string>();
  const targets = headers.map((header) => {
    if (header.trim() === '') return -2;
    const index = fieldIndexFor(lookup, header);
    if (index === undefined) return -1;
    const previous = seen.get(index);
    if (previous !== undefined) {
      throw new LoadError(file, `columns "${previous}" and "${header}" both map to field ${entity.fields[index]?.name}; keep one`, 1);
    }
    seen.set(index, header);
    return index;
  });
  const missingRequired = entity.fields.filter((field, index) => field.required && !seen.has(index));
  if (missingRequired.length > 0) {
    const names = missingRequired.map((field) => expectedColumn(field, columns));
    throw new LoadError(
      file,
      `missing required column${missingRequired.length > 1 ? 's' : ''} ${names.join('; ')} for ${entity.name}. Found columns: ${headers.join(', ') || '(none)'}`,
      1,
    );
  }
  return { targets, headers };
}

/** Trims a raw value and turns the configured null markers (empty, NULL, ...) into null. */
export function cleanValue(raw: string | undefined, nullMarkers: ReadonlySet<string>): string | null {
  if (raw === undefined) return null;
  const value = raw.trim();
  return nullMarkers.has(value) ? null : value;
}
