import { quarantineReasonOrder, type EntityDefinition, type FieldDefinition, type ProgramConfig, type QuarantineReason } from '@ppm/core';
import { ident, literal, typingOf } from './fields.js';

export interface ValidationContext {
  readonly entity: EntityDefinition;
  readonly config: ProgramConfig;
  readonly staging: string;
}

interface Check {
  readonly reason: QuarantineReason;
  readonly field: string;
  readonly condition: string;
}

const col = (alias: string, name: string) => `${alias}.${ident(name)}`;
const flag = (name: string, suffix: string) => ident(`${name}__${suffix}`);
const isMoneyAmount = (entity: EntityDefinition, name: string) => entity.money.some((money) => money.amount === name);
const futureChecked = (field: FieldDefinition) => (field.type === 'date' || field.type === 'timestamp') && !field.allowFuture;

/** The date that picks a money row's FX rate: a date field, or the first day of a period field. */
function rateDate(entity: EntityDefinition, alias: string): string | undefined {
  const at = entity.money[0]?.at;
  if (!at) return undefined;
  const field = entity.fields.find((candidate) => candidate.name === at);
  return field?.type === 'period' ? `ops.period_start(${col(alias, at)})` : col(alias, at);
}

function typedColumns(context: ValidationContext): string[] {
  const columns = ['s.line_no', 's.parse_reason', 's.parse_message', 's.extra::jsonb as extra'];
  for (const field of context.entity.fields) {
    const src = field.default === undefined ? col('s', field.name) : `coalesce(${col('s', field.name)}, ${literal(field.default)})`;
    const typing = typingOf(field, context.config);
    if (typing) {
      columns.push(`case when ${typing.valid(src)} then ${typing.cast(src)} end as ${ident(field.name)}`);
      columns.push(`(${src} is not null and not coalesce(${typing.valid(src)}, false)) as ${flag(field.name, 'invalid')}`);
    } else {
      columns.push(`${src} as ${ident(field.name)}`);
    }
    if (field.required) columns.push(`(${src} is null) as ${flag(field.name, 'missing')}`);
  }
  return columns;
}

function checksOf(context: ValidationContext): Check[] {
  const { entity, config } = context;
  const checks: Check[] = [];
  for (const field of entity.fields) {
    const value = col('c', field.name);
    if (field.required) checks.push({ reason: 'missing_required', field: field.name, condition: `c.${flag(field.name, 'missing')}` });
    const typing = typingOf(field, config);
    if (typing) checks.push({ reason: typing.invalidReason, field: field.name, condition: `c.${flag(field.name, 'invalid')}` });
    if (field.type === 'decimal') {
      checks.push({ reason: 'out_of_range', field: field.name, condition: `abs(${value}) >= 1e16` });
      if (isMoneyAmount(entity, field.name) && !field.allowNegative) checks.push({ reason: 'negative_amount', field: field.name, condition: `${value} < 0` });
    }
    if (futureChecked(field)) {
      checks.push({ reason: 'future_date', field: field.name, condition: `${value} > current_date + ${config.load.max_future_days}` });
    }
    if (field.references === 'partners') checks.push({ reason: 'unknown_partner', field: field.name, condition: `c.${flag(field.name, 'unknown')}` });
  }
  if (entity.name === 'fx_rates') checks.push({ reason: 'out_of_range', field: 'rate', condition: 'c.rate <= 0' });
  if (entity.name === 'engagement_events') checks.push({ reason: 'out_of_range', field: 'count', condition: 'c.count < 1' });
  for (const [earlier, later] of entity.dateOrder ?? []) {
    checks.push({ reason: 'date_order', field: later, condition: `${col('c', later)} < ${col('c', earlier)}` });
  }
  if (entity.money.length > 0) {
    checks.push({ reason: 'unknown_currency', field: 'currency', condition: `c.currency is not null and ${rateDate(entity, 'c')} is not null and c.fx_rate is null` });
  }
  return checks.sort((a, b) => quarantineReasonOrder.indexOf(a.reason) - quarantineReasonOrder.indexOf(b.reason));
}

