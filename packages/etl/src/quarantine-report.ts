import type { Warehouse } from '@ppm/warehouse';
import type { Knex } from 'knex';

export interface QuarantineFilter {
  readonly source?: string;
  readonly file?: string;
  readonly reason?: string;
  /** Every load's rejected rows; by default only each file's latest successful load (its current state). */
  readonly allLoads?: boolean;
}

export interface QuarantineGroup {
  readonly source: string;
  readonly entity: string;
  readonly file_name: string;
  readonly reason_code: string;
  readonly rows: number;
  readonly first_line: number | null;
  readonly example: string;
}

export interface QuarantinedRow {
  readonly source: string;
  readonly entity: string;
  readonly file_name: string;
  readonly line_number: number | null;
  readonly field: string | null;
  readonly reason_code: string;
  readonly message: string;
  readonly problems: readonly string[];
  readonly raw_row: Readonly<Record<string, unknown>>;
  readonly load_id: string;
}

/** The latest successful batch of each source file: re-loading a file replaces its quarantine. */
function latestLoads(db: Warehouse): Knex.QueryBuilder {
  return db('ops.load_batches')
    .distinctOn('source', 'file_name')
    .select('load_id')
    .where({ status: 'succeeded' })
    .orderBy([{ column: 'source' }, { column: 'file_name' }, { column: 'started_at', order: 'desc' }]);
}

function filtered(db: Warehouse, filter: QuarantineFilter): Knex.QueryBuilder {
  const query = db('ops.quarantine as q');
  if (!filter.allLoads) query.whereIn('q.load_id', latestLoads(db));
  if (filter.source) query.where('q.source', filter.source);
  if (filter.file) query.where('q.file_name', filter.file);
  if (filter.reason) query.where('q.reason_code', filter.reason);
  return query;
}

/** Rejected rows counted by source, file and reason, with the first line and one message as an example. */
export async function quarantineSummary(db: Warehouse, filter: QuarantineFilter = {}): Promise<QuarantineGroup[]> {
  const rows = await filtered(db, filter)
    .select('q.source', 'q.entity', 'q.file_name', 'q.reason_code')
    .select(db.raw('count(*)::integer as rows'), db.raw('min(q.line_number)::integer as first_line'))
    .select(db.raw('(array_agg(q.message order by q.line_number nulls last))[1] as example'))
    .groupBy('q.source', 'q.entity', 'q.file_name', 'q.reason_code')
    .orderBy([{ column: 'q.source' }, { column: 'q.file_name' }, { column: 'rows', order: 'desc' }]);
  return rows as QuarantineGroup[];
}

/** The rejected rows themselves, in file and line order; `limit` undefined for all of them. */
export async function quarantinedRows(db: Warehouse, filter: QuarantineFilter = {}, limit?: number): Promise<QuarantinedRow[]> {
  const query = filtered(db, filter)
    .select('q.source', 'q.entity', 'q.file_name', db.raw('q.line_number::integer as line_number'), 'q.field', 'q.reason_code', 'q.message', 'q.problems', 'q.raw_row', 'q.load_id')
    .orderBy([{ column: 'q.source' }, { column: 'q.file_name' }, { column: 'q.line_number' }]);
  if (limit !== undefined) query.limit(limit);
  return (await query) as QuarantinedRow[];
}
