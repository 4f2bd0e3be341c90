import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseProgramConfig } from '@ppm/core';
import { projectRoot } from '@ppm/runtime';

/**
 * fiscal_year_start_month of program.yml in PPM_CONFIG_DIR (default: the repository's
 * config/), validated by the program configuration schema; 1 when there is no file.
 */
export function programFiscalYearStartMonth(env: NodeJS.ProcessEnv = process.env): number {
  const file = join(env.PPM_CONFIG_DIR ?? join(projectRoot(), 'config'), 'program.yml');
  if (!existsSync(file)) return 1;
  return parseProgramConfig(readFileSync(file, 'utf8'), file).fiscal_year_start_month;
}