function joinedColumns(context: ValidationContext): { columns: string[]; joins: string[] } {
  const { entity, config } = context;
  const columns = ['t.*'];
  const joins: string[] = [];
  const at = rateDate(entity, 't');
  if (at) {
    joins.push(`left join fx_calendar fx on fx.currency = t.currency and fx.date = ${at}`);
    columns.push(`case when t.currency = ${literal(config.reporting_currency)} then 1::numeric else fx.rate end as fx_rate`);
  }
  for (const field of entity.fields.filter((candidate) => candidate.references === 'partners')) {
    const alias = `known_${field.name}`;
    joins.push(`left join known_partners ${alias} on ${alias}.partner_id = ${col('t', field.name)}`);
    columns.push(`(${col('t', field.name)} is not null and ${alias}.partner_id is null) as ${flag(field.name, 'unknown')}`);
  }
  return { columns, joins };
}

/** The natural key, with a derived id (md5 of the identifying fields) where the source may omit it. */
function keyExpression(entity: EntityDefinition, alias: string): Map<string, string> {
  const keys = new Map(entity.key.map((name) => [name, col(alias, name)]));
  if (entity.derivedKeyFrom && entity.key.length === 1) {
    const [name] = entity.key as [string];
    const parts = entity.derivedKeyFrom.map((part) => {
      const type = entity.fields.find((field) => field.name === part)?.type;
      return type === 'decimal' ? `trim_scale(${col(alias, part)})::text` : `${col(alias, part)}::text`;
    });
    keys.set(name, `coalesce(${col(alias, name)}, md5(concat_ws('|', ${parts.join(', ')})))`);
  }
  return keys;
}

function outputColumns(context: ValidationContext): string[] {
  const { entity } = context;
  const keys = keyExpression(entity, 'p');
  const columns = ['p.line_no', 'p.extra'];
  for (const field of entity.fields) {
    columns.push(`${keys.get(field.name) ?? col('p', field.name)} as ${ident(field.name)}`);
    if (field.type === 'period') {
      columns.push(`ops.period_start(${col('p', field.name)}) as ${ident(`${field.name}_start`)}`);
      columns.push(`ops.period_end(${col('p', field.name)}) as ${ident(`${field.name}_end`)}`);
    }
  }
  for (const money of entity.money) columns.push(`round(${col('p', money.amount)} * p.fx_rate, 2) as ${ident(`${money.amount}_reporting`)}`);
  if (entity.money.length > 0) columns.push('p.fx_rate');
  const hashed = entity.fields.map((field) => col('p', field.name));
  columns.push(`md5(row(${[...hashed, 'p.extra'].join(', ')})::text) as row_hash`);
  const keyList = [...keys.values()].join(', ');
  const duplicate = `row_number() over (partition by ${keyList}, cardinality(p.problems) = 0 order by p.line_no desc) > 1`;
  const keyField = entity.key.join('+');
  columns.push(`case when cardinality(p.problems) = 0 and ${duplicate} then array['duplicate_key:${keyField}'] else p.problems end as problems`);
  return columns;
}

/** One statement that types, checks and de-duplicates the staged rows into the temp table `validated`. */
export function validatedTableSql(context: ValidationContext): string {
  const { columns: joined, joins } = joinedColumns(context);
  const checks = checksOf(context).map((check) => `case when ${check.condition} then '${check.reason}:${check.field}' end`);
  return `
    create temp table validated on commit drop as
    with typed as (
      select ${typedColumns(context).join(',\n        ')}
      from ${context.staging} s
    ),
    checked as (
      select ${joined.join(', ')}
      from typed t
      ${joins.join('\n      ')}
    ),
    problems as (
      select c.*, array_remove(array[c.parse_reason || ':row', ${checks.join(',\n        ')}]::text[], null) as problems
      from checked c
    )
    select ${outputColumns(context).join(',\n      ')}
    from problems p`;
}
