import type { Readable } from 'node:stream';
import type { EntityDefinition } from '@ppm/core';
import Papa from 'papaparse';
import { LoadError } from '../errors.js';
import { cleanValue, mapHeader, type ColumnMapping } from './columns.js';
import type { ReadOptions, ReadSummary, RecordSink } from './records.js';

const delimitersToGuess = [',', ';', '\t', '|'];
const unclosedQuote = 'a quoted field starting here is never closed (missing closing quote), so the rest of the file cannot be read';

/** Counts line breaks inside a record's fields, so line numbers stay right across quoted newlines. */
function embeddedBreaks(fields: readonly string[], linebreak: string): number {
  const mark = linebreak === '\r' ? '\r' : '\n';
  let count = 0;
  for (const field of fields) {
    let at = field.indexOf(mark);
    while (at !== -1) {
      count += 1;
      at = field.indexOf(mark, at + 1);
    }
  }
  return count;
}

const isBlank = (fields: readonly string[]) => fields.length === 1 && fields[0]?.trim() === '';

class CsvRecordMapper {
  private mapping: ColumnMapping | undefined;
  private readonly width: number;
  /** Reused for every record: sinks copy the values before add() returns. */
  private readonly values: (string | null)[];
  line = 1;
  records = 0;

  constructor(
    private readonly entity: EntityDefinition,
    private readonly options: ReadOptions,
    private readonly sink: RecordSink,
  ) {
    this.width = entity.fields.length;
    this.values = new Array<string | null>(this.width).fill(null);
  }

  get headers(): readonly string[] | undefined {
    return this.mapping?.headers;
  }

  take(fields: string[], linebreak: string, malformed: string | undefined): void {
    const line = this.line;
    this.line += 1 + embeddedBreaks(fields, linebreak);
    if (isBlank(fields)) return;
    if (!this.mapping) {
      this.mapping = mapHeader(this.entity, fields.map((field) => field.replace(/^\uFEFF/, '')), this.options.file, this.options.columns);
      return;
    }
    this.records += 1;
    this.emit(line, fields, malformed);
  }

  private emit(line: number, fields: readonly string[], malformed: string | undefined): void {
    const { targets, headers } = this.mapping as ColumnMapping;
    const values = this.values.fill(null);
    let extra: Record<string, string | null> | null = null;
    for (let column = 0; column < targets.length; column++) {
      const target = targets[column] as number;
      const value = cleanValue(fields[column], this.options.nullMarkers);
      if (target >= 0) values[target] = value;
      else if (target === -1 && value !== null) (extra ??= {})[headers[column] as string] = value;
    }
    const problem = this.problemOf(fields, malformed);
    this.sink.add(line, values, extra && JSON.stringify(extra), problem);
  }

  private problemOf(fields: readonly string[], malformed: string | undefined) {
    const expected = this.mapping?.targets.length ?? 0;
    if (malformed) return { reason: 'malformed_row' as const, message: malformed };
    if (fields.length < expected) {
      return { reason: 'malformed_row' as const, message: `${fields.length} fields where the header has ${expected}` };
    }
    if (fields.length > expected && fields.slice(expected).some((field) => field.trim() !== '')) {
      return { reason: 'malformed_row' as const, message: `${fields.length} fields where the header has ${expected}` };
    }
    return null;
  }
}

/**
 * Streams CSV records into the sink with papaparse (RFC 4180 quoting, quoted newlines,
 * delimiter detected unless given), pausing while the sink drains.
 */
export function readCsv(text: Readable, entity: EntityDefinition, options: ReadOptions, sink: RecordSink): Promise<ReadSummary> {
  const mapper = new CsvRecordMapper(entity, options, sink);
  let delimiter = options.delimiter;
  return new Promise<ReadSummary>((resolve, rejectOnce) => {
    let failed = false;
    const reject = (error: unknown) => {
      failed = true;
      rejectOnce(error instanceof Error ? error : new Error(String(error)));
    };
    text.on('error', reject);
    Papa.parse<string[]>(text, {
      delimiter: options.delimiter ?? '',
      delimitersToGuess,
      quoteChar: '"',
      skipEmptyLines: false,
      chunkSize: 1024 * 1024,
      chunk(results, parser) {
        try {
          delimiter ??= results.meta.delimiter;
          const rowProblems = new Map<number, string>();
          for (const error of results.errors) {
            if (error.row !== undefined) rowProblems.set(error.row, error.code === 'MissingQuotes' ? unclosedQuote : error.message);
          }
          results.data.forEach((fields, index) => {
            const problem = rowProblems.get(index);
            if (problem === unclosedQuote) throw new LoadError(options.file, unclosedQuote, mapper.line);
            mapper.take(fields, results.meta.linebreak, problem);
          });
        } catch (error) {
          reject(error);
          parser.abort();
          return;
        }
        parser.pause();
        sink.drain().then(
          () => parser.resume(),
          (error: unknown) => {
            reject(error);
            parser.abort();
          },
        );
      },
      complete() {
        if (failed) return;
        if (!mapper.headers) {
          reject(new LoadError(options.file, `the file is empty: expected a header row naming the ${entity.name} columns`));
          return;
        }
        resolve({ records: mapper.records, headers: mapper.headers, ...(delimiter ? { delimiter } : {}) });
      },
      error(error: Error) {
        reject(error instanceof LoadError ? error : new LoadError(options.file, error.message));
        text.destroy();
      },
    });
  });
}
