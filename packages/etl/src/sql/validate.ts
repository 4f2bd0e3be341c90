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

/** The typed value of a field (computed once per row in the lateral subquery `t`). */
const typed = (name: string) => `t.${ident(name)}`;
const flag = (name: string, suffix: 'invalid' | 'missing') => `t.${ident(`${name}__${suffix}`)}`;
const flagColumn = (name: string, suffix: 'invalid' | 'missing') => ident(`${name}__${suffix}`);
const knownAlias = (name: string) => `known_${name}`;
const isMoneyAmount = (entity: EntityDefinition, name: string) => entity.money.some((money) => money.amount === name);
const futureChecked = (field: FieldDefinition) => (field.type === 'date' || field.type === 'timestamp') && !field.allowFuture;
const partnerReferences = (entity: EntityDefinition) => entity.fields.filter((field) => field.references === 'partners');

/** The date that picks a money row's FX rate: a date field, or the first day of a period field. */
function rateDate(entity: EntityDefinition): string | undefined {
  const at = entity.money[0]?.at;
  if (!at) return undefined;
  const field = entity.fields.find((candidate) => candidate.name === at);
  return field?.type === 'period' ? `ops.period_start(${typed(at)})` : typed(at);
}

function fxRate(context: ValidationContext): string {
  return `case when t.currency = ${literal(context.config.reporting_currency)} then 1::numeric else fx.rate end`;
}

const source = (field: FieldDefinition) => (field.default === undefined ? `s.${ident(field.name)}` : `coalesce(s.${ident(field.name)}, ${literal(field.default)})`);
const wellFormed = (name: string) => `w.${ident(`${name}__ok`)}`;

/** Per typed field, once per row: is the text well-formed (null when missing)? */
function wellFormedColumns(context: ValidationContext): string[] {
  return context.entity.fields.flatMap((field) => {
    const typing = typingOf(field, context.config);
    return typing ? [`${typing.valid(source(field))} as ${ident(`${field.name}__ok`)}`] : [];
  });
}

/** Per field: the typed value (null when malformed) and flags for malformed and missing. */
function typedColumns(context: ValidationContext): string[] {
  const columns: string[] = [];
  for (const field of context.entity.fields) {
    const src = source(field);
    const typing = typingOf(field, context.config);
    if (typing) {
      columns.push(`case when ${wellFormed(field.name)} then ${typing.cast(src)} end as ${ident(field.name)}`);
      columns.push(`(${src} is not null and not coalesce(${wellFormed(field.name)}, false)) as ${flagColumn(field.name, 'invalid')}`);
    } else {
      columns.push(`${src} as ${ident(field.name)}`);
    }
    if (field.required) columns.push(`(s.${ident(field.name)} is null) as ${flagColumn(field.name, 'missing')}`);
  }
  return columns;
}

function fieldChecks(context: ValidationContext, field: FieldDefinition): Check[] {
  const { entity, config } = context;
  const value = typed(field.name);
  const checks: Check[] = [];
  if (field.required) checks.push({ reason: 'missing_required', field: field.name, condition: flag(field.name, 'missing') });
  const typing = typingOf(field, config);
  if (typing) checks.push({ reason: typing.invalidReason, field: field.name, condition: flag(field.name, 'invalid') });
  if (field.type === 'decimal') {
    checks.push({ reason: 'out_of_range', field: field.name, condition: `abs(${value}) >= 1e16` });
    if (isMoneyAmount(entity, field.name) && !field.allowNegative) checks.push({ reason: 'negative_amount', field: field.name, condition: `${value} < 0` });
  }
  if (futureChecked(field)) checks.push({ reason: 'future_date', field: field.name, condition: `${value} > current_date + ${config.load.max_future_days}` });
  if (field.references === 'partners') {
    checks.push({ reason: 'unknown_partner', field: field.name, condition: `${value} is not null and ${knownAlias(field.name)}.partner_id is null` });
  }
  return checks;
}

function checksOf(context: ValidationContext): Check[] {
  const { entity } = context;
  const checks = entity.fields.flatMap((field) => fieldChecks(context, field));
  if (entity.name === 'fx_rates') checks.push({ reason: 'out_of_range', field: 'rate', condition: `${typed('rate')} <= 0` });
  if (entity.name === 'engagement_events') checks.push({ reason: 'out_of_range', field: 'count', condition: `${typed('count')} < 1` });
  for (const [earlier, later] of entity.dateOrder ?? []) {
    checks.push({ reason: 'date_order', field: later, condition: `${typed(later)} < ${typed(earlier)}` });
  }
  const at = rateDate(entity);
  if (at) checks.push({ reason: 'unknown_currency', field: 'currency', condition: `t.currency is not null and ${at} is not null and (${fxRate(context)}) is null` });
  return checks.sort((a, b) => quarantineReasonOrder.indexOf(a.reason) - quarantineReasonOrder.indexOf(b.reason));
}

