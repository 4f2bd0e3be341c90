import type { Knex } from 'knex';
import { columnNames } from '../catalog.js';
import type { Model } from '../model.js';
import { quoteIdentifier } from '../sql.js';
import { executeWithBody } from '../sql-errors.js';
import type { Build } from './build.js';

const newRows = 'ppm_new_rows';

/**
 * Merges the rendered rows (is_incremental() true) into the existing table by unique key:
 * target rows whose key comes again are deleted, then all new rows inserted, in the model's transaction.
 * Returns how many rows were merged.
 */
export async function mergeIncremental(build: Build): Promise<number> {
  const { trx, model } = build;
  await executeWithBody(trx, `create temporary table ${newRows} on commit drop as`, build.sql);
  const columns = await columnNames(trx, 'pg_temp', newRows);
  await checkColumns(trx, model, columns);
  await checkKeys(trx, model);
  const keyMatch = model.uniqueKey.map((key) => `target.${quoteIdentifier(key)} = new_rows.${quoteIdentifier(key)}`).join('\n      and ');
  await trx.raw(`delete from ${model.relation} as target\n    using ${newRows} as new_rows\n    where ${keyMatch}`);
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

/** Null or repeated keys would make the merge keep stale rows or insert duplicates. */
async function checkKeys(trx: Knex.Transaction, model: Model): Promise<void> {
  const keys = model.uniqueKey.map(quoteIdentifier);
  const result = await trx.raw<{ rows: { null_keys: number; repeated_keys: number }[] }>(
    `select
      count(*) filter (where ${keys.map((key) => `${key} is null`).join(' or ')})::integer as null_keys,
      (count(*) - count(distinct (${keys.join(', ')}, true)))::integer as repeated_keys
    from ${newRows}`,
  );
  const counts = result.rows[0];
  if (counts && counts.null_keys > 0) throw new Error(`${counts.null_keys} new row(s) have a null in the unique_key (${model.uniqueKey.join(', ')}).`);
  if (counts && counts.repeated_keys > 0) {
    throw new Error(`the new rows repeat a unique_key (${model.uniqueKey.join(', ')}) ${counts.repeated_keys} time(s); the key must identify one row.`);
  }
}
