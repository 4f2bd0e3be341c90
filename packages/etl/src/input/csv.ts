import type { Readable } from 'node:stream';
import type { EntityDefinition } from '@ppm/core';
import Papa from 'papaparse';
import { LoadError } from '../errors.js';
import type { ReadOptions, ReadSummary, RecordSink } from './records.js';
import { TabularRecordMapper } from './tabular.js';

const delimitersToGuess = [',', ';', '\t', '|'];
const unclosedQuote = 'a quoted field starting here is never closed (missing closing quote), so the rest of the file cannot be read';
const strayQuote =
  'a quoted field starting here holds a quote that is not doubled (write "" for a quote inside quotes), and the field runs on over the next lines, so where the following rows start cannot be told; fix the quote and load the file again';

/** A record whose malformed quoting swallowed line breaks: the rows after it cannot be trusted. */
const swallowsLines = (fields: readonly string[]) => fields.some((field) => field.includes('\n') || field.includes('\r'));

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
          const rowErrors = new Map<number, Papa.ParseError>();
          for (const error of results.errors) if (error.row !== undefined) rowErrors.set(error.row, error);
          results.data.forEach((fields, index) => {
            const error = rowErrors.get(index);
            if (error?.code === 'MissingQuotes') throw new LoadError(options.file, unclosedQuote, lines.next);
            if (error?.code === 'InvalidQuotes' && swallowsLines(fields)) throw new LoadError(options.file, strayQuote, lines.next);
            lines.take(fields, results.meta.linebreak, error?.message);
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
