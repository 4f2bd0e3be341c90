import type { EntityDefinition } from '@ppm/core';
import { ident } from './fields.js';

/** Core columns of an entity: its fields plus period bounds, reporting amounts and the FX rate used. */
export function coreColumns(entity: EntityDefinition): string[] {
  const columns: string[] = [];
  for (const field of entity.fields) {
    columns.push(field.name);
    if (field.type === 'period') columns.push(`${field.name}_start`, `${field.name}_end`);
  }
  for (const money of entity.money) columns.push(`${money.amount}_reporting`);
  if (entity.money.length > 0) columns.push('fx_rate');
  return columns;
}

const lineage = ['extra', 'row_hash', 'load_id', 'source_file', 'source_line'];

const table = (entity: EntityDefinition) => `core.${entity.name}`;
const keyMatch = (entity: EntityDefinition, left: string, right: string) => entity.key.map((name) => `${left}.${ident(name)} = ${right}.${ident(name)}`).join(' and ');
const lineageValues = ['v.extra', 'v.row_hash', '$1::uuid', '$2', 'v.line_no'];

/**
 * Merges run one batch at a time per table: the plain update and insert below (cheaper than
 * insert ... on conflict for bulk loads) rely on no other batch adding the same keys meanwhile.
 * Readers are not blocked.
 */
export function lockForMergeSql(entity: EntityDefinition): string {
  return `lock table ${table(entity)} in share row exclusive mode`;
}

/** Rewrites rows whose content changed (by row hash). Parameters: load id, file name. */
export function updateChangedSql(entity: EntityDefinition, validated: string): string {
  const columns = coreColumns(entity);
  const assignments = [...columns.map((name) => `${ident(name)} = v.${ident(name)}`), ...lineage.map((name, index) => `${ident(name)} = ${lineageValues[index]}`), 'updated_at = now()'];
  return `
    update ${table(entity)} as c
    set ${assignments.join(', ')}
    from ${validated} as v
    where cardinality(v.problems) = 0 and ${keyMatch(entity, 'c', 'v')} and c.row_hash <> v.row_hash`;
}

/** True when the core table has no rows (under the merge lock, so it stays that way until the insert). */
export function isEmptySql(entity: EntityDefinition): string {
  return `select not exists (select 1 from ${table(entity)}) as empty`;
}

/**
 * Inserts rows whose key is new. Parameters: load id, file name. Into an empty table every
 * valid row is new: the check is left out, as a planner that believes the table stays empty
 * would re-scan it for every row while the insert fills it.
 */
export function insertNewSql(entity: EntityDefinition, validated: string, options: { intoEmpty: boolean }): string {
  const columns = coreColumns(entity);
  const targets = [...columns, ...lineage].map(ident).join(', ');
  const values = [...columns.map((name) => `v.${ident(name)}`), ...lineageValues].join(', ');
  const isNew = options.intoEmpty ? '' : `and not exists (select 1 from ${table(entity)} as c where ${keyMatch(entity, 'c', 'v')})`;
  return `
    insert into ${table(entity)} (${targets})
    select ${values}
    from ${validated} as v
    where cardinality(v.problems) = 0
      ${isNew}`;
}
