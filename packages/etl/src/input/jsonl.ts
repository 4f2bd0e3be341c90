import type { Readable } from 'node:stream';
import type { EntityDefinition } from '@ppm/core';
import { cleanValue, fieldIndexFor, headerLookup } from './columns.js';
import type { ReadOptions, ReadSummary, RecordSink } from './records.js';

function asText(value: unknown): string | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

/** Turns JSON texts of records (JSON Lines, elements of a JSON array) into records; a text that is not a JSON object is kept as invalid_json. */
export class JsonRecordMapper {
  private readonly lookup: Map<string, number>;
  private readonly fieldOfKey = new Map<string, number>();
  records = 0;

  constructor(
    private readonly entity: EntityDefinition,
    private readonly options: ReadOptions,
    private readonly sink: RecordSink,
  ) {
    this.lookup = headerLookup(entity, options.columns);
  }

  private fieldOf(key: string): number {
    let index = this.fieldOfKey.get(key);
    if (index === undefined) {
      index = fieldIndexFor(this.lookup, key) ?? -1;
      this.fieldOfKey.set(key, index);
    }
    return index;
  }

  take(line: number, text: string): void {
    if (text.trim() === '') return;
    this.records += 1;
    const values: (string | null)[] = new Array<string | null>(this.entity.fields.length).fill(null);
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (error) {
      this.sink.add(line, values, JSON.stringify({ _raw: text }), { reason: 'invalid_json', message: `not valid JSON (${(error as Error).message})` });
      return;
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      this.sink.add(line, values, JSON.stringify({ _raw: text }), { reason: 'invalid_json', message: 'a JSON Lines record must be a JSON object' });
      return;
    }
    let extra: Record<string, unknown> | null = null;
    for (const [key, value] of Object.entries(parsed)) {
      const index = this.fieldOf(key);
      if (index >= 0) values[index] = cleanValue(asText(value), this.options.nullMarkers);
      else (extra ??= {})[key] = value;
    }
    this.sink.add(line, values, extra && JSON.stringify(extra), null);
  }
}

/** Streams JSON Lines records into the sink; a line that is not a JSON object is kept as invalid_json. */
export async function readJsonLines(text: Readable, entity: EntityDefinition, options: ReadOptions, sink: RecordSink): Promise<ReadSummary> {
  const mapper = new JsonRecordMapper(entity, options, sink);
  let line = 0;
  let rest = '';
  for await (const chunk of text) {
    const lines = (rest + (chunk as string)).split('\n');
    rest = lines.pop() ?? '';
    for (const entry of lines) mapper.take(++line, entry.endsWith('\r') ? entry.slice(0, -1) : entry);
    await sink.drain();
  }
  if (rest !== '') mapper.take(++line, rest);
  return { records: mapper.records };
}
