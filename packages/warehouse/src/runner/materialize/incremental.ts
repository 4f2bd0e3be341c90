import type { Knex } from 'knex';
import { columnNames } from '../catalog.js';
import type { Model } from '../model.js';
import { escapePlaceholders, quoteIdentifier } from '../sql.js';
import { executeWithBody } from '../sql-errors.js';
import type { Build } from './build.js';

const newRows = 'ppm_new_rows';

/**
 * The largest value of `column` in the model's table as a typed SQL literal (`'2026-08-01'::date`),
 * or null when the table has no rows. Models render it with incremental_max(): a constant the planner
 * sees, where a `(select max(...) from this)` subquery would leave it guessing.
 */
export async function builtMax(db: Knex, model: Model, column: string): Promise<string | null> {
  const result = await db.raw<{ rows: { literal: string | null }[] }>(
    `select case when max(${quoteIdentifier(column)}) is not null
      then format('%L::%s', max(${quoteIdentifier(column)}), pg_typeof(max(${quoteIdentifier(column)})))
    end as literal
    from ${model.relation}`,
  );
  return result.rows[0]?.literal ?? null;
}

/**
 * Merges the rendered rows (is_incremental() true) into the existing table by unique key:
 * target rows whose key comes again are deleted, then all new rows inserted, in the model's transaction.
 * When the filter_column is part of the key, only target rows from the smallest new value on can match,
 * so the delete reads that range (through an index on the column) instead of the whole table.
 * Returns how many rows were merged.
 */
export async function mergeIncremental(build: Build): Promise<number> {
  const { trx, model } = build;
  await executeWithBody(trx, `create temporary table ${newRows} on commit drop as`, build.sql);
  const columns = await columnNames(trx, 'pg_temp', newRows);
  await checkColumns(trx, model, columns);
  const rangeColumn = model.filterColumn && model.uniqueKey.includes(model.filterColumn) ? quoteIdentifier(model.filterColumn) : undefined;
  const { rows, smallest } = await checkKeys(trx, model, rangeColumn);
  if (rows === 0) return 0;
  const keyMatch = model.uniqueKey.map((key) => `target.${quoteIdentifier(key)} = new_rows.${quoteIdentifier(key)}`);
  // The literal comes from PostgreSQL's format('%L'); a text value may hold a `?`, which knex would take for a binding.
  if (rangeColumn && smallest) keyMatch.push(`target.${rangeColumn} >= ${escapePlaceholders(smallest)}`);
  await trx.raw(`delete from ${model.relation} as target\n    using ${newRows} as new_rows\n    where ${keyMatch.join('\n      and ')}`);
  const columnList = columns.map(quoteIdentifier).join(', ');
  const inserted = await trx.raw<{ rowCount: number }>(`insert into ${model.relation} (${columnList})\n    select ${columnList}\n    from ${newRows}`);
  return inserted.rowCount;
}

async function checkColumns(trx: Knex.Transaction, model: Model, columns: readonly string[]): Promise<void> {
  const missingKeys = model.uniqueKey.filter((key) => !columns.includes(key));
  if (missingKeys.length > 0) throw new Error(`the query returns no column ${missingKeys.join(', ')} of its unique_key.`);
  const existing = new Set(await columnNames(trx, model.schema, model.name));
  const added = columns.filter((column) => !existing.has(column));
  if (added.length > 0) {
    throw new Error(`the query returns column(s) ${added.join(', ')} that ${model.relation} lacks; rebuild it with --full-refresh (fullRefresh: true).`);
  }
}

/**
 * Null or repeated keys would make the merge keep stale rows or insert duplicates. Also returns the
 * new rows' count and the smallest value of the range column (the filter_column, when in the key) as a literal.
 */
async function checkKeys(trx: Knex.Transaction, model: Model, rangeColumn: string | undefined): Promise<{ rows: number; smallest: string | null }> {
  const keys = model.uniqueKey.map(quoteIdentifier);
  const result = await trx.raw<{ rows: { rows: number; null_keys: number; repeated_keys: number; smallest: string | null }[] }>(
    `select
      count(*)::integer as rows,
      count(*) filter (where ${keys.map((key) => `${key} is null`).join(' or ')})::integer as null_keys,
      (select count(*) from (select from ${newRows} group by ${keys.join(', ')} having count(*) > 1) as repeated)::integer as repeated_keys,
      ${rangeColumn ? `format('%L::%s', min(${rangeColumn}), pg_typeof(min(${rangeColumn})))` : 'null'} as smallest
    from ${newRows}`,
  );
  const counts = result.rows[0] ?? { rows: 0, null_keys: 0, repeated_keys: 0, smallest: null };
  if (counts.null_keys > 0) throw new Error(`${counts.null_keys} new row(s) have a null in the unique_key (${model.uniqueKey.join(', ')}).`);
  if (counts.repeated_keys > 0) {
    throw new Error(`the new rows repeat ${counts.repeated_keys} value(s) of the unique_key (${model.uniqueKey.join(', ')}); the key must identify one row.`);
  }
  return { rows: counts.rows, smallest: counts.smallest };
}
