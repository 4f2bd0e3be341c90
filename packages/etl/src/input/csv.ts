import type { Readable } from 'node:stream';
import type { EntityDefinition } from '@ppm/core';
import Papa from 'papaparse';
import { LoadError } from '../errors.js';
import type { ReadOptions, ReadSummary, RecordSink } from './records.js';
import { TabularRecordMapper } from './tabular.js';

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

/** Counts each record's first line across quoted newlines, for the mapper. */
class CsvLines {
  next = 1;

  constructor(private readonly mapper: TabularRecordMapper) {}

  take(fields: string[], linebreak: string, malformed: string | undefined): void {
    const line = this.next;
    this.next += 1 + embeddedBreaks(fields, linebreak);
    this.mapper.take(line, fields, malformed);
  }
}

/**
 * Streams CSV records into the sink with papaparse (RFC 4180 quoting, quoted newlines,
 * delimiter detected unless given), pausing while the sink drains.
 */
export function readCsv(text: Readable, entity: EntityDefinition, options: ReadOptions, sink: RecordSink): Promise<ReadSummary> {
  const mapper = new TabularRecordMapper(entity, options, sink);
  const lines = new CsvLines(mapper);
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
            if (problem === unclosedQuote) throw new LoadError(options.file, unclosedQuote, lines.next);
            lines.take(fields, results.meta.linebreak, problem);
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
