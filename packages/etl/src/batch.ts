import type { EntityDefinition, ProgramConfig, QuarantineReason } from '@ppm/core';
import type pg from 'pg';
import { inTransaction } from './connection.js';
import type { EntityValueMaps, ValueFormats } from './sql/value-formats.js';
import { countriesSql, fxCalendarSql, knownPartnersSql, needsCountries, needsFxCalendar, needsKnownPartners } from './sql/support.js';
import { insertNewSql, isEmptySql, lockForMergeSql, updateChangedSql } from './sql/merge.js';
import {
  deactivateMissingPartnersSql,
  incomingPartnersSql,
  lockPartnerHistorySql,
  partnerChangeCountsSql,
  partnerVersionsSql,
  removeCollapsedVersionsSql,
  upsertVersionsSql,
} from './sql/partners.js';
import { quarantineInsertSql } from './sql/quarantine.js';
import { markDuplicatesSql, validatedTableSql } from './sql/validate.js';
import { batchTables } from './staging.js';

export interface MergeContext {
  readonly client: pg.PoolClient;
  readonly entity: EntityDefinition;
  readonly config: ProgramConfig;
  readonly staging: string;
  readonly loadId: string;
  readonly source: string;
  readonly fileName: string;
  /** Date (YYYY-MM-DD) partner rows without effective_from take effect. */
  readonly asOf: string;
  readonly fullSnapshot: boolean;
  readonly formats: ValueFormats;
  readonly valueMaps: EntityValueMaps;
  /** Told when the merge has to wait for another load of the same table. */
  readonly onWait?: (message: string) => void;
}

export interface MergeCounts {
  readonly rowsLoaded: number;
  readonly rowsUpdated: number;
  readonly rowsUnchanged: number;
  readonly rowsQuarantined: number;
  readonly quarantinedByReason: Partial<Record<QuarantineReason, number>>;
}

interface ChangeCounts {
  inserted: string;
  updated: string;
}

/** How long a merge waits for a table lock before it says it is waiting (then it waits on). */
const quietLockWait = '1s';
/** PostgreSQL's error code when lock_timeout runs out. */
const lockNotAvailable = '55P03';

/**
 * Takes a merge's table lock. When another load holds it (a long merge of the same table),
 * says so through onWait after a moment instead of waiting without a word.
 */
async function lockTable(context: MergeContext, lockSql: string, table: string): Promise<void> {
  const { client } = context;
  await client.query('savepoint lock_try');
  await client.query(`set local lock_timeout = '${quietLockWait}'`);
  try {
    await client.query(lockSql);
    await client.query('set local lock_timeout = 0');
    await client.query('release savepoint lock_try');
  } catch (error) {
    if ((error as { code?: string }).code !== lockNotAvailable) throw error;
    await client.query('rollback to savepoint lock_try');
    context.onWait?.(`${context.fileName}: waiting for another load of ${table} to finish its merge`);
    await client.query(lockSql);
  }
}


async function mergePartners(context: MergeContext, validated: string): Promise<ChangeCounts> {
  const { client, asOf, loadId, fileName } = context;
  await lockTable(context, lockPartnerHistorySql, 'core.partner_history');
  await client.query(incomingPartnersSql(validated), [asOf]);
  await client.query(partnerVersionsSql, [loadId, fileName]);
  const counts = (await client.query<ChangeCounts>(partnerChangeCountsSql)).rows[0] as ChangeCounts;
  await client.query(removeCollapsedVersionsSql);
  await client.query(upsertVersionsSql);
  if (context.fullSnapshot) await client.query(deactivateMissingPartnersSql, [asOf, loadId, fileName]);
  return counts;
}

async function mergeRows(context: MergeContext, validated: string): Promise<ChangeCounts> {
  const { client, entity, loadId, fileName } = context;
  await lockTable(context, lockForMergeSql(entity), `core.${entity.name}`);
  const intoEmpty = (await client.query<{ empty: boolean }>(isEmptySql(entity))).rows[0]?.empty ?? false;
  const updated = intoEmpty ? 0 : ((await client.query(updateChangedSql(entity, validated), [loadId, fileName])).rowCount ?? 0);
  const inserted = await client.query(insertNewSql(entity, validated, { intoEmpty }), [loadId, fileName]);
  return { inserted: String(inserted.rowCount ?? 0), updated: String(updated) };
}

async function quarantineCounts(client: pg.PoolClient, validated: string): Promise<{ valid: number; byReason: Partial<Record<QuarantineReason, number>> }> {
  const result = await client.query<{ reason: string | null; rows: string }>(
    `select case when cardinality(problems) > 0 then split_part(problems[1], ':', 1) end as reason, count(*) as rows from ${validated} group by 1`,
  );
  const byReason: Partial<Record<QuarantineReason, number>> = {};
  let valid = 0;
  for (const row of result.rows) {
    if (row.reason === null) valid = Number(row.rows);
    else byReason[row.reason as QuarantineReason] = Number(row.rows);
  }
  return { valid, byReason };
}

/** Two cores or more: let validation use parallel workers even for mid-size batches. */
const parallelSettings = ["set local parallel_setup_cost = 100", "set local parallel_tuple_cost = 0.01", "set local min_parallel_table_scan_size = '1MB'"];

/**
 * Validates the staged rows and merges them in one transaction: quarantine the bad,
 * upsert the good (partners as history), and record the batch's counts (`beforeCommit`),
 * so a batch lands whole or not at all.
 */
export async function validateAndMerge(context: MergeContext, beforeCommit: (counts: MergeCounts) => Promise<void>): Promise<MergeCounts> {
  const { client, entity } = context;
  const tables = batchTables(context.loadId);
  const validation = { entity, config: context.config, formats: context.formats, valueMaps: context.valueMaps, ...tables };
  return inTransaction(client, async () => {
    await client.query("set local timezone = 'UTC'");
    await client.query("set local work_mem = '256MB'");
    for (const setting of parallelSettings) await client.query(setting);
    // The small lookup tables need statistics, or the planner picks nested loops over millions of rows.
    if (needsFxCalendar(entity)) {
      await client.query(fxCalendarSql(context.config, tables.fxCalendar));
      await client.query(`analyze ${tables.fxCalendar}`);
    }
    if (needsKnownPartners(entity)) {
      await client.query(knownPartnersSql(entity, tables.staging, tables.knownPartners));
      await client.query(`analyze ${tables.knownPartners}`);
    }
    if (needsCountries(entity)) {
      await client.query(countriesSql(tables.countries));
      await client.query(`analyze ${tables.countries}`);
    }
    await client.query(validatedTableSql(validation));
    await client.query(markDuplicatesSql(entity, tables.validated));
    const { valid, byReason } = await quarantineCounts(client, tables.validated);
    const rowsQuarantined = Object.values(byReason).reduce((sum, count) => sum + count, 0);
    if (rowsQuarantined > 0) await client.query(quarantineInsertSql({ staging: context.staging, validated: tables.validated, entity, config: context.config, formats: context.formats }), [context.loadId, context.source, entity.name, context.fileName]);
    const changes = entity.name === 'partners' ? await mergePartners(context, tables.validated) : await mergeRows(context, tables.validated);
    const rowsLoaded = Number(changes.inserted);
    const rowsUpdated = Number(changes.updated);
    const counts = { rowsLoaded, rowsUpdated, rowsUnchanged: valid - rowsLoaded - rowsUpdated, rowsQuarantined, quarantinedByReason: byReason };
    await beforeCommit(counts);
    return counts;
  });
}
