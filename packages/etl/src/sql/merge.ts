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

/**
 * Upserts valid rows by natural key: new keys insert, changed rows (by row hash) update,
 * identical rows are left alone. Returns one row with the inserted and updated counts.
 * Parameters: load id, file name.
 */
export function upsertSql(entity: EntityDefinition): string {
  const table = `core.${entity.name}`;
  const columns = coreColumns(entity);
  const targets = [...columns, ...lineage].map(ident).join(', ');
  const values = [...columns.map((name) => `v.${ident(name)}`), 'v.extra', 'v.row_hash', '$1::uuid', '$2', 'v.line_no'].join(', ');
  const key = entity.key.map(ident).join(', ');
  const updates = [...columns, ...lineage].map((name) => `${ident(name)} = excluded.${ident(name)}`);
  return `
    with merged as (
      insert into ${table} (${targets})
      select ${values}
      from validated v
      where cardinality(v.problems) = 0
      order by ${entity.key.map((name) => `v.${ident(name)}`).join(', ')}
      on conflict (${key}) do update set ${[...updates, 'updated_at = now()'].join(', ')}
      where ${table}.row_hash is distinct from excluded.row_hash
      returning (xmax = 0) as inserted
    )
    select count(*) filter (where inserted)::bigint as inserted,
           count(*) filter (where not inserted)::bigint as updated
    from merged`;
}
