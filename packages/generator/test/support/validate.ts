import { countryKey, countryLookup, defaultProgramConfig, type EntityDefinition, type FieldDefinition, type QuarantineReason } from '@ppm/core';

/**
 * The loader's row rules as the brief states them, written independently of the
 * generator so the manifest's expectations are checked against the rules, not
 * against the code that produced them.
 */
export type Values = Record<string, string | null>;

const nullMarkers = new Set(defaultProgramConfig.load.null_markers);

export function clean(raw: unknown): string | null {
  if (raw === undefined || raw === null) return null;
  const text = (typeof raw === 'string' ? raw : JSON.stringify(raw)).trim();
  return nullMarkers.has(text) ? null : text;
}

export const normalizeEnum = (value: string) => value.trim().toLowerCase().replace(/[\s-]+/g, '_');

const decimalPattern = /^[+-]?(\d+|\d{1,3}(,\d{3})+)(\.\d+)?$/;

const codeAffix = /^([A-Za-z]{3})[ \u00a0\u202f]+(?=\S)|(?<=\S)[ \u00a0\u202f]+([A-Za-z]{3})$/;

/** An amount's text without a currency code set apart by a space (USD 100, 100 EUR), and that code in upper case. */
export function splitCurrencyCode(text: string): { number: string; code: string | null } {
  const match = codeAffix.exec(text);
  if (!match) return { number: text, code: null };
  return { number: text.replace(codeAffix, ''), code: (match[1] ?? match[2] ?? '').toUpperCase() };
}

/** Units of 10^-scale in a decimal text, or null when it is not a number. */
export function parseScaled(text: string, scale: number): bigint | null {
  if (!decimalPattern.test(text)) return null;
  const [whole = '0', fraction = ''] = text.replaceAll(',', '').replace('+', '').split('.');
  const negative = whole.startsWith('-');
  const digits = `${negative ? whole.slice(1) : whole}${fraction.padEnd(scale, '0').slice(0, scale)}`;
  const value = BigInt(digits);
  return negative ? -value : value;
}

export function dayNumber(text: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(text);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return date.getTime() / 86_400_000;
}

const timePattern = /^T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/;

function validDate(text: string): boolean {
  return dayNumber(text) !== null && (text.length === 10 || timePattern.test(text.slice(10)));
}

const booleans = new Set(['true', 'false', 'yes', 'no', 'y', 'n', '1', '0', 't', 'f']);

function allowedValues(field: FieldDefinition): readonly string[] {
  return field.values ?? (field.valuesFrom ? defaultProgramConfig[field.valuesFrom] : []);
}

const typeProblems: Record<FieldDefinition['type'], [QuarantineReason, (text: string, field: FieldDefinition) => boolean] | null> = {
  string: null,
  decimal: ['invalid_number', (text) => decimalPattern.test(splitCurrencyCode(text).number)],
  integer: ['invalid_integer', (text) => /^[+-]?\d+$/.test(text)],
  date: ['invalid_date', validDate],
  timestamp: ['invalid_timestamp', validDate],
  boolean: ['invalid_boolean', (text) => booleans.has(text.toLowerCase())],
  period: ['invalid_period', (text) => /^\d{4}(-(0[1-9]|1[0-2])|-Q[1-4])?$/.test(text)],
  currency: ['invalid_currency', (text) => /^[A-Za-z]{3}$/.test(text)],
  country: ['invalid_country', (text) => countryLookup().has(countryKey(text))],
  enum: ['invalid_value', (text, field) => allowedValues(field).includes(normalizeEnum(text))],
};

/** Problems a row has on its own (no other rows needed), in no particular order. */
export function ownProblems(entity: EntityDefinition, values: Values, loadDay: number): QuarantineReason[] {
  const problems: QuarantineReason[] = [];
  for (const field of entity.fields) {
    const value = values[field.name] ?? null;
    if (value === null) {
      if (field.required) problems.push('missing_required');
      continue;
    }
    const check = typeProblems[field.type];
    if (check && !check[1](value, field)) problems.push(check[0]);
    const isDate = field.type === 'date' || field.type === 'timestamp';
    if (isDate && !field.allowFuture && (dayNumber(value) ?? 0) > loadDay + defaultProgramConfig.load.max_future_days) problems.push('future_date');
  }
  for (const money of entity.money) {
    const text = values[money.amount];
    if (!text) continue;
    const { number, code } = splitCurrencyCode(text);
    const field = entity.fields.find((candidate) => candidate.name === money.amount);
    if (!field?.allowNegative && (parseScaled(number, 2) ?? 0n) < 0n) problems.push('negative_amount');
    const currency = values[money.currency];
    if (code && currency && decimalPattern.test(number) && code !== currency.toUpperCase()) problems.push('currency_mismatch');
  }
  if (entity.name === 'engagement_events' && values.count && Number(values.count) < 1) problems.push('out_of_range');
  if (entity.name === 'fx_rates' && values.rate && (parseScaled(values.rate, 6) ?? 1n) <= 0n) problems.push('out_of_range');
  for (const [earlier, later] of entity.dateOrder ?? []) {
    const from = values[earlier] ? dayNumber(values[earlier]) : null;
    const to = values[later] ? dayNumber(values[later]) : null;
    if (from !== null && to !== null && to < from) problems.push('date_order');
  }
  return problems;
}
