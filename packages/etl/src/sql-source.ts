import { entity as entityDefinition } from '@ppm/core';
import pg from 'pg';
import QueryStream from 'pg-query-stream';
import { fieldIndexFor, headerLookup } from './input/columns.js';
import type { RecordSink } from './input/records.js';
import { loadBatch, type BatchResult, type LoadTarget, type ReadFacts } from './load-batch.js';
import { SourceConfigError } from './errors.js';
import type { EntityQuery, PostgresSource } from './sources.js';

function asText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return value.toString();
  return JSON.stringify(value);
}

async function readWatermark(target: LoadTarget, source: string, entity: string): Promise<string | null> {
  const row = await target.db('ops.source_watermarks').where({ source, entity }).first<{ watermark: string } | undefined>('watermark');
  return row?.watermark ?? null;
}

async function saveWatermark(target: LoadTarget, source: string, entity: string, watermark: string): Promise<void> {
  await target.db('ops.source_watermarks')
    .insert({ source, entity, watermark })
    .onConflict(['source', 'entity'])
    .merge({ watermark, updated_at: target.db.fn.now() });
}

/**
 * Streams the rows of one entity query from the stored watermark on (inclusive: rows
 * at the boundary reload unchanged, none are missed) into the sink and
 * returns the highest watermark value read.
 */
async function readQuery(url: string, query: EntityQuery, since: string | null, sink: RecordSink): Promise<ReadFacts & { highest: string | null }> {
  const definition = entityDefinition(query.entity);
  const lookup = headerLookup(definition);
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  await client.connect();
  try {
    const watermark = `"${query.watermark}"`;
    const text = `select * from (${query.query}) as extract ${since === null ? '' : `where extract.${watermark} >= $1`} order by extract.${watermark}`;
    const stream = client.query(new QueryStream(text, since === null ? [] : [since], { batchSize: 5000 }));
    let records = 0;
    let highest: string | null = null;
    for await (const row of stream as AsyncIterable<Record<string, unknown>>) {
      records += 1;
      const values: (string | null)[] = new Array<string | null>(definition.fields.length).fill(null);
      let extra: Record<string, unknown> | null = null;
      for (const [column, value] of Object.entries(row)) {
        const index = fieldIndexFor(lookup, column);
        if (index !== undefined) values[index] = asText(value);
        else if (column !== query.watermark) (extra ??= {})[column] = value;
      }
      highest = asText(row[query.watermark]) ?? highest;
      sink.add(records, values, extra && JSON.stringify(extra), null);
      if (records % 5000 === 0) await sink.drain();
    }
    return { records, highest };
  } catch (error) {
    throw new SourceConfigError(`Source query for ${query.entity} failed: ${(error as Error).message}`);
  } finally {
    await client.end();
  }
}

/** Loads one entity of a SQL source incrementally: rows above the stored watermark, then advances it. */
export async function loadEntityQuery(target: LoadTarget, source: PostgresSource, query: EntityQuery): Promise<BatchResult> {
  const url = process.env[source.url_env];
  if (!url) throw new SourceConfigError(`Source ${source.name}: environment variable ${source.url_env} (its database URL) is not set.`);
  const since = await readWatermark(target, source.name, query.entity);
  let highest: string | null = null;
  const result = await loadBatch(target, entityDefinition(query.entity), `${source.name}:${query.entity}`, async (sink) => {
    const read = await readQuery(url, query, since, sink);
    highest = read.highest;
    return read;
  });
  if (result.status === 'succeeded' && highest !== null) await saveWatermark(target, source.name, query.entity, highest);
  return result;
}
