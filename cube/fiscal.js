'use strict';
// The first month of the fiscal year, read when the data model compiles (model/cubes/calendar).
// PPM_FISCAL_YEAR_START_MONTH wins; otherwise `fiscal_year_start_month` of program.yml in
// PPM_CONFIG_DIR (default: the repository's config/ next to this folder); otherwise 1.
const fs = require('fs');
const path = require('path');

function fromProgramConfig(env) {
  const file = path.join(env.PPM_CONFIG_DIR || path.join(__dirname, '..', 'config'), 'program.yml');
  if (!fs.existsSync(file)) return undefined;
  // A top-level scalar; a full YAML parser is not available inside Cube's Docker image.
  const match = /^fiscal_year_start_month:[ \t]*(\S+)[ \t]*(#.*)?$/m.exec(fs.readFileSync(file, 'utf8'));
  return match ? { value: match[1], source: file } : undefined;
}

function fiscalYearStartMonth(env = process.env) {
  const fromEnv = env.PPM_FISCAL_YEAR_START_MONTH;
  const found = fromEnv !== undefined && fromEnv !== '' ? { value: fromEnv, source: 'PPM_FISCAL_YEAR_START_MONTH' } : fromProgramConfig(env);
  if (!found) return 1;
  const month = Number(found.value);
  if (!Number.isInteger(month) || month < 1 || month > 12) {
    throw new Error(`${found.source}: fiscal_year_start_month must be a whole number from 1 (January) to 12, got "${found.value}"`);
  }
  return month;
}

module.exports = { fiscalYearStartMonth };
