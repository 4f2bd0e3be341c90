import { mintToken, queryCatalog, refreshPreAggregations, tierRegionReport } from '@ppm/semantic';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '../support/database.js';
import { buildSemanticWarehouse, dataEnd, loadRows, semanticSecret, startSemanticApi, usedPreAggregations, type SemanticApi } from '../support/semantic.js';
import { expectSameRows } from '../support/semantic-compare.js';
import { expectedCatalog } from '../support/semantic-expected.js';

const test = useTestDatabase();
const catalog = queryCatalog(dataEnd);
let api: SemanticApi;

beforeAll(async () => {
  await buildSemanticWarehouse(test);
  api = await startSemanticApi(test);
});

afterAll(async () => {
  await api?.close();
});

async function sqlRows(sql: string): Promise<Record<string, unknown>[]> {
  return (await test.db.raw<{ rows: Record<string, unknown>[] }>(sql)).rows;
}

const preAggregationTables = async () =>
  (await sqlRows("select table_name from information_schema.tables where table_schema = 'pre_aggregations' order by 1")).map((row) => String(row.table_name));

describe('the BI query catalog over HTTP with Cube\'s JavaScript client', () => {
  it('has at least 15 queries, each with an independent SQL query', () => {
    expect(catalog.length).toBeGreaterThanOrEqual(15);
    expect(Object.keys(expectedCatalog).sort()).toEqual(catalog.map((entry) => entry.name).sort());
  });

  it.each(catalog.map((entry) => [entry.name, entry] as const))('%s matches the warehouse number for number', async (name, entry) => {
    const expected = expectedCatalog[name];
    if (!expected) throw new Error(`no expected SQL for ${name}`);
    const rows = await loadRows(api.client({ role: 'program_admin' }), entry.query);
    expectSameRows(rows, await sqlRows(expected.sql), expected.keys, expected.values, name);
  });

  it('answers the queries a rollup should serve from that rollup', async () => {
    const admin = api.client({ role: 'program_admin' });
    for (const entry of catalog.filter((candidate) => candidate.rollup)) {
      expect(await usedPreAggregations(admin, entry.query), entry.name).toContain(entry.rollup);
    }
  });

  it('serves a region manager from the rollup too: the row filter is on a rollup dimension', async () => {
    const entry = catalog.find((candidate) => candidate.name === 'revenue_attainment_by_tier_region');
    const manager = api.client({ role: 'region_manager', regions: ['EMEA'] });
    expect(await usedPreAggregations(manager, entry?.query ?? {})).toContain('partner_period_metrics.by_group_month');
  });
});

describe('the report of docs/bi.md (revenue and attainment by tier and region), as the demo prints it', () => {
  it('reads the quarter rows of the warehouse', async () => {
    const rows = await tierRegionReport(`${api.url}/cubejs-api/v1`, mintToken({ role: 'program_admin' }, { secret: semanticSecret }), '2026-Q3');
    const expected = await sqlRows(`
      select tier, region, sum(revenue)::float8 as revenue, sum(target)::float8 as target, (sum(revenue) / nullif(sum(target), 0))::float8 as attainment
      from marts.partner_period_metrics where period_grain = 'quarter' and period_start = '2026-07-01' group by 1, 2 order by 1, 2`);
    expect(rows.length).toBe(expected.length);
    rows.forEach((row, index) => {
      const want = expected[index] ?? {};
      expect([row.tier, row.region]).toEqual([want.tier, want.region]);
      expect(row.revenue).toBeCloseTo(Number(want.revenue), 2);
      expect(row.attainment).toBeCloseTo(Number(want.attainment), 9);
    });
  });
});

describe('fiscal quarters', () => {
  it('follow fiscal_year_start_month (April: April 2026 opens FY2027-Q1)', async () => {
    const april = await startSemanticApi(test, { fiscalYearStartMonth: 4 });
    try {
      const rows = await loadRows(april.client({ role: 'program_admin' }), {
        measures: ['program_performance.revenue'],
        dimensions: ['program_performance.fiscal_quarter'],
        timeDimensions: [{ dimension: 'program_performance.period', dateRange: ['2025-10-01', '2026-09-30'] }],
      });
      const expected = await sqlRows(`
        select 'FY' || (extract(year from period_start)::int + case when extract(month from period_start) >= 4 then 1 else 0 end)
          || '-Q' || ((extract(month from period_start)::int + 8) % 12 / 3 + 1) as "program_performance.fiscal_quarter",
          sum(revenue) as "program_performance.revenue"
        from marts.partner_period_metrics
        where period_grain = 'month' and period_start between '2025-10-01' and '2026-09-30'
        group by 1`);
      expectSameRows(rows, expected, ['program_performance.fiscal_quarter'], ['program_performance.revenue'], 'fiscal quarters from April');
      expect(rows.map((row) => row['program_performance.fiscal_quarter'])).toContain('FY2027-Q1');
    } finally {
      await april.close();
      delete process.env.PPM_FISCAL_YEAR_START_MONTH;
    }
  });
});

describe('refreshPreAggregations (the pipeline calls it after rebuilding the marts)', () => {
  it('builds the rollups, skips them while the marts are unchanged, rebuilds after they change', async () => {
    const first = await refreshPreAggregations({ databaseUrl: test.url, logger: () => undefined });
    expect(first.preAggregations).toEqual(['partner_period_metrics.by_group_month', 'partner_period_metrics.by_partner_month']);
    const built = await preAggregationTables();
    expect(built.some((table) => table.startsWith('ppm_by_group_month'))).toBe(true);
    expect(built.some((table) => table.startsWith('ppm_by_partner_month'))).toBe(true);

    await refreshPreAggregations({ databaseUrl: test.url, logger: () => undefined });
    expect(await preAggregationTables()).toEqual(built);

    await test.db.raw("update marts.partner_period_metrics set updated_at = now() + interval '1 minute' where period_grain = 'month'");
    await refreshPreAggregations({ databaseUrl: test.url, preAggregations: ['partner_period_metrics.by_group_month'], logger: () => undefined });
    const rebuilt = (await preAggregationTables()).filter((table) => table.startsWith('ppm_by_group_month'));
    expect(rebuilt.some((table) => !built.includes(table))).toBe(true);
  });

  it('leaves every rollup table vacuumed and analyzed (index-only scans need the visibility map)', async () => {
    await refreshPreAggregations({ databaseUrl: test.url, logger: () => undefined });
    const tables = await sqlRows(`
      select relname,
        coalesce(last_vacuum, last_autovacuum) is not null as vacuumed,
        coalesce(last_analyze, last_autoanalyze) is not null as analyzed
      from pg_stat_user_tables
      where schemaname = 'pre_aggregations'`);
    expect(tables.length).toBeGreaterThan(0);
    expect(tables.filter((table) => !table.vacuumed || !table.analyzed)).toEqual([]);
  });

  it('names unknown pre-aggregations', async () => {
    await expect(refreshPreAggregations({ databaseUrl: test.url, preAggregations: ['nope.nothing'], logger: () => undefined })).rejects.toThrow(/Unknown pre-aggregations: nope.nothing/);
  });
});
