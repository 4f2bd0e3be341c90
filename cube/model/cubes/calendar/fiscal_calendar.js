// The fiscal calendar: one row per month with its fiscal year and quarter. Written in
// JavaScript (the only model file that is) because the fiscal-year start is configuration
// (cube/fiscal.js) and YAML model files cannot read it without Cube's native Jinja support.
// A fiscal year is named after the calendar year it ends in: with an April start,
// April 2026 - March 2027 is FY2027.
const { fiscalYearStartMonth } = require('../fiscal.js');

const startMonth = fiscalYearStartMonth();
// Months to add to a date so that its calendar year and quarter are its fiscal ones.
const shift = (13 - startMonth) % 12;
const shifted = `(month_start + interval '${shift} months')`;

cube('fiscal_calendar', {
  sql: `select month::date as month_start from generate_series(date '2000-01-01', date '2099-12-01', interval '1 month') as month`,
  public: false,

  dimensions: {
    month_start: {
      sql: 'month_start',
      type: 'time',
      primaryKey: true,
      title: 'Month',
      description: 'First day of the calendar month.',
      format: '%Y-%m-%d',
    },
    fiscal_year: {
      sql: `extract(year from ${shifted})::int`,
      type: 'number',
      title: 'Fiscal year',
      description: `Fiscal year of the period's last month, named after the calendar year it ends in (the fiscal year starts in month ${startMonth}; program.yml fiscal_year_start_month).`,
      format: 'id',
    },
    fiscal_quarter: {
      sql: `'FY' || extract(year from ${shifted})::int || '-Q' || extract(quarter from ${shifted})::int`,
      type: 'string',
      title: 'Fiscal quarter',
      description: `Fiscal quarter of the period's last month, e.g. FY2027-Q1 (the fiscal year starts in month ${startMonth}).`,
    },
    fiscal_quarter_start: {
      sql: `(date_trunc('quarter', ${shifted}) - interval '${shift} months')::date`,
      type: 'time',
      title: 'Fiscal quarter start',
      description: 'First day of the fiscal quarter, for ordering and filtering by fiscal quarter.',
      format: '%Y-%m-%d',
    },
  },
});
