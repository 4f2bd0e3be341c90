import { once } from 'node:events';
import type { EntityDefinition } from '@ppm/core';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { ParseProblem, RecordSink } from './input/records.js';

export function stagingTable(loadId: string): string {
  return `staging.load_${loadId.replace(/-/g, '')}`;
}

/** Every staged value is text: typing happens in SQL so a bad value becomes a quarantine reason, not a failed COPY. */
export function createStagingSql(entity: EntityDefinition, table: string): string {
  const fields = entity.fields.map((field) => `"${field.name}" text`).join(', ');
  return `create unlogged table ${table} (line_no bigint not null, parse_reason text, parse_message text, ${fields}, extra text)`;
}

const special = /[\\\t\n\r]/;

function escapeCopy(value: string | null): string {
  if (value === null) return '\\N';
  if (!special.test(value)) return value;
  return value.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
}

const flushAt = 1024 * 1024;

/**
 * A RecordSink that streams records into the staging table with COPY FROM STDIN (text
 * format), in ~1 MB writes, honouring the COPY stream's backpressure.
 */
export class StagingWriter implements RecordSink {
  private readonly stream: ReturnType<typeof copyFrom>;
  private readonly done: Promise<void>;
  private buffer: string[] = [];
  private bufferedChars = 0;
  rows = 0;

  constructor(
    client: pg.PoolClient | pg.Client,
    entity: EntityDefinition,
    table: string,
    private readonly signal?: AbortSignal,
  ) {
    const columns = ['line_no', 'parse_reason', 'parse_message', ...entity.fields.map((field) => `"${field.name}"`), 'extra'];
    this.stream = client.query(copyFrom(`copy ${table} (${columns.join(', ')}) from stdin`));
    this.done = new Promise((resolve, reject) => {
      this.stream.on('finish', resolve);
      this.stream.on('error', reject);
    });
    this.done.catch(() => undefined);
  }

  add(line: number, values: readonly (string | null)[], extra: string | null, problem: ParseProblem | null): void {
    let row = `${line}\t${escapeCopy(problem?.reason ?? null)}\t${escapeCopy(problem?.message ?? null)}`;
    for (const value of values) row += `\t${escapeCopy(value)}`;
    row += `\t${escapeCopy(extra)}\n`;
    this.buffer.push(row);
    this.bufferedChars += row.length;
    this.rows += 1;
  }

  async drain(): Promise<void> {
    this.signal?.throwIfAborted();
    if (this.bufferedChars < flushAt) return;
    await this.write();
  }

  private async write(): Promise<void> {
    const chunk = this.buffer.join('');
    this.buffer = [];
    this.bufferedChars = 0;
    if (!this.stream.write(chunk)) await Promise.race([once(this.stream, 'drain'), this.done]);
  }

  /** Sends what is buffered and completes the COPY. */
  async finish(): Promise<void> {
    if (this.bufferedChars > 0) await this.write();
    this.stream.end();
    await this.done;
  }

  abort(error: Error): void {
    this.stream.destroy(error);
  }
}
