import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateTemp, type TempRun } from './support/temp-run.js';

const options = { partners: 150, months: 18, seed: 99, end: '2026-03', dirty: true } as const;

function filesOf(dir: string): Map<string, Buffer> {
  const names = ['manifest.json', 'ground_truth.csv', ...readdirSync(join(dir, 'data')).map((name) => `data/${name}`)];
  return new Map(names.sort().map((name) => [name, readFileSync(join(dir, name))]));
}

describe('determinism', () => {
  const runs: TempRun[] = [];

  beforeAll(async () => {
    runs.push(await generateTemp(options), await generateTemp(options), await generateTemp({ ...options, seed: 100 }));
  }, 60_000);
  afterAll(() => Promise.all(runs.map((run) => run.remove())));

  it('writes byte-identical files and manifest for the same options', () => {
    const [first, second] = runs.map((run) => filesOf(run.dir));
    expect([...(second?.keys() ?? [])]).toEqual([...(first?.keys() ?? [])]);
    for (const [name, bytes] of first ?? []) expect({ name, same: bytes.equals(second?.get(name) ?? Buffer.alloc(0)) }).toEqual({ name, same: true });
  });

  it('writes different data for a different seed', () => {
    const [first, , other] = runs.map((run) => filesOf(run.dir));
    const changed = [...(first?.keys() ?? [])].filter((name) => !first?.get(name)?.equals(other?.get(name) ?? Buffer.alloc(0)));
    expect(changed).toContain('manifest.json');
    expect(changed).toContain('ground_truth.csv');
    expect(changed.filter((name) => name.startsWith('data/revenue-2')).length).toBeGreaterThan(0);
  });

  it('records the options and the history window in the manifest', () => {
    const manifest = runs[0]?.manifest;
    expect(manifest).toMatchObject({ seed: 99, partners: 150, months: 18, start_month: '2024-10', end_month: '2026-03', reporting_currency: 'USD', dirty: true });
  });
});
