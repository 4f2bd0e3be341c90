import { quarantineReasonOrder, type EntityDefinition, type FieldDefinition, type ProgramConfig, type QuarantineReason } from '@ppm/core';
import { amountCurrencyCode, ident, literal, typingOf, type TypingContext } from './fields.js';
import { workTableStorage } from '../staging.js';
import type { EntityValueMaps, ValueFormats } from './value-formats.js';

export interface ValidationContext {
  readonly entity: EntityDefinition;
  readonly config: ProgramConfig;
  /** The staged text rows (COPY target). */
  readonly staging: string;
  /** Table validation writes: typed values, problems and merge-ready columns. */
  readonly validated: string;
  /** Per-batch lookup tables (regular unlogged tables, so parallel workers can read them). */
  readonly fxCalendar: string;
  readonly knownPartners: string;
  /** Country texts and their codes (see countriesSql). */
  readonly countries: string;
  /** How the source writes dates and decimals. */
  readonly formats: ValueFormats;
  /** The source's own texts for fixed-list values, per field. */
  readonly valueMaps: EntityValueMaps;
}

interface Check {
  readonly reason: QuarantineReason;
  readonly field: string;
  readonly condition: string;
}

const column = (name: string, suffix?: 'raw' | 'missing') => `t.${ident(suffix ? `${name}__${suffix}` : name)}`;
const knownAlias = (name: string) => `known_${name}`;
const moneyOf = (entity: EntityDefinition, name: string) => entity.money.find((money) => money.amount === name);
const futureChecked = (field: FieldDefinition) => (field.type === 'date' || field.type === 'timestamp') && !field.allowFuture;
const partnerReferences = (entity: EntityDefinition) => entity.fields.filter((field) => field.references === 'partners');
const source = (field: FieldDefinition) => (field.default === undefined ? `s.${ident(field.name)}` : `coalesce(s.${ident(field.name)}, ${literal(field.default)})`);

/**
 * Validation in one statement that PostgreSQL runs with parallel workers: an inner query
 * types each field once (null when malformed; the costly part), the outer one checks,
 * joins the lookups and writes the validated table from the typed columns.
 */
class Validation {
  constructor(private readonly context: ValidationContext) {}

  private get entity(): EntityDefinition {
    return this.context.entity;
  }

  private field(name: string): FieldDefinition {
    const found = this.entity.fields.find((candidate) => candidate.name === name);
    if (!found) throw new Error(`${this.entity.name} has no field ${name}`);
    return found;
  }

  /** The typed value (null when missing or malformed), typed by the inner query. */
  typed(name: string): string {
    this.field(name);
    return column(name);
  }

  /** Text was there but did not type. */
  private invalid(name: string): string {
    return `(${column(name, 'raw')} is not null and ${column(name)} is null)`;
  }

  /** The date that picks a money row's FX rate: a date field, or the first day of a period field. */
  private rateDate(): string | undefined {
    const at = this.entity.money[0]?.at;
    if (!at) return undefined;
    return this.field(at).type === 'period' ? `ops.period_start(${this.typed(at)})` : this.typed(at);
  }

  private fxRate(): string {
    return `(case when ${this.typed('currency')} = ${literal(this.context.config.reporting_currency)} then 1::numeric else fx.rate end)`;
  }

  private typingContext(field: FieldDefinition): TypingContext {
    const { config, formats, valueMaps, countries } = this.context;
    const valueMap = valueMaps[field.name];
    return { config, formats, countries, ...(valueMap ? { valueMap } : {}) };
  }

  typedColumns(): string[] {
    const columns = ['s.line_no', 's.parse_reason', 's.extra'];
    for (const field of this.entity.fields) {
      const typing = typingOf(field, this.typingContext(field));
      if (typing) {
        columns.push(`case when ${typing.valid(source(field))} then ${typing.cast(source(field))} end as ${ident(field.name)}`);
        columns.push(`${source(field)} as ${ident(`${field.name}__raw`)}`);
      } else {
        columns.push(`${source(field)} as ${ident(field.name)}`);
      }
      if (field.required) columns.push(`(s.${ident(field.name)} is null) as ${ident(`${field.name}__missing`)}`);
    }
    return columns;
  }

  private fieldChecks(field: FieldDefinition): Check[] {
    const value = this.typed(field.name);
    const checks: Check[] = [];
    if (field.required) checks.push({ reason: 'missing_required', field: field.name, condition: column(field.name, 'missing') });
    const typing = typingOf(field, this.typingContext(field));
    if (typing) checks.push({ reason: typing.invalidReason, field: field.name, condition: this.invalid(field.name) });
    if (field.type === 'decimal') {
      checks.push({ reason: 'out_of_range', field: field.name, condition: `abs(${value}) >= 1e16` });
      const money = moneyOf(this.entity, field.name);
      if (money && !field.allowNegative) checks.push({ reason: 'negative_amount', field: field.name, condition: `${value} < 0` });
      if (money) checks.push({ reason: 'currency_mismatch', field: field.name, condition: `${value} is not null and ${amountCurrencyCode(column(field.name, 'raw'))} <> ${this.typed(money.currency)}` });
    }
    if (futureChecked(field)) checks.push({ reason: 'future_date', field: field.name, condition: `${value} > current_date + ${this.context.config.load.max_future_days}` });
    if (field.references === 'partners') {
      checks.push({ reason: 'unknown_partner', field: field.name, condition: `${value} is not null and ${knownAlias(field.name)}.partner_id is null` });
    }
    return checks;
  }