function joins(context: ValidationContext): string[] {
  const statements: string[] = [];
  const at = rateDate(context.entity);
  if (at) statements.push(`left join fx_calendar as fx on fx.currency = t.currency and fx.date = ${at}`);
  for (const field of partnerReferences(context.entity)) {
    const alias = knownAlias(field.name);
    statements.push(`left join known_partners as ${alias} on ${alias}.partner_id = ${typed(field.name)}`);
  }
  return statements;
}

/** The natural key, with a derived id (md5 of the identifying fields) where the source may omit it. */
function keyExpressions(entity: EntityDefinition): Map<string, string> {
  const keys = new Map(entity.key.map((name) => [name, typed(name)]));
  if (entity.derivedKeyFrom && entity.key.length === 1) {
    const [name] = entity.key as [string];
    const parts = entity.derivedKeyFrom.map((part) => {
      const type = entity.fields.find((field) => field.name === part)?.type;
      return type === 'decimal' ? `trim_scale(${typed(part)})::text` : `${typed(part)}::text`;
    });
    keys.set(name, `coalesce(${typed(name)}, md5(concat_ws('|', ${parts.join(', ')})))`);
  }
  return keys;
}

function outputColumns(context: ValidationContext): string[] {
  const { entity } = context;
  const keys = keyExpressions(entity);
  const columns = ['s.line_no', 's.extra::jsonb as extra'];
  for (const field of entity.fields) {
    columns.push(`${keys.get(field.name) ?? typed(field.name)} as ${ident(field.name)}`);
    if (field.type === 'period') {
      columns.push(`ops.period_start(${typed(field.name)}) as ${ident(`${field.name}_start`)}`);
      columns.push(`ops.period_end(${typed(field.name)}) as ${ident(`${field.name}_end`)}`);
    }
  }
  for (const money of entity.money) columns.push(`round(${typed(money.amount)} * (${fxRate(context)}), 2) as ${ident(`${money.amount}_reporting`)}`);
  if (entity.money.length > 0) columns.push(`${fxRate(context)} as fx_rate`);
  const hashed = [...entity.fields.map((field) => typed(field.name)), 's.extra'];
  columns.push(`md5(row(${hashed.join(', ')})::text) as row_hash`);
  columns.push('p.problems');
  return columns;
}

/**
 * Marks all but the last of the otherwise valid rows sharing a key as duplicate_key. A
 * grouping over the narrow key columns finds them; only the duplicates are rewritten.
 */
export function markDuplicatesSql(entity: EntityDefinition): string {
  const keys = entity.key.map(ident);
  const matches = entity.key.map((name) => `v.${ident(name)} = d.${ident(name)}`).join(' and ');
  return `
    update validated as v
    set problems = array['duplicate_key:${entity.key.join('+')}']
    from (
      select ${keys.join(', ')}, max(line_no) as kept_line
      from validated
      where cardinality(problems) = 0
      group by ${keys.join(', ')}
      having count(*) > 1
    ) as d
    where ${matches} and v.line_no < d.kept_line and cardinality(v.problems) = 0`;
}

/**
 * One statement that types and checks the staged rows into the temp table `validated`
 * (markDuplicatesSql then flags repeated keys). Typed values and problems are computed once per row in lateral subqueries
 * (`offset 0` keeps the planner from copying their expressions into every use).
 */
export function validatedTableSql(context: ValidationContext): string {
  const checks = checksOf(context).map((check) => `case when ${check.condition} then '${check.reason}:${check.field}' end`);
  return `
    create temp table validated on commit drop as
    select ${outputColumns(context).join(',\n      ')}
    from ${context.staging} as s
    cross join lateral (select ${['true as _row', ...wellFormedColumns(context)].join(',\n      ')} offset 0) as w
    cross join lateral (select ${typedColumns(context).join(',\n      ')} offset 0) as t
    ${joins(context).join('\n    ')}
    cross join lateral (select array_remove(array[s.parse_reason || ':row', ${checks.join(',\n      ')}]::text[], null) as problems offset 0) as p`;
}
