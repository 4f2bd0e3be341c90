import { accentedLetters, droppedMarks, plainLetters, type FieldDefinition, type ProgramConfig, type QuarantineReason } from '@ppm/core';
import type { DateLayout } from './date-formats.js';
import { layoutOf, type ValueFormats, type ValueMap } from './value-formats.js';

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

const thousandsPattern = String.raw`^[+-]?[0-9]{1,3}(,[0-9]{3})+(\.[0-9]+)?$`;
/** Decimal comma (European exports): a point only as thousands separator. */
const decimalCommaPattern = String.raw`^[+-]?([0-9]+|[0-9]{1,3}(\.[0-9]{3})+)(,[0-9]+)?$`;
const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
/** ISO shape YYYY-MM-DD... checked with string functions: they are several times cheaper than a regex per row. */
const isoDateShape = (src: string) => `substr(${src}, 5, 1) = '-' and substr(${src}, 8, 1) = '-'`;
const truthy = ['true', 'yes', 'y', '1', 't'];
const booleans = [...truthy, 'false', 'no', 'n', '0', 'f'];

export function enumValues(field: FieldDefinition, config: ProgramConfig): readonly string[] {
  if (field.valuesFrom) return config[field.valuesFrom];
  return field.values ?? [];
}

/** Enum text is compared case-insensitively, with runs of spaces and hyphens read as one underscore. */
export const normalizeEnum = (src: string) =>
  `(case when strpos(${src}, '  ') = 0 and strpos(${src}, '--') = 0 then translate(lower(${src}), ' -', '__') else regexp_replace(lower(${src}), '[[:space:]-]+', '_', 'g') end)`;

/** What normalizeEnum makes of a text, for a source's value map keys. */
const normalizedEnumText = (text: string) => text.trim().toLowerCase().replace(/[\s-]+/g, '_');

/** The source's own texts rewritten to contract values (compared as normalizeEnum reads them); other texts as `otherwise` gives them. */
function mapped(src: string, valueMap: ValueMap | undefined, otherwise: string): string {
  const entries = Object.entries(valueMap ?? {});
  if (entries.length === 0) return otherwise;
  const cases = entries.map(([text, value]) => `when ${literal(normalizedEnumText(text))} then ${literal(value)}`).join(' ');
  return `(case ${normalizeEnum(src)} ${cases} else ${otherwise} end)`;
}

/** The normalized enum text, with the source's own texts rewritten to contract values. */
const mappedEnum = (src: string, valueMap: ValueMap | undefined) => mapped(src, valueMap, normalizeEnum(src));

/** What countryKey (in @ppm/core) makes of a text, in SQL. */
const countryKeySql = (src: string) =>
  `trim(regexp_replace(lower(translate(${src}, ${literal(accentedLetters + droppedMarks)}, ${literal(plainLetters)})), '[^a-z0-9]+', ' ', 'g'))`;

/** The alpha-2 code of a country text (the source's own texts mapped first), null when unknown. */
const countryCode = (src: string, countries: string, valueMap: ValueMap | undefined) =>
  `(select c.code from ${countries} as c where c.name = ${countryKeySql(mapped(src, valueMap, src))})`;

const isoDateValid = (src: string) =>
  `(${isoDateShape(src)} and pg_input_is_valid(left(${src}, 10), 'date') and (length(${src}) = 10 or (substr(${src}, 11, 1) in ('T', ' ') and pg_input_is_valid(${src}, 'timestamptz'))))`;
const rewrittenToIso = (src: string, layout: DateLayout) => `regexp_replace(${src}, ${literal(layout.pattern)}, ${literal(layout.toIso)})`;

/** ISO text, or else text in the source's declared layout (rewritten to ISO, then checked by PostgreSQL). */
function orInLayout(isoValid: string, src: string, layout: DateLayout | undefined, type: 'date' | 'timestamptz'): string {
  if (!layout) return isoValid;
  return `(${isoValid} or (${src} ~ ${literal(layout.pattern)} and pg_input_is_valid(${rewrittenToIso(src, layout)}, '${type}')))`;
}

