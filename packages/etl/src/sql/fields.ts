import type { FieldDefinition, ProgramConfig, QuarantineReason } from '@ppm/core';

/** A quoted identifier; field names come from the contract, never from input. */
export const ident = (name: string) => `"${name}"`;

export const literal = (value: string) => `'${value.replace(/'/g, "''")}'`;

/** How a staged text value (`src`, already trimmed, null when missing) is checked and typed. */
export interface FieldTyping {
  /** SQL true when the non-null text is well-formed. */
  readonly valid: (src: string) => string;
  /** SQL producing the typed value from well-formed text. */
  readonly cast: (src: string) => string;
  readonly invalidReason: QuarantineReason;
  /** Column type of the typed value, for derived expressions. */
  readonly sqlType: string;
}

const decimalPattern = String.raw`^[+-]?([0-9]+|[0-9]{1,3}(,[0-9]{3})+)?(\.[0-9]+)?$`;
const isoDate = String.raw`^[0-9]{4}-[0-9]{2}-[0-9]{2}([T ].*)?$`;
const truthy = ['true', 'yes', 'y', '1', 't'];
const booleans = [...truthy, 'false', 'no', 'n', '0', 'f'];

export function enumValues(field: FieldDefinition, config: ProgramConfig): readonly string[] {
  if (field.valuesFrom) return config[field.valuesFrom];
  return field.values ?? [];
}

/** Enum text is compared case-insensitively, with spaces and hyphens read as underscores. */
export const normalizeEnum = (src: string) => `regexp_replace(lower(${src}), '[[:space:]-]+', '_', 'g')`;

export function typingOf(field: FieldDefinition, config: ProgramConfig): FieldTyping | undefined {
  switch (field.type) {
    case 'string':
      return undefined;
    case 'decimal':
      return {
        valid: (src) => `(${src} ~ ${literal(decimalPattern)} and ${src} ~ '[0-9]')`,
        cast: (src) => `replace(${src}, ',', '')::numeric`,
        invalidReason: 'invalid_number',
        sqlType: 'numeric',
      };
    case 'integer':
      return { valid: (src) => `${src} ~ '^[+-]?[0-9]{1,9}$'`, cast: (src) => `${src}::integer`, invalidReason: 'invalid_integer', sqlType: 'integer' };
    case 'boolean':
      return {
        valid: (src) => `lower(${src}) in (${booleans.map(literal).join(', ')})`,
        cast: (src) => `lower(${src}) in (${truthy.map(literal).join(', ')})`,
        invalidReason: 'invalid_boolean',
        sqlType: 'boolean',
      };
    case 'date':
      return {
        valid: (src) => `(${src} ~ ${literal(isoDate)} and pg_input_is_valid(left(${src}, 10), 'date'))`,
        cast: (src) => `left(${src}, 10)::date`,
        invalidReason: 'invalid_date',
        sqlType: 'date',
      };
    case 'timestamp':
      return {
        valid: (src) => `(${src} ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}' and pg_input_is_valid(${src}, 'timestamptz'))`,
        cast: (src) => `${src}::timestamptz`,
        invalidReason: 'invalid_timestamp',
        sqlType: 'timestamptz',
      };
    case 'currency':
      return { valid: (src) => `upper(${src}) ~ '^[A-Z]{3}$'`, cast: (src) => `upper(${src})`, invalidReason: 'invalid_currency', sqlType: 'text' };
    case 'period':
      return { valid: (src) => `ops.normalize_period(${src}) is not null`, cast: (src) => `ops.normalize_period(${src})`, invalidReason: 'invalid_period', sqlType: 'text' };
    case 'enum': {
      const allowed = enumValues(field, config).map(literal).join(', ');
      return { valid: (src) => `${normalizeEnum(src)} in (${allowed})`, cast: normalizeEnum, invalidReason: 'invalid_value', sqlType: 'text' };
    }
  }
}
