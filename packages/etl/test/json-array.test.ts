import { Readable } from 'node:stream';
import { entity } from '@ppm/core';
import { describe, expect, it } from 'vitest';
import { readJsonArray } from '../src/input/json-array.js';

const revenue = entity('revenue');
const lineIdAt = revenue.fields.findIndex((field) => field.name === 'line_id');

/** The records a JSON array text yields, read in chunks of `size` characters. */
async function recordsOf(text: string, size: number): Promise<{ line: number; lineId: string | null; problem: string | null }[]> {
  const chunks: string[] = [];
  for (let at = 0; at < text.length; at += size) chunks.push(text.slice(at, at + size));
  const records: { line: number; lineId: string | null; problem: string | null }[] = [];
  const sink = { add: (line: number, values: readonly (string | null)[], _extra: string | null, problem: { reason: string } | null) => records.push({ line, lineId: values[lineIdAt] ?? null, problem: problem?.reason ?? null }), drain: () => Promise.resolve() };
  await readJsonArray(Readable.from(chunks), revenue, { file: 'revenue.json', nullMarkers: new Set(['']) }, sink);
  return records;
}

const text = '\uFEFF[\n {"line_id": "A", "note": "x, ] } \\" {"},\n\n {"line_id": "B",\n  "tags": [1, {"a": [2]}]}, "scalar",\n{"line_id": "C"}\n]\n';

describe('reading a JSON array of records', () => {
  it.each([1, 2, 3, 7, 64, 1 << 20])('yields each element with the line it starts on, whatever the chunk size (%i)', async (size) => {
    expect(await recordsOf(text, size)).toEqual([
      { line: 2, lineId: 'A', problem: null },
      { line: 4, lineId: 'B', problem: null },
      { line: 5, lineId: null, problem: 'invalid_json' },
      { line: 6, lineId: 'C', problem: null },
    ]);
  });

  it('reads an empty array as no records and refuses text after the array', async () => {
    expect(await recordsOf('[ ]', 1)).toEqual([]);
    await expect(recordsOf('[] []', 4)).rejects.toThrow('revenue.json, line 1: text after the end of the JSON array');
  });
});
