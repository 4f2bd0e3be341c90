import { Readable } from 'node:stream';
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

/** Excel's first line `sep=;` names the delimiter of the rows below it. */
const separatorLine = /^\uFEFF?sep=(.)(?:\r\n|\n|\r)/i;

interface SeparatedText {
  readonly text: Readable;
  readonly delimiter?: string;
  /** Lines taken off the top (the `sep=` line). */
  readonly skipped: number;
}

/** Takes Excel's `sep=` line off the text, if it starts with one. */
async function takeSeparatorLine(text: Readable): Promise<SeparatedText> {
  const chunks = text[Symbol.asyncIterator]();
  const first = await chunks.next();
  const head = first.done ? '' : String(first.value);
  const match = separatorLine.exec(head);
  async function* rest(): AsyncGenerator<string> {
    try {
      const remaining = match ? head.slice(match[0].length) : head;
      if (remaining) yield remaining;
      for (let next = await chunks.next(); !next.done; next = await chunks.next()) yield String(next.value);
    } finally {
      await chunks.return?.();
    }
  }
  // Strings pass through as they are (papaparse takes them); a byte stream would encode and decode each chunk again.
  const stream = Readable.from(rest());
  return match ? { text: stream, delimiter: match[1], skipped: 1 } : { text: stream, skipped: 0 };
}

/** Counts each record's first line across quoted newlines, for the mapper. */
class CsvLines {
  constructor(
    private readonly mapper: TabularRecordMapper,
    public next: number,
  ) {}

  take(fields: string[], linebreak: string, malformed: string | undefined): void {
    const line = this.next;
    this.next += 1 + embeddedBreaks(fields, linebreak);
    this.mapper.take(line, fields, malformed);
  }
}

/**
 * Streams CSV records into the sink with papaparse (RFC 4180 quoting, quoted newlines,
 * delimiter given, or named by Excel's `sep=` line, or detected), pausing while the sink drains.
 */
export async function readCsv(source: Readable, entity: EntityDefinition, options: ReadOptions, sink: RecordSink): Promise<ReadSummary> {
  const separated = await takeSeparatorLine(source);
  const { text } = separated;
  const mapper = new TabularRecordMapper(entity, options, sink);
  const lines = new CsvLines(mapper, 1 + separated.skipped);
  let delimiter = options.delimiter ?? separated.delimiter;
  return new Promise<ReadSummary>((resolve, rejectOnce) => {
    let failed = false;
    const reject = (error: unknown) => {
      failed = true;
      rejectOnce(error instanceof Error ? error : new Error(String(error)));
    };
    text.on('error', reject);
    Papa.parse<string[]>(text, {
      delimiter: delimiter ?? '',
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
        try {
          mapper.finish();
        } catch (error) {
          reject(error);
          return;
        }
        resolve({ records: mapper.records, headers: mapper.headers ?? [], headerLine: mapper.headerLine ?? 1, titleRows: mapper.titleRows, ...(delimiter ? { delimiter } : {}) });
      },
      error(error: Error) {
        reject(error instanceof LoadError ? error : new LoadError(options.file, error.message));
        text.destroy();
      },
    });
  });
}