function castInLayout(isoCast: string, src: string, layout: DateLayout | undefined, type: 'date' | 'timestamptz'): string {
  if (!layout) return isoCast;
  return `(case when ${isoDateShape(src)} then ${isoCast} else ${rewrittenToIso(src, layout)}::${type} end)`;
}

/** Spaces in formatted amounts: plain, no-break, narrow no-break. */
const spaces = ' \u00a0\u202f';
const space = `[${spaces}]`;
const currencySigns = '$€£¥';
/** What formatted exports put in amounts besides digits: currency signs, and spaces as thousands separators. */
const amountDecorations = `${spaces}${currencySigns}`;

const isAsciiLetter = (code: string) => `(${code} between 65 and 90 or ${code} between 97 and 122)`;

/** Whether a text starts or ends with a letter, as an amount with its currency code does (`USD 1,234.50`, `1234.5 EUR`). */
const hasLetterAtEnds = (src: string) => `(${isAsciiLetter(`ascii(${src})`)} or ${isAsciiLetter(`ascii(right(${src}, 1))`)})`;

/** Whether a text needs plainAmount: cheap string functions, as this runs for every amount. */
const isDecorated = (src: string) => `(translate(${src}, ${literal(`${amountDecorations}()`)}, '') <> ${src} or right(${src}, 1) = '-' or ${hasLetterAtEnds(src)})`;

const codeBefore = `^([A-Za-z]{3})${space}+`;
const codeAfter = `${space}+([A-Za-z]{3})$`;

/** A three-letter currency code before or after an amount, set apart by a space (`USD 1,234.50`, `1234.5 eur`), upper case; null without one. */
export const amountCurrencyCode = (src: string) =>
  `(case when ${hasLetterAtEnds(src)} then upper(coalesce(substring(${src} from ${literal(codeBefore)}), substring(${src} from ${literal(codeAfter)}))) end)`;

/**
 * An amount as finance tools export it, rewritten plainly: currency signs, a currency code
 * before or after it (checked against the row's currency, see validate.ts) and spaces
 * dropped, accounting negatives `(1,234.50)` and a trailing minus `1.234,50-` (SAP) made negative.
 */
function plainAmount(src: string): string {
  const bare = `translate(regexp_replace(${src}, ${literal(`${codeBefore}|${codeAfter}`)}, ''), ${literal(amountDecorations)}, '')`;
  return `(case when left(${bare}, 1) = '(' and right(${bare}, 1) = ')' then '-' || substr(${bare}, 2, length(${bare}) - 2)
    when length(${bare}) > 1 and right(${bare}, 1) = '-' then '-' || left(${bare}, -1) else ${bare} end)`;
}

/** Digits with spaces only between groups of three (1 234 567,50), or after a sign: `12 34` is not a number. */
const spacedDigits = `^[+-]?${space}*([0-9]{1,3}(${space}[0-9]{3})+|[0-9]+)([.,][0-9]+)?${space}*-?$`;

/** Whether the spaces of a decorated amount (its currency code and signs aside) separate thousands. */
function spacesSeparateThousands(src: string): string {
  const kept = `btrim(translate(regexp_replace(${src}, ${literal(`${codeBefore}|${codeAfter}`)}, ''), ${literal(`${currencySigns}()`)}, ''), ${literal(spaces)})`;
  return `(translate(${kept}, ${literal(spaces)}, '') = ${kept} or ${kept} ~ ${literal(spacedDigits)})`;
}

/** A typing of plain number text, extended to decorated amounts (see plainAmount). */
function readingDecorations(plain: Pick<FieldTyping, 'valid' | 'cast'>): Pick<FieldTyping, 'valid' | 'cast'> {
  return {
    valid: (src) => `(case when ${isDecorated(src)} then ${plain.valid(plainAmount(src))} and ${spacesSeparateThousands(src)} else ${plain.valid(src)} end)`,
    cast: (src) => `(case when ${isDecorated(src)} then ${plain.cast(plainAmount(src))} else ${plain.cast(src)} end)`,
  };
}

