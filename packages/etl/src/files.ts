import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { basename, join, relative, sep } from 'node:path';
import { entity as entityDefinition, entityNames, type EntityDefinition, type EntityName } from '@ppm/core';
import picomatch from 'picomatch';
import { readCsv } from './input/csv.js';
import { openText, type TextEncoding } from './input/decode.js';
import { readJsonArray } from './input/json-array.js';
import { readJsonLines } from './input/jsonl.js';
import type { ColumnNames, ReadSummary, RecordSink } from './input/records.js';
import { loadBatch, type BatchResult, type LoadTarget, type ReadFacts } from './load-batch.js';
import { SourceConfigError } from './errors.js';

export type FileFormat = 'csv' | 'jsonl' | 'json' | 'xlsx';

export interface DataFile {
  readonly path: string;
  /** Path relative to the source folder, used in lineage and messages. */
  readonly name: string;
  readonly entity: EntityName;
  readonly format: FileFormat;
}

export interface FileReadOptions {
  readonly encoding?: TextEncoding;
  readonly delimiter?: string;
  /** Field -> the export's column name, for this file's entity. */
  readonly columns?: ColumnNames;
}

const formatPattern = /\.(?:(csv|tsv|txt|jsonl|ndjson|json)(\.gz)?|xlsx)$/i;

export function formatOf(file: string): FileFormat | undefined {
  const match = formatPattern.exec(file);
  if (!match) return undefined;
  const textFormat = (match[1] ?? '').toLowerCase();
  if (!textFormat) return 'xlsx';
  if (textFormat === 'json') return 'json';
  return ['jsonl', 'ndjson'].includes(textFormat) ? 'jsonl' : 'csv';
}

/** The entity a file holds: its name is `<entity>.<ext>` or `<entity>-<anything>.<ext>` (longest entity name wins). */
export function entityOfFile(file: string): EntityName | undefined {
  const stem = basename(file).toLowerCase().replace(formatPattern, '');
  const candidates = entityNames.filter((name) => stem === name || stem.startsWith(`${name}-`) || stem.startsWith(`${name}_`) || stem.startsWith(`${name}.`));
  return candidates.sort((a, b) => b.length - a.length)[0];
}

async function walk(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true });
  const nested = await Promise.all(
    entries
      .filter((entry) => !entry.name.startsWith('.'))
      .map((entry) => (entry.isDirectory() ? walk(join(folder, entry.name)) : Promise.resolve([join(folder, entry.name)]))),
  );
  return nested.flat();
}

export interface Discovery {
  readonly files: readonly DataFile[];
  /** Files in the folder that are not data files of any entity (reported, never loaded). */
  readonly ignored: readonly string[];
}

/** Glob patterns (relative to the source folder) naming an entity's files, for exports not named after it. */
export type EntityFilePatterns = Partial<Record<EntityName, readonly string[]>>;

type EntityMatcher = (name: string) => EntityName | undefined;

/** The entity whose patterns match a file; a file matching two entities' patterns is refused. */
function patternMatcher(patterns: EntityFilePatterns): EntityMatcher {
  const matchers = entityNames
    .filter((entity) => patterns[entity]?.length)
    .map((entity) => ({ entity, matches: picomatch([...(patterns[entity] ?? [])], { nocase: true, dot: false }) }));
  return (name) => {
    const posixName = name.split(sep).join('/');
    const matched = matchers.filter(({ matches }) => matches(posixName)).map(({ entity }) => entity);
    if (matched.length > 1) throw new SourceConfigError(`${name} matches the file patterns of ${matched.join(' and ')}: make the patterns under files: pick one entity`);
    return matched[0];
  };
}

function unreadableMatch(name: string, entity: EntityName): SourceConfigError {
  return new SourceConfigError(
    `${name} matches files: ${entity} but is not a CSV, JSON Lines or Excel file (.csv, .tsv, .txt, .jsonl or .ndjson, optionally .gz, or .xlsx): export it in one of those formats (save older .xls workbooks as .xlsx)`,
  );
}

/**
 * Lists a source folder's data files in load order: entities in contract order, files by name.
 * A file is an entity's when it matches that entity's `patterns`, or else is named after it.
 */
export async function discoverFiles(folder: string, patterns: EntityFilePatterns = {}): Promise<Discovery> {
  const entityByPattern = patternMatcher(patterns);
  let paths: string[];
  try {
    paths = await walk(folder);
  } catch (error) {
    throw new SourceConfigError(`Cannot read the source folder ${folder}: ${(error as Error).message}`);
  }
  const files: DataFile[] = [];
  const ignored: string[] = [];
  for (const path of paths.sort()) {
    const name = relative(folder, path);
    const format = formatOf(path);
    const patterned = entityByPattern(name);
    if (patterned && !format) throw unreadableMatch(name, patterned);
    const entity = patterned ?? (format ? entityOfFile(path) : undefined);
    if (format && entity) files.push({ path, name, entity, format });
    else ignored.push(name);
  }
  const order = (file: DataFile) => entityNames.indexOf(file.entity);
  files.sort((a, b) => order(a) - order(b) || a.name.localeCompare(b.name));
  return { files, ignored };
}

async function sha256Of(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

const headerFacts = ({ headerLine, titleRows }: ReadSummary) => ({ ...(headerLine ? { headerLine } : {}), ...(titleRows ? { titleRows } : {}) });

const textReaders = { csv: readCsv, jsonl: readJsonLines, json: readJsonArray } as const;

async function readFile(file: DataFile, definition: EntityDefinition, target: LoadTarget, options: FileReadOptions, sink: RecordSink): Promise<ReadFacts> {
  const readOptions = {
    file: file.name,
    nullMarkers: new Set(target.config.load.null_markers),
    ...(options.delimiter ? { delimiter: options.delimiter } : {}),
    ...(options.columns ? { columns: options.columns } : {}),
  };
  if (file.format === 'xlsx') {
    // Loaded on first use: the Excel reader's dependencies cost ~30 MB that text loads do not need.
    const { readXlsx } = await import('./input/xlsx.js');
    const summary = await readXlsx(file.path, definition, readOptions, sink);
    return { records: summary.records, sha256: await sha256Of(file.path), ...headerFacts(summary) };
  }
  const opened = openText(file.path, { ...(options.encoding ? { encoding: options.encoding } : {}), displayName: file.name });
  const summary = await textReaders[file.format](opened.text, definition, readOptions, sink);
  const facts = await opened.facts;
  return {
    records: summary.records,
    sha256: facts.sha256,
    encoding: facts.encoding,
    ...(summary.delimiter ? { delimiter: summary.delimiter } : {}),
    ...headerFacts(summary),
  };
}

/** Loads one data file as one batch. */
export function loadFile(target: LoadTarget, file: DataFile, options: FileReadOptions = {}): Promise<BatchResult> {
  const definition = entityDefinition(file.entity);
  return loadBatch(target, definition, file.name, (sink) => readFile(file, definition, target, options, sink));
}
