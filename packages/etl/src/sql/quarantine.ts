import { quarantineReasons, type EntityDefinition, type ProgramConfig } from '@ppm/core';
import { enumValues, literal } from './fields.js';
import { layoutOf, type ValueFormats } from './value-formats.js';

/** The reason texts, naming the source's declared formats where they differ from the standard ones. */
function reasonTexts(formats: ValueFormats): string {
  const texts: Record<string, string> = { ...quarantineReasons };
  const layout = layoutOf(formats);
  if (layout) {
    texts.invalid_date = `Not a valid date (ISO 8601 YYYY-MM-DD, or ${layout.format} as the source's date_format declares).`;
    texts.invalid_timestamp = `Not a valid timestamp or date (ISO 8601, or ${layout.format} with an optional HH:MM[:SS] as the source's date_format declares).`;
  }
  if (formats.decimalSeparator === ',') {
    texts.invalid_number = "Not a number (a decimal comma, as the source's decimal_separator declares; a point only as thousands separator).";
  }
  return Object.entries(texts)
    .map(([code, text]) => `(${literal(code)}, ${literal(text)})`)
    .join(', ');
}

/** Per field of a fixed list: the invalid_value text naming what is allowed. */
function allowedValueTexts(entity: EntityDefinition, config: ProgramConfig): string {
  const texts = entity.fields
    .filter((field) => field.type === 'enum')
    .map((field) => `(${literal(field.name)}, ${literal(`Not one of the allowed values: ${enumValues(field, config).join(', ')}.`)})`);
  return texts.length > 0 ? texts.join(', ') : "(null, null)";
}

/**
 * Texts that say more than the reason's, from the raw row: the row's currency for a
 * currency_mismatch; for an invalid_number without the separator the reason's advice is
 * about (a comma, or a point where the source declares decimal commas), no advice.
 */
const specificText = (raw: string, formats: ValueFormats) => `case
               when ${raw}.reason_code = 'currency_mismatch' then ${literal(quarantineReasons.currency_mismatch.replace(/\.$/, ''))} || ' (' || coalesce(${raw}.raw_row ->> 'currency', 'none') || ').'
               when ${raw}.reason_code = 'invalid_number' and strpos(${raw}.raw_row ->> ${raw}.field, ${literal(formats.decimalSeparator === ',' ? '.' : ',')}) = 0 then 'Not a number.'
             end`;

export interface QuarantineContext {
  readonly staging: string;
  readonly validated: string;
  readonly entity: EntityDefinition;
  readonly config: ProgramConfig;
  readonly formats: ValueFormats;
}

/**
 * Copies rejected rows to ops.quarantine: the first problem as reason, field and a
 * message quoting the bad value; every problem; and the raw row as read.
 * Parameters: load id, source, entity, file name.
 */
export function quarantineInsertSql({ staging, validated, entity, config, formats }: QuarantineContext): string {
  return `
    with reasons (code, text) as (values ${reasonTexts(formats)}),
    allowed (field, text) as (values ${allowedValueTexts(entity, config)}),
    rejected as (
      select v.line_no, v.problems,
             split_part(v.problems[1], ':', 1) as reason_code,
             split_part(v.problems[1], ':', 2) as field
      from ${validated} v
      where cardinality(v.problems) > 0
    ),
    raw as (
      select r.*, to_jsonb(s) - 'line_no' - 'parse_reason' - 'parse_message' - 'extra'
                  || coalesce(s.extra::jsonb, '{}'::jsonb) as raw_row,
             s.parse_message
      from rejected r
      join ${staging} s using (line_no)
    )
    insert into ops.quarantine (load_id, source, entity, file_name, line_number, field, reason_code, message, problems, raw_row)
    select $1::uuid, $2, $3, $4, raw.line_no, nullif(raw.field, 'row'), raw.reason_code,
           case
             when raw.field = 'row' then coalesce(raw.parse_message, reasons.text)
             when raw.raw_row ->> raw.field is null then raw.field || ': ' || reasons.text
             else raw.field || ' = "' || left(raw.raw_row ->> raw.field, 200) || '": ' || coalesce(allowed.text, ${specificText('raw', formats)}, reasons.text)
           end,
           to_jsonb(raw.problems), raw.raw_row
    from raw
    join reasons on reasons.code = raw.reason_code
    left join allowed on allowed.field = raw.field and raw.reason_code = 'invalid_value'`;
}
