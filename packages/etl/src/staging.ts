import { once } from 'node:events';
import type { EntityDefinition } from '@ppm/core';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { ParseProblem, RecordSink } from './input/records.js';

export function stagingTable(loadId: string): string {
  return `staging.load_${loadId.replace(/-/g, '')}`;
}

/** The work tables of a batch: staged text, validated rows, FX calendar, known partners. */
export function batchTables(loadId: string) {
  const staging = stagingTable(loadId);
  return { staging, validated: `${staging}_validated`, fxCalendar: `${staging}_fx`, knownPartners: `${staging}_partners`, countries: `${staging}_countries` };
}

export function dropBatchTablesSql(loadId: string): string {
  return `drop table if exists ${Object.values(batchTables(loadId)).join(', ')}`;
}

/** A batch's work tables live minutes at most: autovacuum on them would only take CPU from the load and hold up their drop. */
export const workTableStorage = 'with (autovacuum_enabled = false)';

/** Every staged value is text: typing happens in SQL so a bad value becomes a quarantine reason, not a failed COPY. */
export function createStagingSql(entity: EntityDefinition, table: string): string {
  const fields = entity.fields.map((field) => `"${field.name}" text`).join(', ');
  return `create unlogged table ${table} (line_no bigint not null, parse_reason text, parse_message text, ${fields}, extra text) ${workTableStorage}`;
}

const special = /[\\\t\n\r]/;

function escapeCopy(value: string): string {
  if (!special.test(value)) return value;
  return value.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
}

const chunkBytes = 4 * 1024 * 1024;
const TAB = 0x09;
const NEWLINE = 0x0a;
const CARRIAGE_RETURN = 0x0d;
const BACKSLASH = 0x5c;

/** An upper bound of a row's encoded size: UTF-8 takes at most 3 bytes per UTF-16 unit, escaping doubles. */
function maxRowBytes(values: readonly (string | null)[], extra: string | null, problem: ParseProblem | null): number {
  let units = 32 + (extra?.length ?? 0) + (problem ? problem.reason.length + problem.message.length : 0);
  for (const value of values) units += (value?.length ?? 0) + 3;
  return units * 6;
}

/**
 * A RecordSink that streams records into the staging table with COPY FROM STDIN (text
 * format). Rows are encoded straight into 4 MB byte chunks (no per-row strings for the
 * garbage collector), and the COPY stream's backpressure is honoured.
 */
export class StagingWriter implements RecordSink {
  private readonly stream: ReturnType<typeof copyFrom>;
  private readonly done: Promise<void>;
  private chunk = Buffer.allocUnsafe(chunkBytes);
  private used = 0;
  rows = 0;

  constructor(
    client: pg.PoolClient | pg.Client,
    entity: EntityDefinition,
    table: string,
    private readonly signal?: AbortSignal,
  ) {
    const columns = ['line_no', 'parse_reason', 'parse_message', ...entity.fields.map((field) => `"${field.name}"`), 'extra'];
    // A deep write buffer lets parsing (here) and COPY (in PostgreSQL) overlap on two cores.
    this.stream = client.query(copyFrom(`copy ${table} (${columns.join(', ')}) from stdin`, { highWaterMark: 4 * chunkBytes }));
    this.done = new Promise((resolve, reject) => {
      this.stream.on('finish', resolve);
      this.stream.on('error', reject);
    });
    this.done.catch(() => undefined);
  }

  private put(value: string | null, separator: number): void {
    if (value === null) {
      this.chunk[this.used++] = BACKSLASH;
      this.chunk[this.used++] = 0x4e;
    } else if (value.length > 0 && !this.putPlainAscii(value)) {
      this.used += this.chunk.write(escapeCopy(value), this.used, 'utf8');
    }
    this.chunk[this.used++] = separator;
  }

  /**
   * Copies a value that is ASCII without COPY's special characters byte by byte; a
   * native write per short value costs several times more. False (nothing written) otherwise.
   */
  private putPlainAscii(value: string): boolean {
    const start = this.used;
    for (let index = 0; index < value.length; index++) {
      const code = value.charCodeAt(index);
      if (code >= 0x80 || code === BACKSLASH || code === TAB || code === NEWLINE || code === CARRIAGE_RETURN) {
        this.used = start;
        return false;
      }
      this.chunk[this.used++] = code;
    }
    return true;
  }

  add(line: number, values: readonly (string | null)[], extra: string | null, problem: ParseProblem | null): void {
    const needed = maxRowBytes(values, extra, problem);
    if (needed > chunkBytes - this.used) this.flush();
    if (needed > chunkBytes) this.chunk = Buffer.allocUnsafe(needed);
    this.put(String(line), TAB);
    this.put(problem?.reason ?? null, TAB);
    this.put(problem?.message ?? null, TAB);
    for (const value of values) this.put(value, TAB);
    this.put(extra, NEWLINE);
    this.rows += 1;
  }

  private flush(): void {
    if (this.used === 0) return;
    this.stream.write(this.chunk.subarray(0, this.used));
    this.chunk = Buffer.allocUnsafe(chunkBytes);
    this.used = 0;
  }

  async drain(): Promise<void> {
    this.signal?.throwIfAborted();
    if (this.stream.writableNeedDrain) await Promise.race([once(this.stream, 'drain'), this.done]);
  }

  /** Sends what is buffered and completes the COPY. */
  async finish(): Promise<void> {
    this.flush();
    this.stream.end();
    await this.done;
  }

  abort(error: Error): void {
    this.stream.destroy(error);
  }
}
