import type { FieldDefinition } from '@ppm/core';
import { formatCents, formatScaled } from '../money.js';

/**
 * A value as the generator hands it over: decimal fields as integers in units of
 * 10^-scale (cents, or millionths for FX rates), dates and periods already as text,
 * strings exactly as they should appear (dirty files pass odd text on purpose).
 */
export type Cell = string | number | boolean | null | undefined;
export type Row = Readonly<Record<string, Cell>>;

export interface Column {
  readonly field: FieldDefinition;
  /** The field's name: the key of the value in a Row. */
  readonly name: string;
  readonly header: string;
  /** Decimal places of a decimal field (0 for other fields). */
  readonly scale: number;
}

/** Text of a cell, or null when the value is missing. */
function cellText(column: Column, value: Cell): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (column.scale === 0) return String(value);
  return column.scale === 2 ? formatCents(value) : formatScaled(value, column.scale);
}

const needsQuotes = /[",;|\t\r\n]/;

function csvField(text: string): string {
  return needsQuotes.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A cell as CSV: numbers we format never need quotes, text might. */
function csvCell(column: Column, value: Cell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return csvField(value);
  return cellText(column, value) ?? '';
}

export function csvLine(fields: readonly string[], delimiter: string): string {
  let line = '';
  for (let i = 0; i < fields.length; i++) {
    if (i > 0) line += delimiter;
    line += csvField(fields[i] ?? '');
  }
  return line;
}

export function csvRecord(columns: readonly Column[], row: Row, delimiter: string): string {
  let line = '';
  for (let i = 0; i < columns.length; i++) {
    const column = columns[i] as Column;
    if (i > 0) line += delimiter;
    line += csvCell(column, row[column.name]);
  }
  return line;
}

/** A JSON value: numbers stay numeric literals with their decimals (12500.50), text is escaped. */
function jsonValue(column: Column, value: Cell): string {
  const text = cellText(column, value);
  if (text === null) return 'null';
  if (typeof value === 'number' || typeof value === 'boolean') return text;
  return JSON.stringify(text);
}

const jsonKeys = new WeakMap<Column, string>();

function jsonKey(column: Column): string {
  let key = jsonKeys.get(column);
  if (key === undefined) {
    key = `${JSON.stringify(column.header)}:`;
    jsonKeys.set(column, key);
  }
  return key;
}

export function jsonRecord(columns: readonly Column[], row: Row): string {
  let line = '{';
  for (let i = 0; i < columns.length; i++) {
    const column = columns[i] as Column;
    if (i > 0) line += ',';
    line += jsonKey(column) + jsonValue(column, row[column.name]);
  }
  return `${line}}`;
}
