import { entities } from '@ppm/core';
import { describe, expect, it } from 'vitest';
import { GeneratorOptionsError } from '../src/index.js';
import { loadDirectory } from './support/mini-loader.js';
import { generateTemp } from './support/temp-run.js';
import { recomputeTotals } from './support/totals.js';

describe.each([
  { partners: 1, months: 12, dirty: false, end: '2025-01' },
  { partners: 20, months: 12, dirty: true, end: '2026-02' },
  { partners: 30, months: 48, dirty: true, end: '2025-12' },
])('a run of $partners partners over $months months (dirty: $dirty)', (options) => {
  it('writes a manifest a plain reader agrees with', async () => {
    const run = await generateTemp({ ...options, seed: 5 });
    try {
      const warehouse = loadDirectory(run.dir);
      for (const file of run.manifest.files) {
        const read = warehouse.files.find((candidate) => candidate.path.endsWith(file.path));
        expect({ path: file.path, loaded: read?.loaded, quarantine: Object.fromEntries(read?.quarantine ?? []) }).toEqual({
          path: file.path,
          loaded: file.expected_loaded,
          quarantine: file.expected_quarantine,
        });
      }
      const recomputed = recomputeTotals(warehouse);
      for (const entity of entities) expect({ entity: entity.name, ...recomputed[entity.name] }).toEqual({ entity: entity.name, ...run.manifest.entities[entity.name] });
    } finally {
      await run.remove();
    }
  }, 30_000);
});

describe('options', () => {
  it.each([
    [{ partners: 0, months: 24, seed: 1 }, /partners/],
    [{ partners: 10, months: 6, seed: 1 }, /at least 12 months/],
    [{ partners: 10, months: 24, seed: -1 }, /seed/],
    [{ partners: 10, months: 24, seed: 1, end: '2026-13' }, /YYYY-MM/],
    [{ partners: 10, months: 24, seed: 1, dirty: true }, /at least 20 partners/],
    [{ partners: 10, months: 24, seed: 1, end: '2026-06', now: new Date('2026-05-15T00:00:00Z') }, /future/],
  ])('refuses %o with a message naming the fix', async (options, message) => {
    const attempt = generateTemp(options);
    await expect(attempt).rejects.toThrow(GeneratorOptionsError);
    await expect(attempt).rejects.toThrow(message);
  });
});
