import { join } from 'node:path';
import type { QuarantineReason } from '@ppm/core';
import type { FileSpec } from './file-spec.js';
import { csvLine, csvRecord, jsonRecord, type Row } from './format.js';
import { TextSink } from './text-sink.js';

/** Writes one data file and counts what the loader must make of it. */
export class FileWriter {
  records = 0;
  readonly quarantine = new Map<QuarantineReason, number>();
  private readonly sink: TextSink;
  private readonly newline: string;
  private readonly delimiter: string;
  private readonly extras: string;

  constructor(
    root: string,
    readonly spec: FileSpec,
  ) {
    this.sink = new TextSink(join(root, spec.path), { gzip: spec.compression === 'gzip', encoding: spec.encoding });
    this.newline = spec.lineEnding === 'crlf' ? '\r\n' : '\n';
    this.delimiter = spec.delimiter ?? ',';
    const extraValues = (spec.extraColumns ?? []).map((extra) => extra.value);
    this.extras = extraValues.length > 0 ? this.delimiter + csvLine(extraValues, this.delimiter) : '';
    if (spec.bom) this.sink.write('\uFEFF');
    if (spec.format === 'csv') this.writeLine(this.header());
  }

  /** A data row; `expected` is the quarantine reason the loader must give it (none: it loads). */
  writeRow(row: Row, expected?: QuarantineReason): void {
    const line = this.spec.format === 'jsonl' ? jsonRecord(this.spec.columns, row) : csvRecord(this.spec.columns, row, this.delimiter) + this.extras;
    this.writeRecord(line, expected);
  }

  /** A CSV record from raw fields, e.g. with more or fewer fields than the header. */
  writeFields(fields: readonly string[], expected?: QuarantineReason): void {
    this.writeRecord(csvLine(fields, this.delimiter), expected);
  }

  /** A record written verbatim, e.g. a JSON Lines line that is not valid JSON. */
  writeRecord(line: string, expected?: QuarantineReason): void {
    this.records += 1;
    if (expected) this.quarantine.set(expected, (this.quarantine.get(expected) ?? 0) + 1);
    this.writeLine(line);
  }

  get expectedLoaded(): number {
    let quarantined = 0;
    for (const count of this.quarantine.values()) quarantined += count;
    return this.records - quarantined;
  }

  get backedUp(): boolean {
    return this.sink.backedUp;
  }

  ready(): Promise<void> {
    return this.sink.ready();
  }

  close(): Promise<void> {
    return this.sink.close();
  }

  private header(): string {
    const headers = this.spec.columns.map((column) => column.header);
    for (const extra of this.spec.extraColumns ?? []) headers.push(extra.header);
    return csvLine(headers, this.delimiter);
  }

  private writeLine(line: string): void {
    this.sink.write(line + this.newline);
  }
}
