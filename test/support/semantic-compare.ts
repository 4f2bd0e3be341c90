import { expect } from 'vitest';

type Row = Record<string, unknown>;

/** Dates as YYYY-MM-DD: Cube sends local ISO timestamps, pg parses dates as local midnight. */
function keyValue(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (value instanceof Date) {
    return `${value.getFullYear()}-${String(value.getMonth() + 1).padStart(2, '0')}-${String(value.getDate()).padStart(2, '0')}`;
  }
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return /^\d{4}-\d{2}-\d{2}T/.test(text) ? text.slice(0, 10) : text;
}

const rowKey = (row: Row, keys: readonly string[]) => keys.map((key) => keyValue(row[key])).join(' | ');

/** Numbers equal to 1e-9 relative (Cube and PostgreSQL compute the same sums; ratios may differ in the last digits). */
function sameNumber(actual: unknown, expected: unknown): boolean {
  if (expected === null || expected === undefined) return actual === null || actual === undefined;
  if (actual === null || actual === undefined) return false;
  const a = Number(actual);
  const b = Number(expected);
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));
}

/** Every expected row is in the result with the same numbers, and nothing else is. */
export function expectSameRows(actual: readonly Row[], expected: readonly Row[], keys: readonly string[], values: readonly string[], label: string): void {
  expect(expected.length, `${label}: the independent SQL returns rows`).toBeGreaterThan(0);
  const byKey = new Map(actual.map((row) => [rowKey(row, keys), row]));
  expect([...byKey.keys()].sort(), `${label}: the same groups`).toEqual(expected.map((row) => rowKey(row, keys)).sort());
  for (const row of expected) {
    const found = byKey.get(rowKey(row, keys)) ?? {};
    for (const column of values) {
      expect(sameNumber(found[column], row[column]), `${label} ${rowKey(row, keys)} ${column}: Cube ${String(found[column])}, SQL ${String(row[column])}`).toBe(true);
    }
  }
}
