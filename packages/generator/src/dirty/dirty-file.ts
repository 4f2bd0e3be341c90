import type { QuarantineReason } from '@ppm/core';
import type { Ledger } from '../manifest/ledger.js';
import type { FileSpec } from '../output/file-spec.js';
import type { Row } from '../output/format.js';
import { FileWriter } from '../output/writer.js';
import { Random, streams } from '../random.js';

type Entry =
  | { readonly kind: 'row'; readonly row: Row; readonly reason?: QuarantineReason }
  | { readonly kind: 'fields'; readonly fields: readonly string[] }
  | { readonly kind: 'line'; readonly text: string };

/** Rows that open the file well-formed, so delimiter detection from the first lines is unambiguous. */
const wellFormedHead = 12;

/**
 * A dirty file: good rows (some messy but valid) and bad rows with exactly one
 * problem each. The ledger learns what loads as the rows are added; the order in
 * the file is shuffled after a well-formed head.
 */
export class DirtyFile {
  private readonly entries: Entry[] = [];

  constructor(
    readonly spec: FileSpec,
    private readonly ledger: Ledger,
  ) {}

  /** A row with a new key that loads; `canonical` is its value as the warehouse holds it. */
  addsRow(raw: Row, canonical: Row = raw): void {
    this.entries.push({ kind: 'row', row: raw });
    this.ledger.add(this.spec.entity, canonical);
  }

  /** A row that loads over an earlier file's row with the same key. */
  replacesRow(raw: Row, previous: Row, canonical: Row): void {
    this.entries.push({ kind: 'row', row: raw });
    this.ledger.replace(this.spec.entity, previous, canonical);
  }

  /** A restated row identical in value to the row it replaces: loads, changes nothing. */
  restatesRow(raw: Row): void {
    this.entries.push({ kind: 'row', row: raw });
  }

  /** The same row `copies` times: the last loads (as `load` says), the earlier ones are duplicate_key. */
  duplicates(raw: Row, copies: number, load: (raw: Row) => void): void {
    for (let k = 1; k < copies; k++) this.quarantines(raw, 'duplicate_key');
    load(raw);
  }

  quarantines(raw: Row, reason: QuarantineReason): void {
    this.entries.push({ kind: 'row', row: raw, reason });
  }

  /** A CSV record with a different number of fields than the header. */
  malformed(fields: readonly string[]): void {
    this.entries.push({ kind: 'fields', fields });
  }

  /** A JSON Lines record that is not a JSON object. */
  invalidJson(text: string): void {
    this.entries.push({ kind: 'line', text });
  }

  async write(root: string, seed: number, salt: number): Promise<FileWriter> {
    const writer = new FileWriter(root, this.spec);
    for (const entry of this.ordered(seed, salt)) {
      if (entry.kind === 'row') writer.writeRow(entry.row, entry.reason);
      else if (entry.kind === 'fields') writer.writeFields(entry.fields, 'malformed_row');
      else writer.writeRecord(entry.text, 'invalid_json');
    }
    await writer.close();
    return writer;
  }

  private ordered(seed: number, salt: number): Entry[] {
    const isGood = (entry: Entry) => entry.kind === 'row' && entry.reason === undefined;
    const head = this.entries.filter(isGood).slice(0, wellFormedHead);
    const rest = this.entries.filter((entry) => !head.includes(entry));
    return [...head, ...new Random(seed, streams.dirty, salt).shuffle(rest)];
  }
}
