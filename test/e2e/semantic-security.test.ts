import type { Query } from '@cubejs-client/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '../support/database.js';
import { buildSemanticWarehouse, loadRows, semanticSecret, startSemanticApi, type SemanticApi } from '../support/semantic.js';
import { inOneHour, signHs256, unsigned } from '../support/semantic-tokens.js';

const test = useTestDatabase();
let api: SemanticApi;
let regions: string[];
let partnerIds: string[];

beforeAll(async () => {
  await buildSemanticWarehouse(test, { partners: 120, seed: 21 });
  api = await startSemanticApi(test);
  regions = (await test.db.raw<{ rows: { region: string }[] }>('select distinct region from marts.partner_period_metrics order by 1')).rows.map((row) => row.region);
  partnerIds = (await test.db.raw<{ rows: { partner_id: string }[] }>('select partner_id from marts.partners order by 1')).rows.map((row) => row.partner_id);
});

afterAll(async () => {
  await api?.close();
});

const revenueByRegion = { measures: ['program_performance.revenue'], dimensions: ['program_performance.region'] };

async function status(path: string, token?: string): Promise<{ status: number; body: { error?: string } }> {
  const response = await fetch(`${api.url}/cubejs-api/v1/${path}`, { headers: token === undefined ? {} : { authorization: `Bearer ${token}` } });
  return { status: response.status, body: (await response.json()) as { error?: string } };
}

const load = (query: object, token?: string) => status(`load?query=${encodeURIComponent(JSON.stringify(query))}`, token);

describe('tokens', () => {
  it('refuses a request without a token', async () => {
    expect(await load(revenueByRegion)).toEqual({ status: 403, body: { error: "Authorization header isn't set" } });
    expect((await status('meta')).status).toBe(403);
  });

  it('refuses expired, wrongly signed and unsigned tokens', async () => {
    const claims = { role: 'program_admin' };
    expect((await load(revenueByRegion, signHs256({ ...claims, exp: Math.floor(Date.now() / 1000) - 60 }, semanticSecret))).status).toBe(403);
    expect((await load(revenueByRegion, signHs256({ ...claims, exp: inOneHour() }, 'another-secret-of-the-same-length-123'))).status).toBe(403);
    expect((await load(revenueByRegion, unsigned({ ...claims, exp: inOneHour() }))).status).toBe(403);
    expect((await load(revenueByRegion, 'not-a-jwt')).status).toBe(403);
  });

  it('refuses valid tokens without the claims their role needs, never showing everything', async () => {
    const refused = [{}, { role: 'admin' }, { role: 'region_manager' }, { role: 'region_manager', regions: [] }, { role: 'channel_account_manager', partners: 'P000001' }, { role: 'partner', partners: ['P000001', 'P000002'] }];
    for (const claims of refused) {
      const token = signHs256({ ...claims, exp: inOneHour() }, semanticSecret);
      expect(await load(revenueByRegion, token), JSON.stringify(claims)).toEqual({ status: 403, body: { error: 'API scope is missing: data' } });
      expect((await status('meta', token)).status, JSON.stringify(claims)).toBe(403);
    }
  });

  it('accepts a token signed with the secret', async () => {
    expect((await load(revenueByRegion, signHs256({ role: 'program_admin', exp: inOneHour() }, semanticSecret))).status).toBe(200);
  });
});

