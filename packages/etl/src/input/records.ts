import type { QuarantineReason } from '@ppm/core';

export interface ParseProblem {
  readonly reason: Extract<QuarantineReason, 'malformed_row' | 'invalid_json'>;
  readonly message: string;
}

/**
 * Where readers put records: values aligned with the entity's fields (the array may be
 * reused for the next record, so copy what you keep), unknown columns
 * as a JSON object text, and a parse problem when the record could not be read whole.
 */
export interface RecordSink {
  add(line: number, values: readonly (string | null)[], extra: string | null, problem: ParseProblem | null): void;
  /** Resolves when the sink can take more records (backpressure). */
  drain(): Promise<void>;
}

export interface ReadSummary {
  readonly records: number;
  readonly delimiter?: string;
  readonly headers?: readonly string[];
  /** Line (sheet row) of the header. */
  readonly headerLine?: number;
  /** Non-blank rows above the header, passed over as a report's title. */
  readonly titleRows?: number;
}

export interface ReadOptions {
  readonly file: string;
  readonly nullMarkers: ReadonlySet<string>;
  /** CSV delimiter; detected from the first lines when absent. */
  readonly delimiter?: string;
  /** Field -> the source's column name, for columns neither the field's name nor an alias. */
  readonly columns?: ColumnNames;
}

export type ColumnNames = Readonly<Record<string, string>>;