  checks(): Check[] {
    const checks = this.entity.fields.flatMap((field) => this.fieldChecks(field));
    if (this.entity.name === 'fx_rates') checks.push({ reason: 'out_of_range', field: 'rate', condition: `${this.typed('rate')} <= 0` });
    if (this.entity.name === 'engagement_events') checks.push({ reason: 'out_of_range', field: 'count', condition: `${this.typed('count')} < 1` });
    for (const [earlier, later] of this.entity.dateOrder ?? []) {
      checks.push({ reason: 'date_order', field: later, condition: `${this.typed(later)} < ${this.typed(earlier)}` });
    }
    const at = this.rateDate();
    if (at) checks.push({ reason: 'unknown_currency', field: 'currency', condition: `${this.typed('currency')} is not null and ${at} is not null and ${this.fxRate()} is null` });
    return checks.sort((a, b) => quarantineReasonOrder.indexOf(a.reason) - quarantineReasonOrder.indexOf(b.reason));
  }

  joins(): string[] {
    const statements: string[] = [];
    const at = this.rateDate();
    if (at) statements.push(`left join ${this.context.fxCalendar} as fx on fx.currency = ${this.typed('currency')} and fx.date = ${at}`);
    for (const field of partnerReferences(this.entity)) {
      const alias = knownAlias(field.name);
      statements.push(`left join ${this.context.knownPartners} as ${alias} on ${alias}.partner_id = ${this.typed(field.name)}`);
    }
    return statements;
  }

  /** The natural key, with a derived id (md5 of the identifying fields) where the source may omit it. */
  private keyExpressions(): Map<string, string> {
    const keys = new Map(this.entity.key.map((name) => [name, this.typed(name)]));
    const derivedFrom = this.entity.derivedKeyFrom;
    if (derivedFrom && this.entity.key.length === 1) {
      const [name] = this.entity.key as [string];
      const parts = derivedFrom.map((part) => (this.field(part).type === 'decimal' ? `trim_scale(${this.typed(part)})::text` : `${this.typed(part)}::text`));
      keys.set(name, `coalesce(${this.typed(name)}, md5(concat_ws('|', ${parts.join(', ')})))`);
    }
    return keys;
  }

  outputColumns(): string[] {
    const keys = this.keyExpressions();
    const columns = ['t.line_no', 't.extra::jsonb as extra'];
    for (const field of this.entity.fields) {
      columns.push(`${keys.get(field.name) ?? this.typed(field.name)} as ${ident(field.name)}`);
      if (field.type === 'period') {
        columns.push(`ops.period_start(${this.typed(field.name)}) as ${ident(`${field.name}_start`)}`);
        columns.push(`ops.period_end(${this.typed(field.name)}) as ${ident(`${field.name}_end`)}`);
      }
    }
    for (const money of this.entity.money) columns.push(`round(${this.typed(money.amount)} * ${this.fxRate()}, 2) as ${ident(`${money.amount}_reporting`)}`);
    if (this.entity.money.length > 0) columns.push(`${this.fxRate()} as fx_rate`);
    const hashed = [...this.entity.fields.map((field) => this.typed(field.name)), 't.extra'];
    columns.push(`md5(row(${hashed.join(', ')})::text) as row_hash`);
    const checks = this.checks().map((check) => `case when ${check.condition} then '${check.reason}:${check.field}' end`);
    columns.push(`array_remove(array[t.parse_reason || ':row', ${checks.join(',\n      ')}]::text[], null) as problems`);
    return columns;
  }
}

/**
 * The inner query's volatile column keeps PostgreSQL from merging it into the outer one,
 * which would repeat each field's typing wherever the outer query uses the typed value;
 * unlike an `offset 0` fence it leaves the lookups joinable inside the parallel workers.
 */
function typedRowsSql(context: ValidationContext, validation: Validation): string {
  return `select ${validation.typedColumns().join(',\n        ')},
        clock_timestamp() as typing_fence
      from ${context.staging} as s`;
}

/**
 * Each row typed and checked: typed values, every problem (first problem first) and the
 * merge-ready columns, written in key order so the merge fills the key index in order.
 */
export function validatedTableSql(context: ValidationContext): string {
  const validation = new Validation(context);
  return `
    create unlogged table ${context.validated} ${workTableStorage} as
    select ${validation.outputColumns().join(',\n      ')}
    from (
      ${typedRowsSql(context, validation)}
    ) as t
    ${validation.joins().join('\n    ')}
    order by ${context.entity.key.map(ident).join(', ')}`;
}

/**
 * Marks all but the last of the otherwise valid rows sharing a key as duplicate_key. A
 * grouping over the narrow key columns finds them; only the duplicates are rewritten.
 */
export function markDuplicatesSql(entity: EntityDefinition, validated: string): string {
  const keys = entity.key.map(ident);
  // A key field that may stay empty (partners' effective_from; a derived key never is) matches an
  // empty one: both mean the same version. The others keep `=`, which PostgreSQL can hash-join.
  const mayBeEmpty = (name: string) => !entity.derivedKeyFrom && entity.fields.find((field) => field.name === name)?.required === false;
  const matches = entity.key.map((name) => `v.${ident(name)} ${mayBeEmpty(name) ? 'is not distinct from' : '='} d.${ident(name)}`).join(' and ');
  return `
    update ${validated} as v
    set problems = array['duplicate_key:${entity.key.join('+')}']
    from (
      select ${keys.join(', ')}, max(line_no) as kept_line
      from ${validated}
      where cardinality(problems) = 0
      group by ${keys.join(', ')}
      having count(*) > 1
    ) as d
    where ${matches} and v.line_no < d.kept_line and cardinality(v.problems) = 0`;
}

