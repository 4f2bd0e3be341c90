import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { countryKey, countryLookup, entities, quarantineReasonOrder, type EntityDefinition, type EntityName, type QuarantineReason } from '@ppm/core';
import { parseCsv, parseJsonl, readText } from './read-files.js';
import { clean, normalizeEnum, ownProblems, type Values } from './validate.js';
import { FxIndex } from './fx-index.js';

export interface LoadedFile {
  readonly path: string;
  readonly entity: EntityName;
  records: number;
  loaded: number;
  readonly quarantine: Map<QuarantineReason, number>;
}

export interface Warehouse {
  /** Rows by key; partners by (partner_id, effective_from). */
  readonly tables: Map<EntityName, Map<string, Values>>;
  readonly partnerIds: Set<string>;
  readonly files: LoadedFile[];
  readonly fx: FxIndex;
}

interface Candidate {
  readonly values: Values | null;
  readonly parseProblem?: QuarantineReason;
}

const canonical = (name: string) => name.trim().toLowerCase().replace(/[\s-]+/g, '_');

function fieldFor(entity: EntityDefinition, header: string): string | undefined {
  const wanted = canonical(header);
  return entity.fields.find((field) => [field.name, ...(field.aliases ?? [])].some((name) => canonical(name) === wanted))?.name;
}

function csvCandidates(entity: EntityDefinition, text: string): Candidate[] {
  const [header = [], ...records] = parseCsv(text).filter((record) => !(record.length === 1 && record[0]?.trim() === ''));
  const fields = header.map((name) => fieldFor(entity, name));
  return records.map((record) => {
    const surplus = record.slice(header.length).some((value) => value.trim() !== '');
    if (record.length < header.length || surplus) return { values: null, parseProblem: 'malformed_row' };
    const values: Values = {};
    fields.forEach((field, column) => {
      if (field) values[field] = clean(record[column]);
    });
    return { values };
  });
}

function jsonCandidates(entity: EntityDefinition, text: string): Candidate[] {
  return parseJsonl(text).map((record) => {
    if (record === 'invalid') return { values: null, parseProblem: 'invalid_json' };
    const values: Values = {};
    for (const [key, value] of Object.entries(record)) {
      const field = fieldFor(entity, key);
      if (field) values[field] = clean(value);
    }
    return { values };
  });
}

/** Values as the warehouse holds them: enums normalized, dates without a time part, countries as alpha-2 codes. */
function normalized(entity: EntityDefinition, values: Values, loadDay: number): Values {
  const result: Values = { ...values };
  for (const field of entity.fields) {
    const value = values[field.name] ?? null;
    if (value === null) continue;
    if (field.type === 'enum') result[field.name] = normalizeEnum(value);
    if (field.type === 'date') result[field.name] = value.slice(0, 10);
    if (field.type === 'country') result[field.name] = countryLookup().get(countryKey(value)) ?? value;
  }
  if (entity.name === 'partners' && !result.effective_from) result.effective_from = new Date(loadDay * 86_400_000).toISOString().slice(0, 10);
  return result;
}

function keyOf(entity: EntityDefinition, values: Values): string {
  const single = entity.key.length === 1 ? values[entity.key[0] ?? ''] : undefined;
  if (entity.derivedKeyFrom && !single) return `derived|${entity.derivedKeyFrom.map((name) => values[name] ?? '').join('|')}`;
  return entity.key.map((name) => values[name] ?? '').join('|');
}

function contextProblems(entity: EntityDefinition, values: Values, warehouse: Warehouse): QuarantineReason[] {
  const problems: QuarantineReason[] = [];
  for (const money of entity.money) {
    const currency = values[money.currency];
    const at = values[money.at];
    if (!currency || !at || !/^[A-Za-z]{3}$/.test(currency)) continue;
    const day = /^\d{4}(-|$)/.test(at) ? warehouse.fx.dayOfPeriodOrDate(at) : null;
    if (day !== null && warehouse.fx.rate(currency.toUpperCase(), day) === undefined) problems.push('unknown_currency');
  }
  for (const field of entity.fields) {
    const value = values[field.name];
    if (field.references === 'partners' && value && !warehouse.partnerIds.has(value)) problems.push('unknown_partner');
  }
  return problems;
}

function firstProblem(problems: readonly QuarantineReason[]): QuarantineReason | undefined {
  return quarantineReasonOrder.find((reason) => problems.includes(reason));
}

function loadFile(warehouse: Warehouse, entity: EntityDefinition, path: string, loadDay: number): void {
  const text = readText(path);
  const candidates = path.includes('.jsonl') ? jsonCandidates(entity, text) : csvCandidates(entity, text);
  const file: LoadedFile = { path, entity: entity.name, records: candidates.length, loaded: 0, quarantine: new Map() };
  const quarantine = (reason: QuarantineReason) => file.quarantine.set(reason, (file.quarantine.get(reason) ?? 0) + 1);
  const valid: { key: string; values: Values }[] = [];
  for (const candidate of candidates) {
    const values = candidate.values;
    const problem = candidate.parseProblem ?? (values && firstProblem([...ownProblems(entity, values, loadDay), ...contextProblems(entity, values, warehouse)]));
    if (problem || !values) quarantine(problem ?? 'malformed_row');
    else valid.push({ key: keyOf(entity, normalized(entity, values, loadDay)), values: normalized(entity, values, loadDay) });
  }
  const lastIndex = new Map(valid.map((row, index) => [row.key, index]));
  const table = warehouse.tables.get(entity.name) ?? new Map<string, Values>();
  warehouse.tables.set(entity.name, table);
  valid.forEach((row, index) => {
    if (lastIndex.get(row.key) !== index) return quarantine('duplicate_key');
    file.loaded += 1;
    table.set(row.key, row.values);
    if (entity.name === 'partners') warehouse.partnerIds.add(String(row.values.partner_id));
  });
  if (entity.name === 'fx_rates') warehouse.fx.rebuild(table);
  warehouse.files.push(file);
}

/** Loads out/data the way the brief says the loader does; `loadDay` is the load date (days since 1970). */
export function loadDirectory(out: string, loadDay = Math.floor(Date.now() / 86_400_000)): Warehouse {
  const warehouse: Warehouse = { tables: new Map(), partnerIds: new Set(), files: [], fx: new FxIndex() };
  const names = readdirSync(join(out, 'data')).sort();
  for (const entity of entities) {
    for (const name of names.filter((candidate) => candidate.split(/[-.]/)[0] === entity.name)) {
      loadFile(warehouse, entity, join(out, 'data', name), loadDay);
    }
  }
  return warehouse;
}
