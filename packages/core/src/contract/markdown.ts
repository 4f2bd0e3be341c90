import { defaultProgramConfig, type ProgramConfig } from '../config.js';
import { entities } from './index.js';
import { quarantineReasons } from './quarantine.js';
import type { EntityDefinition, FieldDefinition } from './types.js';

const typeNames: Record<FieldDefinition['type'], string> = {
  string: 'text',
  integer: 'integer',
  decimal: 'decimal',
  boolean: 'boolean',
  date: 'date',
  timestamp: 'timestamp',
  currency: 'currency code',
  country: 'country',
  period: 'period',
  enum: 'one of',
};

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

function allowed(field: FieldDefinition, config: ProgramConfig): string {
  const values = field.valuesFrom ? config[field.valuesFrom] : field.values;
  if (!values) return '';
  const list = values.map((value) => `\`${value}\``).join(', ');
  return field.valuesFrom ? `${list} (configurable: \`${field.valuesFrom}\`)` : list;
}

function fieldRow(entity: EntityDefinition, field: FieldDefinition, config: ProgramConfig): string {
  const key = entity.key.includes(field.name) ? ' (key)' : '';
  const notes = [
    field.unit,
    allowed(field, config),
    field.references ? `must match a \`${field.references}.partner_id\`` : '',
    field.allowNegative ? 'may be negative' : '',
    field.default ? `default \`${field.default}\`` : '',
    field.allowFuture ? 'future dates allowed' : '',
  ].filter(Boolean);
  const aliases = (field.aliases ?? []).map((alias) => `\`${alias}\``).join(', ');
  return `| \`${field.name}\`${key} | ${typeNames[field.type]} | ${field.required ? 'yes' : 'no'} | ${cell(field.description)} | ${cell(notes.join('; '))} | ${aliases} |`;
}

function csvValue(value: string): string {
  return /[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

function entitySection(entity: EntityDefinition, config: ProgramConfig): string {
  const keyText = entity.derivedKeyFrom
    ? `\`${entity.key.join('`, `')}\`; when missing it is derived from ${entity.derivedKeyFrom.map((name) => `\`${name}\``).join(', ')}`
    : entity.key.map((name) => `\`${name}\``).join(', ');
  const money = entity.money.length
    ? `\n**Money:** ${entity.money.map((item) => `\`${item.amount}\``).join(', ')} in \`${entity.money[0]?.currency}\`, converted at \`${entity.money[0]?.at}\`.\n`
    : '';
  const order = entity.dateOrder?.length ? `\n**Date order:** ${entity.dateOrder.map(([earlier, later]) => `\`${later}\` ≥ \`${earlier}\``).join('; ')}.\n` : '';
  return [
    `## ${entity.name}`,
    '',
    entity.description,
    '',
    `**Grain:** ${entity.grain}. **Key:** ${keyText}.${entity.dependsOn.length ? ` **Load after:** ${entity.dependsOn.join(', ')}.` : ''}`,
    money + order,
    '| field | type | required | meaning | format and rules | also accepted as |',
    '|---|---|---|---|---|---|',
    ...entity.fields.map((field) => fieldRow(entity, field, config)),
    '',
    `Example \`${entity.name}.csv\`:`,
    '',
    '```csv',
    entity.fields.map((field) => field.name).join(','),
    entity.fields.map((field) => csvValue(field.example)).join(','),
    '```',
    '',
  ].join('\n');
}

