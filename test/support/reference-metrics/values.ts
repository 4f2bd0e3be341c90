import { parseIsoDay, type Day } from './calendar.js';
import type { RawRecord } from './read-files.js';

/** An exact decimal: `digits / 10^scale`. */
export interface Decimal {
  readonly digits: bigint;
  readonly scale: number;
}

export function parseDecimal(text: string): Decimal {
  const match = /^([+-]?)(\d+)(?:\.(\d*))?$/.exec(text.replace(/,/g, ''));
  if (!match) throw new Error(`reference: "${text}" is not a decimal number`);
  const fraction = match[3] ?? '';
  const digits = BigInt(`${match[2] ?? '0'}${fraction}`);
  return { digits: match[1] === '-' ? -digits : digits, scale: fraction.length };
}

/** `value / 10^shift` rounded half away from zero. */
function roundShift(value: bigint, shift: number): bigint {
  if (shift <= 0) return value * 10n ** BigInt(-shift);
  const divisor = 10n ** BigInt(shift);
  const quotient = value / divisor;
  const remainder = value % divisor;
  const magnitude = remainder < 0n ? -remainder : remainder;
  if (2n * magnitude < divisor) return quotient;
  return value < 0n ? quotient - 1n : quotient + 1n;
}

/** round(amount x rate, 2) half away from zero, in cents of the reporting currency. */
export function toReportingCents(amount: Decimal, rate: Decimal): number {
  return Number(roundShift(amount.digits * rate.digits, amount.scale + rate.scale - 2));
}

export const one: Decimal = { digits: 1n, scale: 0 };

const booleans = new Map([
  ...['true', 'yes', 'y', '1', 't'].map((text) => [text, true] as const),
  ...['false', 'no', 'n', '0', 'f'].map((text) => [text, false] as const),
]);

export function parseBoolean(text: string): boolean {
  const value = booleans.get(text.toLowerCase());
  if (value === undefined) throw new Error(`reference: "${text}" is not a boolean`);
  return value;
}

/** A date field: an ISO date, or the date part of a full timestamp. */
export const parseDateField = (text: string): Day => parseIsoDay(text.slice(0, 10));

/** A timestamp field as its UTC day; without a zone it is read as UTC. */
export function parseTimestampDay(text: string): Day {
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return parseIsoDay(text);
  const zoned = /(Z|[+-]\d{2}:?\d{2})$/i.test(text) ? text : `${text}Z`;
  const ms = Date.parse(zoned);
  if (Number.isNaN(ms)) throw new Error(`reference: "${text}" is not an ISO timestamp`);
  return Math.floor(ms / 86_400_000);
}

/** One of the listed values: any case, spaces or hyphens for underscores. */
export const parseChoice = (text: string): string => text.trim().toLowerCase().replace(/[\s-]+/g, '_');

/** Typed access to a record's fields; a missing required field is an error (the reference reads clean files only). */
export class Fields {
  constructor(
    private readonly record: RawRecord,
    private readonly where: string,
  ) {}

  optional(field: string): string | null {
    return this.record[field] ?? null;
  }

  required(field: string): string {
    const value = this.optional(field);
    if (value === null) throw new Error(`reference: ${this.where}: ${field} is missing; the reference reads valid rows only`);
    return value;
  }

  optionalDay(field: string): Day | null {
    const value = this.optional(field);
    return value === null ? null : parseDateField(value);
  }

  day(field: string): Day {
    return parseDateField(this.required(field));
  }
}
