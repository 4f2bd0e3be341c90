/**
 * Compares reference rows with warehouse rows column by column. Text and counts must be
 * equal; other numbers (money, ratios, medians) within a relative tolerance, since SQL
 * numeric and JavaScript doubles differ in the last digits. Null must match null.
 */
export type ColumnKind = 'text' | 'count' | 'number';

export interface Mismatch {
  /** The row (partner or group, grain, period), the column and both values, for an assertion message. */
  readonly message: string;
  readonly row: string;
  readonly column: string;
  readonly reference: unknown;
  readonly warehouse: unknown;
}

export interface Comparison<Row> {
  readonly reference: readonly Row[];
  readonly warehouse: readonly Record<string, unknown>[];
  /** Identifies a row in both lists; also names it in messages (e.g. `partner P000001 month 2026-01-01`). */
  readonly describe: (row: Record<string, unknown>) => string;
  readonly columns: Readonly<Record<string, ColumnKind>>;
  readonly relativeTolerance?: number;
}

function numberOf(value: unknown): number | null {
  if (value === null || value === undefined) return null;
  const parsed = typeof value === 'number' ? value : Number(value);
  return Number.isNaN(parsed) ? Number.NaN : parsed;
}

function agrees(kind: ColumnKind, reference: unknown, warehouse: unknown, tolerance: number): boolean {
  if (kind === 'text') return (reference ?? null) === (warehouse ?? null);
  const expected = numberOf(reference);
  const actual = numberOf(warehouse);
  if (expected === null || actual === null) return expected === actual;
  if (kind === 'count') return expected === actual;
  return Math.abs(expected - actual) <= tolerance * Math.max(Math.abs(expected), Math.abs(actual), 1e-3);
}

export function compareRows<Row extends object>(comparison: Comparison<Row>): Mismatch[] {
  const tolerance = comparison.relativeTolerance ?? 1e-9;
  const warehouse = new Map(comparison.warehouse.map((row) => [comparison.describe(row), row]));
  const mismatches: Mismatch[] = [];
  const report = (row: string, column: string, reference: unknown, actual: unknown) =>
    mismatches.push({ message: `${row}: ${column}: reference ${String(reference)}, warehouse ${String(actual)}`, row, column, reference, warehouse: actual });

  for (const expected of comparison.reference) {
    const record = expected as Record<string, unknown>;
    const name = comparison.describe(record);
    const actual = warehouse.get(name);
    warehouse.delete(name);
    if (!actual) {
      report(name, '(row)', 'present', 'missing');
      continue;
    }
    for (const [column, kind] of Object.entries(comparison.columns)) {
      if (!(column in actual)) report(name, column, record[column], '(no such column)');
      else if (!agrees(kind, record[column], actual[column], tolerance)) report(name, column, record[column], actual[column]);
    }
  }
  for (const name of warehouse.keys()) report(name, '(row)', 'missing', 'present');
  return mismatches;
}