const preamble = `# Data contract

<!-- Generated from packages/core/src/contract by \`pnpm docs:generate\`; edit the contract, not this file. -->

This is what the platform loads: twelve entities exported from a PRM, CRM, LMS or
finance system. A source is a folder of files (or a PostgreSQL database, see
[operations](operations.md#sources)). Everything here is checked when data loads;
rows that break a rule are kept in \`ops.quarantine\` with the reason, never dropped.

## Files

- **Naming.** A file holds one entity and is named \`<entity>.<ext>\` or
  \`<entity>-<anything>.<ext>\` (e.g. \`revenue-2026-01.csv.gz\`); subfolders are read
  too. Exports that keep their system's names (\`Partner_Accounts_Export.csv\`) are
  mapped with glob patterns per entity under \`files:\` in \`config/sources.yml\` (see
  [operations](operations.md#sources)). Other files are listed as ignored. Entities load in the order of this page
  (rates and partners first); files of one entity in name order, so a later file
  corrects an earlier one.
- **Formats.** CSV with a header row (\`.csv\`, \`.tsv\`, \`.txt\`), JSON Lines
  (\`.jsonl\`, \`.ndjson\`, one JSON object per line) or a JSON array of objects (\`.json\`,
  as APIs export; line numbers are where each element starts), each optionally gzip-compressed
  (\`.gz\`; detected from the content); or an Excel workbook (\`.xlsx\`): its first
  worksheet, line numbers are sheet rows; date cells are read as ISO dates (timestamps
  when they carry a time), and so is a number under a date field (a date cell that lost its
  format holds Excel's serial number: 45000 is 2023-03-15); formulas as their result.
- **Header row.** The first non-empty row that names every required column. Up to 10 rows
  above it (a report's title, an export date) are passed over; the load batch records the
  header's line (\`header_line\`) and the load prints a warning.
- **CSV.** RFC 4180: fields with the delimiter, quotes or line breaks are quoted, quotes
  doubled. Delimiter \`,\` \`;\` tab or \`|\`, detected from the file, or named by Excel's
  first line \`sep=;\`. LF or CRLF.
- **Encoding.** UTF-8 with or without BOM, UTF-16 with BOM, or Windows-1252: without a
  BOM, bytes that are not valid UTF-8 are read as Windows-1252, anywhere in the file, so a
  file concatenated from both kinds of export reads right too; the load batch records
  which it was (\`utf-8\`, \`windows-1252\` or \`utf-8+windows-1252\`). Set \`encoding\` on
  the source to force one (UTF-16 without a BOM needs it).
- **Quotes.** A quote inside a quoted field must be doubled. A stray one that makes the
  field run on over the following lines fails the file, naming the line: where the next
  rows start cannot be told, and guessing could load them wrong.
- **Columns.** Matched case-insensitively, with camelCase split into words and runs of
  spaces and punctuation read as one underscore (\`Partner ID\`, \`partnerId\`,
  \`PartnerID\` and \`partner-id\` all name \`partner_id\`); the names in "also accepted as" work too, and so do an export's own
  names mapped to fields under \`columns:\` in \`config/sources.yml\`. Columns the contract does not
  know are kept in the row's \`extra\` JSON, not lost. A missing required column fails
  the file. A file whose every row is quarantined still loads (its rows wait in the
  quarantine) with a warning: usually a column mapping, date layout or decimal separator to set.
- **Missing values.** An empty value, \`NULL\`, \`null\`, \`N/A\` or \`n/a\`
  (configurable: \`load.null_markers\`). Values are trimmed.

## Values

| type | format |
|---|---|
| date | ISO 8601 \`YYYY-MM-DD\`; a full timestamp is accepted and its date used |
| timestamp | ISO 8601, e.g. \`2026-02-03T09:14:00Z\`; without a zone it is read as UTC |
| decimal | decimal point; a comma only as thousands separator (\`1,234.50\`); a files source can declare \`decimal_separator: ","\` for decimal commas (\`1.234,50\`). Currency signs (\`$ € £ ¥\`) and spaces are ignored, and so is a currency code set apart by a space before or after the amount (\`USD 1,234.50\`, \`1234.5 EUR\`) when it is the row's currency (else \`currency_mismatch\`); accounting negatives \`(1,234.50)\` and a trailing minus \`1,234.50-\` are negative. Spaces count only between groups of three digits (\`1 234.50\`). Amounts are kept to 4 decimals (rounded half away from zero) |
| integer | whole number |
| boolean | \`true\`/\`false\`, \`yes\`/\`no\`, \`y\`/\`n\`, \`1\`/\`0\`, \`t\`/\`f\` (any case) |
| currency code | ISO 4217, three letters (any case) |
| country | ISO 3166-1 alpha-2 (\`DE\`), stored as such; alpha-3 codes (\`DEU\`) and country names in 25 languages written in Latin script, English, German, French, Spanish, Italian, Dutch, Portuguese, the Nordic and Central European ones among them (\`Germany\`, \`Deutschland\`, \`United States\`, \`U.S.A.\`, \`UK\`, \`Sverige\`; any case, accents and dots optional) are read as their alpha-2 code; a files source can map other texts under \`values:\` (\`EMEA HQ\` → \`DE\`) |
| period | \`YYYY-MM\` (month), \`YYYY-Qn\` (quarter) or \`YYYY\` (year); calendar quarters |
| one of | the listed values, any case, spaces or hyphens for underscores (\`System Integrator\` = \`system_integrator\`); a files source can map its own texts under \`values:\` (\`Gold Partner\` → \`gold\`) |

**Other date layouts.** ISO 8601 is always read. A files source whose export writes dates
another way declares that layout with \`date_format\` in \`config/sources.yml\` (e.g.
\`DD/MM/YYYY\`, \`MM/DD/YYYY\`, \`DD.MM.YYYY\`; list in [operations](operations.md#sources)), and
it is read besides ISO, for timestamps with an optional 24-hour \`HH:MM[:SS]\` (UTC). A
layout is never guessed: \`03/04/2026\` is March in one country and April in another.

**Money.** Every amount keeps its original value and currency and gets a reporting
amount: \`round(amount × rate, 2)\` in the reporting currency (default ${defaultProgramConfig.reporting_currency},
\`reporting_currency\`), with the latest \`fx_rates\` rate of its currency on or before
the row's date (the first day of a period). Amounts in the reporting currency need no rate.
Amounts must not be negative except revenue (credit notes).

**Dates.** A date more than \`load.max_future_days\` (default ${defaultProgramConfig.load.max_future_days}) after the load date is
rejected as implausible, except where noted.

**Keys and corrections.** Each entity has a natural key. Loading a row whose key is
already in the warehouse updates it when something changed and leaves it alone when
not, so re-loading a file or an overlapping extract changes nothing. Two rows with the
same key in one file: the last one loads, earlier ones are quarantined.

**Partner history.** \`partners\` rows are versions: each holds the partner's
attributes from \`effective_from\` (or the load date) on. The warehouse keeps a type-2
history (\`core.partner_history\`, \`valid_from\` inclusive, \`valid_to\` exclusive), so a
report by tier uses the tier the partner had at the time. A source marked
\`full_snapshot\` sets partners missing from its partner file to \`inactive\`.

## Quarantine reasons

A rejected row is kept in \`ops.quarantine\` with its file, line, field, reason, a
message quoting the bad value, every problem it has, and the raw row. The first problem
in this order is the reported one:

| reason | meaning |
|---|---|
${Object.entries(quarantineReasons)
  .map(([code, text]) => `| \`${code}\` | ${cell(text)} |`)
  .join('\n')}

A file that cannot be read at all (not text, corrupt or truncated gzip, missing
required column, empty, an unclosed quote) fails as a whole with a message naming the
file and line; nothing of it loads and its failure is recorded in \`ops.load_batches\`.

`;

/** The data contract as Markdown (docs/data-contract.md is this text). */
export function renderDataContract(config: ProgramConfig = defaultProgramConfig): string {
  return `${preamble}${entities.map((entity) => entitySection(entity, config)).join('\n')}`;
}