function decimalTyping(formats: ValueFormats): FieldTyping {
  if (formats.decimalSeparator === ',') {
    return {
      ...readingDecorations({
        valid: (src) => `${src} ~ ${literal(decimalCommaPattern)}`,
        cast: (src) => `replace(replace(${src}, '.', ''), ',', '.')::numeric`,
      }),
      invalidReason: 'invalid_number',
      sqlType: 'numeric',
    };
  }
  return {
    ...readingDecorations({
      // Plain digits go through PostgreSQL's own numeric parser; thousands separators through a regex.
      valid: (src) =>
        `(case when strpos(${src}, ',') = 0 then translate(${src}, '0123456789.+-', '') = '' and pg_input_is_valid(${src}, 'numeric') else ${src} ~ ${literal(thousandsPattern)} end)`,
      cast: (src) => `replace(${src}, ',', '')::numeric`,
    }),
    invalidReason: 'invalid_number',
    sqlType: 'numeric',
  };
}

export interface TypingContext {
  readonly config: ProgramConfig;
  /** How the source writes dates and decimals (ISO dates are always read). */
  readonly formats: ValueFormats;
  /** The source's own texts for this field's allowed values. */
  readonly valueMap?: ValueMap;
  /** The batch's table of country texts (see countriesSql), for country fields. */
  readonly countries: string;
}

export function typingOf(field: FieldDefinition, { config, formats, valueMap, countries }: TypingContext): FieldTyping | undefined {
  const layout = layoutOf(formats);
  switch (field.type) {
    case 'string':
      return undefined;
    case 'decimal':
      return decimalTyping(formats);
    case 'integer':
      return {
        valid: (src) => `(length(${src}) <= 10 and translate(${src}, '0123456789+-', '') = '' and pg_input_is_valid(${src}, 'integer'))`,
        cast: (src) => `${src}::integer`,
        invalidReason: 'invalid_integer',
        sqlType: 'integer',
      };
    case 'boolean':
      return {
        valid: (src) => `lower(${src}) in (${booleans.map(literal).join(', ')})`,
        cast: (src) => `lower(${src}) in (${truthy.map(literal).join(', ')})`,
        invalidReason: 'invalid_boolean',
        sqlType: 'boolean',
      };
    case 'date':
      return {
        valid: (src) => orInLayout(isoDateValid(src), src, layout, 'date'),
        cast: (src) => castInLayout(`left(${src}, 10)::date`, src, layout, 'date'),
        invalidReason: 'invalid_date',
        sqlType: 'date',
      };
    case 'timestamp':
      return {
        valid: (src) => orInLayout(`(${isoDateShape(src)} and pg_input_is_valid(${src}, 'timestamptz'))`, src, layout, 'timestamptz'),
        cast: (src) => castInLayout(`${src}::timestamptz`, src, layout, 'timestamptz'),
        invalidReason: 'invalid_timestamp',
        sqlType: 'timestamptz',
      };
    case 'currency':
      return {
        valid: (src) => `(length(${src}) = 3 and translate(upper(${src}), '${letters}', '') = '')`,
        cast: (src) => `upper(${src})`,
        invalidReason: 'invalid_currency',
        sqlType: 'text',
      };
    case 'country':
      return {
        valid: (src) => `${countryCode(src, countries, valueMap)} is not null`,
        cast: (src) => countryCode(src, countries, valueMap),
        invalidReason: 'invalid_country',
        sqlType: 'text',
      };
    case 'period':
      return { valid: (src) => `ops.normalize_period(${src}) is not null`, cast: (src) => `ops.normalize_period(${src})`, invalidReason: 'invalid_period', sqlType: 'text' };
    case 'enum': {
      const allowed = enumValues(field, config).map(literal).join(', ');
      const typed = (src: string) => mappedEnum(src, valueMap);
      return { valid: (src) => `${typed(src)} in (${allowed})`, cast: typed, invalidReason: 'invalid_value', sqlType: 'text' };
    }
  }
}
