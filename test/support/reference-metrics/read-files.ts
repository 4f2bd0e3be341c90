import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { parse } from 'csv-parse/sync';
import { entityOfFileName, entityOrder, fieldOfColumn, type Entity } from './contract.js';

/** A record as the file states it: contract field -> trimmed value, null when missing. */
export type RawRecord = Readonly<Record<string, string | null>>;

const nullMarkers = new Set(['', 'NULL', 'null', 'N/A', 'n/a']);

function cell(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') {
    throw new Error(`reference: JSON value ${JSON.stringify(value)} is not a contract value`);
  }
  const text = String(value).trim();
  return nullMarkers.has(text) ? null : text;
}

function listFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? listFiles(path) : [path];
  });
}

/** Bytes to text: gzip detected from its magic number, then UTF-16 (BOM), UTF-8 or Windows-1252. */
function decode(bytes: Buffer): string {
  const plain = bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes) : bytes;
  if (plain[0] === 0xff && plain[1] === 0xfe) return new TextDecoder('utf-16le').decode(plain.subarray(2));
  if (plain[0] === 0xfe && plain[1] === 0xff) return new TextDecoder('utf-16be').decode(plain.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(plain);
  } catch {
    return new TextDecoder('windows-1252').decode(plain);
  }
}

/** The delimiter that splits the header line into the most fields (quotes respected). */
function detectDelimiter(text: string): string {
  const header = text.split(/\r?\n/, 1)[0] ?? '';
  const counts = [',', ';', '\t', '|'].map((delimiter) => {
    let inQuotes = false;
    let count = 0;
    for (const char of header) {
      if (char === '"') inQuotes = !inQuotes;
      else if (char === delimiter && !inQuotes) count += 1;
    }
    return { delimiter, count };
  });
  return counts.reduce((best, next) => (next.count > best.count ? next : best)).delimiter;
}

function csvRecords(entity: Entity, text: string): RawRecord[] {
  const rows: string[][] = parse(text, { delimiter: detectDelimiter(text), skip_empty_lines: true, bom: true });
  const [header, ...data] = rows;
  if (!header) return [];
  const fields = header.map((column) => fieldOfColumn(entity, column));
  return data.map((row) => {
    const record: Record<string, string | null> = {};
    fields.forEach((field, index) => {
      if (field) record[field] = cell(row[index]);
    });
    return record;
  });
}

function jsonLinesRecords(entity: Entity, text: string): RawRecord[] {
  return text
    .split(/\r?\n/)
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const object = JSON.parse(line) as Record<string, unknown>;
      const record: Record<string, string | null> = {};
      for (const [column, value] of Object.entries(object)) {
        const field = fieldOfColumn(entity, column);
        if (field) record[field] = cell(value);
      }
      return record;
    });
}

/**
 * Every record of the source folder per entity, in the loader's order: entities as the
 * contract lists them, an entity's files by name, records in file order.
 */
export function readSourceFolder(folder: string): Map<Entity, RawRecord[]> {
  const files = listFiles(folder)
    .map((path) => ({ path, name: relative(folder, path), entity: entityOfFileName(relative(folder, path).split(/[\\/]/).pop() ?? '') }))
    .filter((file): file is { path: string; name: string; entity: Entity } => file.entity !== undefined)
    .sort((a, b) => entityOrder.indexOf(a.entity) - entityOrder.indexOf(b.entity) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const records = new Map<Entity, RawRecord[]>(entityOrder.map((entity) => [entity, []]));
  for (const file of files) {
    const text = decode(readFileSync(file.path));
    const isJsonLines = /\.(jsonl|ndjson)(\.gz)?$/i.test(file.name);
    records.get(file.entity)?.push(...(isJsonLines ? jsonLinesRecords(file.entity, text) : csvRecords(file.entity, text)));
  }
  return records;
}