/** mulberry32: reproducible random queries. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const measuresByView: Record<string, string[]> = {
  partner_performance: ['revenue', 'target', 'registrations_submitted', 'booked_revenue'],
  program_performance: ['revenue', 'won_amount', 'engagement_events'],
  pipeline: ['registrations_submitted', 'won_amount', 'registered_deals'],
  enablement: ['revenue', 'course_assignments', 'certifications_earned'],
  engagement: ['active_portal_days', 'event_count', 'mdf_allocated'],
  partner_health: ['scored_partners', 'tier_changes'],
  alerts: ['alert_count'],
};

function randomQuery(next: () => number): { view: string; measure: string; query: Query } {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  const view = pick(Object.keys(measuresByView));
  const measure = `${view}.${pick(measuresByView[view] ?? [])}`;
  const from = 1 + Math.floor(next() * 12);
  const months = (month: number) => `${month <= 3 ? 2025 : 2026}-${String(((month + 8) % 12) + 1).padStart(2, '0')}`;
  const dimensions = [`${view}.region`, `${view}.partner_id`, `${view}.tier`].filter(() => next() < 0.6);
  return {
    view,
    measure,
    query: {
      measures: [measure],
      dimensions,
      timeDimensions: [{ dimension: `${view}.period`, dateRange: [`${months(from)}-01`, `${months(Math.min(12, from + Math.floor(next() * 4)))}-28`] }],
    },
  };
}

const total = (rows: Record<string, unknown>[], measure: string) => rows.reduce((sum, row) => sum + Number(row[measure] ?? 0), 0);

describe('row-level security: randomized queries return only rows in scope', () => {
  const scopes = () => [
    { claims: { role: 'region_manager' as const, regions: [regions[0] ?? ''] }, member: 'region', values: [regions[0] ?? ''] },
    { claims: { role: 'region_manager' as const, regions: regions.slice(1, 3) }, member: 'region', values: regions.slice(1, 3) },
    { claims: { role: 'channel_account_manager' as const, partners: partnerIds.slice(10, 16) }, member: 'partner_id', values: partnerIds.slice(10, 16) },
    { claims: { role: 'partner' as const, partners: [partnerIds[3] ?? ''] }, member: 'partner_id', values: [partnerIds[3] ?? ''] },
  ];

  it('for every role, rows are in scope and totals equal the same query with the scope as an explicit filter', async () => {
    const admin = api.client({ role: 'program_admin' });
    const next = random(20261124);
    for (const scope of scopes()) {
      const scoped = api.client(scope.claims);
      let answered = 0;
      for (let index = 0; index < 10; index += 1) {
        const { view, measure, query } = randomQuery(next);
        const label = `${scope.claims.role} ${JSON.stringify(query)}`;
        const rows = await loadRows(scoped, query);
        if (rows.length) answered += 1;
        const member = `${view}.${scope.member}`;
        for (const row of rows) if (member in row) expect(scope.values, label).toContain(row[member]);
        const explicit = await loadRows(admin, { ...query, filters: [{ member, operator: 'equals', values: scope.values }] });
        expect(total(rows, measure), label).toBeCloseTo(total(explicit, measure), 2);
        const everything = await loadRows(admin, query);
        expect(total(rows, measure), label).toBeLessThanOrEqual(total(everything, measure) + 0.01);
      }
      expect(answered, `${scope.claims.role}: queries with rows`).toBeGreaterThanOrEqual(5);
    }
  });

  it('keeps a region manager inside their regions even when they filter another region', async () => {
    const [own, other] = regions;
    const manager = api.client({ role: 'region_manager', regions: [own ?? ''] });
    expect(await loadRows(manager, { ...revenueByRegion, filters: [{ member: 'program_performance.region', operator: 'equals', values: [other ?? ''] }] })).toEqual([]);
    expect((await loadRows(manager, revenueByRegion)).map((row) => row['program_performance.region'])).toEqual([own]);
  });

  it('gives a partner its own scorecard only', async () => {
    const partner = partnerIds[3] ?? '';
    const rows = await loadRows(api.client({ role: 'partner', partners: [partner] }), {
      measures: ['partner_performance.revenue', 'partner_performance.attainment'],
      dimensions: ['partner_performance.partner_id'],
      timeDimensions: [{ dimension: 'partner_performance.period', granularity: 'month', dateRange: ['2026-01-01', '2026-09-30'] }],
    });
    expect(rows.length).toBe(9);
    expect(new Set(rows.map((row) => row['partner_performance.partner_id']))).toEqual(new Set([partner]));
  });

  it('keeps program findings to program administrators', async () => {
    const query = { measures: ['program_findings.finding_count'], dimensions: ['program_findings.dimension_value'] };
    expect((await loadRows(api.client({ role: 'program_admin' }), query)).length).toBeGreaterThan(0);
    const refused = await load(query, signHs256({ role: 'region_manager', regions: ['EMEA'], exp: inOneHour() }, semanticSecret));
    expect(refused).toEqual({ status: 403, body: { error: 'the view program_findings is for program administrators only' } });
  });
});

describe('filter values carrying SQL are treated as values', () => {
  const injections = ["x' OR '1'='1", "'; drop table marts.partners; --", "P000001') or (1=1", '%', "\\'; select pg_sleep(5); --"];

  // The expected counts treat the values literally too (no LIKE wildcards).
  it('matches nothing and harms nothing, for any operator', async () => {
    const admin = api.client({ role: 'program_admin' });
    for (const value of injections) {
      for (const operator of ['equals', 'contains', 'startsWith', 'notEquals'] as const) {
        const rows = await loadRows(admin, { ...revenueByRegion, filters: [{ member: 'program_performance.partner_id', operator, values: [value] }] });
        const expected = await test.db.raw<{ rows: { n: string }[] }>(
          `select count(distinct region) as n from marts.partner_period_metrics where period_grain = 'month' and ${operator === 'notEquals' ? 'partner_id is distinct from ?' : operator === 'equals' ? 'partner_id = ?' : operator === 'contains' ? "strpos(lower(partner_id), lower(?)) > 0" : 'starts_with(lower(partner_id), lower(?))'}`,
          [value],
        );
        expect(rows.length, `${operator} ${value}`).toBe(Number(expected.rows[0]?.n));
      }
    }
    expect((await test.db.raw("select to_regclass('marts.partners') as t")).rows[0].t).toBe('marts.partners');
  });

  it('keeps a partner inside its own rows when its filter carries SQL', async () => {
    const partner = partnerIds[5] ?? '';
    const rows = await loadRows(api.client({ role: 'partner', partners: [partner] }), {
      measures: ['partner_performance.revenue'],
      dimensions: ['partner_performance.partner_id'],
      filters: [{ member: 'partner_performance.partner_id', operator: 'equals', values: [`${partner}' or '1'='1`, partner] }],
    });
    expect(rows.map((row) => row['partner_performance.partner_id'])).toEqual([partner]);
  });

  it('sends the values to PostgreSQL as bound parameters', async () => {
    const token = signHs256({ role: 'program_admin', exp: inOneHour() }, semanticSecret);
    const value = "x' OR '1'='1";
    const query = { ...revenueByRegion, filters: [{ member: 'program_performance.partner_id', operator: 'equals', values: [value] }] };
    const response = await status(`sql?query=${encodeURIComponent(JSON.stringify(query))}`, token);
    const { sql } = response.body as unknown as { sql: { sql: [string, unknown[]] } };
    expect(sql.sql[0]).not.toContain(value);
    expect(sql.sql[1]).toContain(value);
  });
});
