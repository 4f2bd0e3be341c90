import type { Readable } from 'node:stream';
import type { EntityDefinition } from '@ppm/core';
import { LoadError } from '../errors.js';
import { JsonRecordMapper } from './jsonl.js';
import type { ReadOptions, ReadSummary, RecordSink } from './records.js';

const notAnArray = 'a .json file must hold one JSON array of records ([{...}, {...}]); write other JSON as JSON Lines (.jsonl), one record per line';

const newline = 0x0a;
const quote = 0x22;
const backslash = 0x5c;
const comma = 0x2c;
const openBracket = 0x5b;
const closeBracket = 0x5d;
const openBrace = 0x7b;
const closeBrace = 0x7d;
const byteOrderMark = 0xfeff;
const isSpace = (code: number) => code === 0x20 || code === newline || code === 0x0d || code === 0x09;

/**
 * Splits a JSON array into the texts of its elements as the text streams by, without
 * parsing them: only strings and nesting are followed, so each element is handed over
 * whole, with the line it starts on, to be parsed (or quarantined) on its own. Elements
 * are cut out of each chunk as slices: appending character by character was several times slower.
 */
class ArraySplitter {
  private line = 1;
  private depth = 0;
  private inString = false;
  private escaped = false;
  private opened = false;
  private closed = false;
  /** The part of the current element read in earlier chunks, when it spans chunks. */
  private element = '';
  private inElement = false;
  private elementLine = 0;

  constructor(
    private readonly file: string,
    private readonly onElement: (line: number, text: string) => void,
  ) {}

  take(chunk: string): void {
    let start = this.inElement ? 0 : -1;
    for (let at = 0; at < chunk.length; at++) {
      const code = chunk.charCodeAt(at);
      if (code === newline) this.line += 1;
      if (this.inString) {
        if (this.escaped) this.escaped = false;
        else if (code === backslash) this.escaped = true;
        else if (code === quote) this.inString = false;
      } else if (!this.opened || this.closed) this.outside(code);
      else if (this.depth === 0 && (code === comma || code === closeBracket)) {
        this.endElement(start >= 0 ? chunk.slice(start, at) : '', code === closeBracket);
        start = -1;
      } else if (this.inElement || !isSpace(code)) {
        if (!this.inElement) {
          this.inElement = true;
          this.elementLine = this.line;
          start = at;
        }
        if (code === quote) this.inString = true;
        else if (code === openBrace || code === openBracket) this.depth += 1;
        else if (code === closeBrace || code === closeBracket) this.depth -= 1;
      }
    }
    if (this.inElement && start >= 0) this.element += chunk.slice(start);
  }

  /** Fails the file unless the array was opened and closed. */
  finish(): void {
    if (!this.opened) throw new LoadError(this.file, 'the file is empty: expected a JSON array of records');
    if (!this.closed) throw new LoadError(this.file, 'the JSON array is never closed (a truncated file?)', this.line);
  }

  /** Before the array only its opening bracket may come, after it nothing but spaces. */
  private outside(code: number): void {
    if (isSpace(code) || code === byteOrderMark) return;
    if (this.closed) throw new LoadError(this.file, 'text after the end of the JSON array', this.line);
    if (code !== openBracket) throw new LoadError(this.file, notAnArray, this.line);
    this.opened = true;
  }

  private endElement(tail: string, last: boolean): void {
    const text = (this.element + tail).trim();
    if (text !== '') this.onElement(this.elementLine, text);
    this.element = '';
    this.inElement = false;
    if (last) this.closed = true;
  }
}

/** Streams the records of a JSON array file into the sink; an element that is not a JSON object is kept as invalid_json. */
export async function readJsonArray(text: Readable, entity: EntityDefinition, options: ReadOptions, sink: RecordSink): Promise<ReadSummary> {
  const mapper = new JsonRecordMapper(entity, options, sink);
  const splitter = new ArraySplitter(options.file, (line, element) => mapper.take(line, element));
  for await (const chunk of text) {
    splitter.take(chunk as string);
    await sink.drain();
  }
  splitter.finish();
  return { records: mapper.records };
}
