import type { EntityDefinition, FieldType } from '@ppm/core';
import { LoadError, MissingColumnsError } from '../errors.js';
import { cleanValue, mapHeader, type ColumnMapping } from './columns.js';
import type { ReadOptions, RecordSink } from './records.js';

const isBlank = (fields: readonly string[]) => fields.length === 1 && fields[0]?.trim() === '';

/** The `extra` key of a value under a column without a name (or past the header): its position, from 1. */
const unnamedColumn = (column: number) => `column_${column + 1}`;

/** Rows above the header that reports put there (a title, an export date) and that are passed over before the file fails. */
const maxRowsAboveHeader = 10;

/**
 * Turns rows of text fields (CSV records, spreadsheet rows) into records: the first
 * non-blank row naming every required column is the header (rows above it, at most
 * maxRowsAboveHeader, are a report's title), later rows fill the entity's fields, unknown
 * and unnamed columns go to `extra`, and a row wider or narrower than the header is malformed.
 */
export class TabularRecordMapper {
  private mapping: ColumnMapping | undefined;
  /** Reused for every record: sinks copy the values before add() returns. */
  private readonly values: (string | null)[];
  records = 0;
  /** Line of the header row, once found. */
  headerLine: number | undefined;
  /** Why the first non-blank row is not the header, and how many rows were passed over since. */
  private notHeader: { readonly error: MissingColumnsError; rows: number } | undefined;

  constructor(
    private readonly entity: EntityDefinition,
    private readonly options: ReadOptions,
    private readonly sink: RecordSink,
  ) {
    this.values = new Array<string | null>(entity.fields.length).fill(null);
  }

  get headers(): readonly string[] | undefined {
    return this.mapping?.headers;
  }

  /** `line`: where the row starts in the file, for messages and the quarantine. */
  take(line: number, fields: readonly string[], malformed?: string): void {
    if (isBlank(fields)) return;
    if (!this.mapping) {
      this.findHeader(line, fields);
      return;
    }
    this.records += 1;
    this.emit(line, fields, malformed);
  }

  /** The type of the field a column fills, once the header is known. */
  fieldTypeAt(column: number): FieldType | undefined {
    const target = this.mapping?.targets[column];
    return target === undefined || target < 0 ? undefined : this.entity.fields[target]?.type;
  }

  /** Rows passed over above the header (a report's title). */
  get titleRows(): number {
    return this.mapping ? (this.notHeader?.rows ?? 0) : 0;
  }

  /** Fails the file when no header was found: the first row's missing columns, or an empty file. */
  finish(): void {
    if (this.mapping) return;
    if (this.notHeader) throw this.noHeader();
    throw new LoadError(this.options.file, `the file is empty: expected a header row naming the ${this.entity.name} columns`);
  }

  private findHeader(line: number, fields: readonly string[]): void {
    try {
      this.mapping = mapHeader(this.entity, fields.map((field) => field.replace(/^\uFEFF/, '')), this.options.file, this.options.columns, line);
      this.headerLine = line;
    } catch (error) {
      if (!(error instanceof MissingColumnsError)) throw error;
      this.notHeader ??= { error, rows: 0 };
      this.notHeader.rows += 1;
      if (this.notHeader.rows > maxRowsAboveHeader) throw this.noHeader();
    }
  }

  /** The first row's missing columns, saying that the rows tried after it lack them too. */
  private noHeader(): MissingColumnsError {
    const { error, rows } = this.notHeader as { error: MissingColumnsError; rows: number };
    if (rows === 1) return error;
    return new MissingColumnsError(error.file, `${error.problem} (no header found: none of the first ${rows} non-blank rows names the required columns)`, error.line);
  }

  private emit(line: number, fields: readonly string[], malformed: string | undefined): void {
    const { targets, headers } = this.mapping as ColumnMapping;
    const values = this.values.fill(null);
    let extra: Record<string, string | null> | null = null;
    for (let column = 0; column < targets.length; column++) {
      const target = targets[column] as number;
      const value = cleanValue(fields[column], this.options.nullMarkers);
      if (target >= 0) values[target] = value;
      else if (value !== null) (extra ??= {})[target === -1 ? (headers[column] as string) : unnamedColumn(column)] = value;
    }
    // Fields past the header (a malformed row) are kept too, so the quarantined raw row is whole.
    for (let column = targets.length; column < fields.length; column++) {
      const value = cleanValue(fields[column], this.options.nullMarkers);
      if (value !== null) (extra ??= {})[unnamedColumn(column)] = value;
    }
    const problem = this.problemOf(fields, malformed);
    this.sink.add(line, values, extra && JSON.stringify(extra), problem);
  }

  private problemOf(fields: readonly string[], malformed: string | undefined) {
    const expected = this.mapping?.targets.length ?? 0;
    if (malformed) return { reason: 'malformed_row' as const, message: malformed };
    if (fields.length < this.namedWidth()) {
      return { reason: 'malformed_row' as const, message: `${fields.length} fields where the header has ${expected}` };
    }
    if (fields.length > expected && fields.slice(expected).some((field) => field.trim() !== '')) {
      return { reason: 'malformed_row' as const, message: `${fields.length} fields where the header has ${expected}` };
    }
    return null;
  }

  /** Columns up to the last named one: a header's trailing empty names (a trailing delimiter) need no field. */
  private namedWidth(): number {
    const targets = this.mapping?.targets ?? [];
    let width = targets.length;
    while (width > 0 && targets[width - 1] === -2) width -= 1;
    return width;
  }
}
