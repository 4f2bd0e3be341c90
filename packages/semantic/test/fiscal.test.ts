import { mkdtempSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultCubeDir } from '../src/cube-folder.js';
import { programFiscalYearStartMonth } from '../src/program-config.js';

const { fiscalYearStartMonth } = createRequire(import.meta.url)(join(defaultCubeDir(), 'fiscal.js')) as { fiscalYearStartMonth: (env: NodeJS.ProcessEnv) => number };

function configDir(programYml: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'ppm-fiscal-'));
  writeFileSync(join(dir, 'program.yml'), programYml);
  return dir;
}

describe('the fiscal-year start of the data model (cube/fiscal.js)', () => {
  it('prefers PPM_FISCAL_YEAR_START_MONTH, then program.yml, then January', () => {
    const dir = configDir('reporting_currency: USD\nfiscal_year_start_month: 7   # July\n');
    expect(fiscalYearStartMonth({ PPM_FISCAL_YEAR_START_MONTH: '4', PPM_CONFIG_DIR: dir })).toBe(4);
    expect(fiscalYearStartMonth({ PPM_CONFIG_DIR: dir })).toBe(7);
    expect(fiscalYearStartMonth({ PPM_CONFIG_DIR: mkdtempSync(join(tmpdir(), 'ppm-empty-')) })).toBe(1);
  });

  it('agrees with the validated program configuration', () => {
    const dir = configDir('fiscal_year_start_month: 10\n');
    expect(fiscalYearStartMonth({ PPM_CONFIG_DIR: dir })).toBe(programFiscalYearStartMonth({ PPM_CONFIG_DIR: dir }));
  });

  it.each(['0', '13', 'april'])('refuses %s, naming where it came from', (value) => {
    expect(() => fiscalYearStartMonth({ PPM_FISCAL_YEAR_START_MONTH: value })).toThrow(/PPM_FISCAL_YEAR_START_MONTH: fiscal_year_start_month must be a whole number from 1/);
  });
});
