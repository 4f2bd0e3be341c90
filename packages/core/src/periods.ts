/** Calendar months written YYYY-MM. Pure functions, safe in workflow code. */
const monthPattern = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function isMonth(value: string): boolean {
  return monthPattern.test(value);
}

function toIndex(month: string): number {
  const match = monthPattern.exec(month);
  if (!match) throw new Error(`"${month}" is not a month (YYYY-MM)`);
  return Number(match[1]) * 12 + Number(match[2]) - 1;
}

function fromIndex(index: number): string {
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

export function addMonths(month: string, count: number): string {
  return fromIndex(toIndex(month) + count);
}

/** Every month from `from` to `to`, both included; empty when `to` is before `from`. */
export function monthsBetween(from: string, to: string): string[] {
  const start = toIndex(from);
  return Array.from({ length: Math.max(0, toIndex(to) - start + 1) }, (_, offset) => fromIndex(start + offset));
}

/** The month of a date (UTC). */
export function monthOf(date: Date): string {
  return `${date.getUTCFullYear()}-${String(date.getUTCMonth() + 1).padStart(2, '0')}`;
}

/** First and last day of a month, ISO dates. */
export function monthBounds(month: string): { start: string; end: string } {
  const index = toIndex(month);
  const start = new Date(Date.UTC(Math.floor(index / 12), index % 12, 1));
  const end = new Date(Date.UTC(Math.floor(index / 12), (index % 12) + 1, 0));
  return { start: start.toISOString().slice(0, 10), end: end.toISOString().slice(0, 10) };
}
