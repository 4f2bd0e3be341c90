import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultCubeDir } from '../src/cube-folder.js';

interface Filter {
  member: string;
  operator: string;
  values: string[];
}
interface Query {
  measures?: string[];
  dimensions?: string[];
  segments?: string[];
  timeDimensions?: { dimension: string; granularity?: string; dateRange?: string[] }[];
  filters?: Filter[];
  order?: [string, string][];
}

const access = createRequire(import.meta.url)(join(defaultCubeDir(), 'access.js')) as {
  accessScope(context: unknown, namespace?: string): unknown;
  apiScopes(context: unknown): string[];
  rewriteQuery(query: Query, context: unknown): Query;
  sqlAuth(verify: (token: string) => unknown): (request: unknown, user: string, password: string | null) => Promise<{ securityContext: unknown }>;
};

const admin = { role: 'program_admin' };
const emea = { role: 'region_manager', regions: ['EMEA'] };
const cam = { role: 'channel_account_manager', partners: ['P1', 'P2'] };
const partner = { role: 'partner', partners: ['P1'] };
const revenue: Query = { measures: ['program_performance.revenue'], dimensions: ['program_performance.tier'] };
const added = (query: Query, context: unknown) => (access.rewriteQuery(query, context).filters ?? []).slice(query.filters?.length ?? 0);

describe('accessScope', () => {
  it.each([
    ['program_admin', admin, { role: 'program_admin' }],
    ['region_manager', { ...emea, sub: 'ana@vendor.example', iat: 1 }, { role: 'region_manager', regions: ['EMEA'] }],
    ['channel_account_manager', cam, { role: 'channel_account_manager', partners: ['P1', 'P2'] }],
    ['partner', partner, { role: 'partner', partners: ['P1'] }],
    ['duplicates collapse', { role: 'region_manager', regions: ['NA', 'NA'] }, { role: 'region_manager', regions: ['NA'] }],
  ])('grants %s its scope', (_name, context, scope) => {
    expect(access.accessScope(context)).toEqual(scope);
  });

  it.each([
    ['no context', undefined, /no valid "role" claim/],
    ['an unknown role', { role: 'admin' }, /no valid "role" claim/],
    ['a region manager without regions', { role: 'region_manager' }, /"regions" claim/],
    ['a region manager with an empty list', { role: 'region_manager', regions: [] }, /"regions" claim/],
    ['regions that are not strings', { role: 'region_manager', regions: [1] }, /"regions" claim/],
    ['a channel account manager without partners', { role: 'channel_account_manager' }, /"partners" claim/],
    ['a partner with two partners', { role: 'partner', partners: ['P1', 'P2'] }, /exactly one partner id/],
  ])('refuses %s', (_name, context, message) => {
    expect(() => access.accessScope(context)).toThrow(message);
  });

  it('reads the claims under a namespace when one is configured', () => {
    expect(access.accessScope({ 'https://ppm.example/claims': emea }, 'https://ppm.example/claims')).toEqual({ role: 'region_manager', regions: ['EMEA'] });
    expect(() => access.accessScope(emea, 'https://ppm.example/claims')).toThrow(/role/);
  });
});

describe('apiScopes', () => {
  it('opens the APIs to a valid scope and nothing to an invalid one', () => {
    expect(access.apiScopes(admin)).toContain('jobs');
    expect(access.apiScopes(emea)).toEqual(['meta', 'data', 'graphql', 'sql']);
    expect(access.apiScopes({ role: 'region_manager' })).toEqual([]);
    expect(access.apiScopes(null)).toEqual([]);
  });
});

describe('rewriteQuery', () => {
  it.each([
    ['program_admin', admin, []],
    ['region_manager', emea, [{ member: 'program_performance.region', operator: 'equals', values: ['EMEA'] }]],
    ['channel_account_manager', cam, [{ member: 'program_performance.partner_id', operator: 'equals', values: ['P1', 'P2'] }]],
    ['partner', partner, [{ member: 'program_performance.partner_id', operator: 'equals', values: ['P1'] }]],
  ])('adds the row filter of a %s', (_name, context, filters) => {
    expect(added(revenue, context)).toEqual([{ member: 'program_performance.period_grain', operator: 'equals', values: ['month'] }, ...filters]);
  });

  it('filters every view a query touches, wherever the member appears', () => {
    const query: Query = {
      measures: ['alerts.alert_count'],
      filters: [{ member: 'alerts.severity', operator: 'equals', values: ['critical'] }],
      order: [['alerts.alert_count', 'desc']],
    };
    expect(added(query, emea)).toContainEqual({ member: 'alerts.region', operator: 'equals', values: ['EMEA'] });
  });

  it('keeps the user\'s own filters (they can only narrow the scope)', () => {
    const query: Query = { ...revenue, filters: [{ member: 'program_performance.region', operator: 'equals', values: ['NA'] }] };
    expect(access.rewriteQuery(query, emea).filters?.[0]).toEqual({ member: 'program_performance.region', operator: 'equals', values: ['NA'] });
  });

  it.each([
    ['month rows by default', revenue, 'month'],
    ['quarter rows for quarterly reports', { ...revenue, timeDimensions: [{ dimension: 'program_performance.period', granularity: 'quarter' }] }, 'quarter'],
    ['quarter rows for yearly reports', { ...revenue, timeDimensions: [{ dimension: 'program_performance.period', granularity: 'year' }] }, 'quarter'],
    ['month rows for weekly reports', { ...revenue, timeDimensions: [{ dimension: 'program_performance.period', granularity: 'week' }] }, 'month'],
  ])('reads %s', (_name, query, grain) => {
    expect(added(query, admin)).toEqual([{ member: 'program_performance.period_grain', operator: 'equals', values: [grain] }]);
  });

  it('keeps an explicit grain and refuses grains that double count', () => {
    const quarter: Query = { ...revenue, filters: [{ member: 'program_performance.period_grain', operator: 'equals', values: ['quarter'] }] };
    expect(added(quarter, admin)).toEqual([]);
    const both: Query = { ...revenue, filters: [{ member: 'program_performance.period_grain', operator: 'equals', values: ['month', 'quarter'] }] };
    expect(() => access.rewriteQuery(both, admin)).toThrow(/counts everything twice/);
    const monthly: Query = { measures: ['alerts.alert_count'], filters: [{ member: 'alerts.period_grain', operator: 'equals', values: ['quarter'] }] };
    expect(() => access.rewriteQuery(monthly, admin)).toThrow(/monthly rows only/);
  });

  describe('end-of-period measures', () => {
    const pipeline = (timeDimensions: Query['timeDimensions'], filters: Filter[] = []): Query => ({ measures: ['pipeline.open_pipeline', 'pipeline.won_amount'], timeDimensions, filters });

    it.each([
      ['grouped by month', pipeline([{ dimension: 'pipeline.period', granularity: 'month' }])],
      ['grouped by day', pipeline([{ dimension: 'pipeline.period', granularity: 'day' }])],
      ['one month', pipeline([{ dimension: 'pipeline.period', dateRange: ['2026-09-01T00:00:00.000', '2026-09-30T23:59:59.999'] }])],
      ['quarter rows by quarter', pipeline([{ dimension: 'pipeline.period', granularity: 'quarter' }])],
      ['one quarter of quarter rows', pipeline([{ dimension: 'pipeline.period', dateRange: ['2026-07-01T00:00:00.000', '2026-09-30T23:59:59.999'] }], [{ member: 'pipeline.period_grain', operator: 'equals', values: ['quarter'] }])],
    ])('are allowed %s', (_name, query) => {
      expect(() => access.rewriteQuery(query, admin)).not.toThrow();
    });

    it.each([
      ['without a period', pipeline([])],
      ['over several months', pipeline([{ dimension: 'pipeline.period', dateRange: ['2026-07-01T00:00:00.000', '2026-09-30T23:59:59.999'] }])],
      ['by year', pipeline([{ dimension: 'pipeline.period', granularity: 'year' }])],
      ['month rows by quarter', pipeline([{ dimension: 'pipeline.period', granularity: 'quarter' }], [{ member: 'pipeline.period_grain', operator: 'equals', values: ['month'] }])],
    ])('are refused %s, with what to do instead', (_name, query) => {
      expect(() => access.rewriteQuery(query, admin)).toThrow(/pipeline.open_pipeline is a value at the end of each (month|quarter): group by pipeline.period/);
    });

    it('leave flows alone', () => {
      expect(() => access.rewriteQuery({ measures: ['pipeline.won_amount'] }, admin)).not.toThrow();
    });
  });

  it('bounds the periods by a date range on the date a fact joins by (same rows, fewer periods read)', () => {
    const query: Query = { measures: ['engagement.event_count'], timeDimensions: [{ dimension: 'engagement.occurred_at', dateRange: ['2026-07-15T00:00:00.000', '2026-09-30T23:59:59.999'] }] };
    expect(added(query, admin)).toContainEqual({ member: 'engagement.period', operator: 'inDateRange', values: ['2026-07-01T00:00:00.000', '2026-09-30T23:59:59.999'] });
    const quarterly: Query = { ...query, filters: [{ member: 'engagement.period_grain', operator: 'equals', values: ['quarter'] }] };
    expect(added(quarterly, admin)).toContainEqual({ member: 'engagement.period', operator: 'inDateRange', values: ['2026-07-01T00:00:00.000', '2026-09-30T23:59:59.999'] });
    const otherZone = { ...query, timezone: 'Europe/Berlin' } as Query;
    expect(added(otherZone, admin).map((filter) => filter.member)).not.toContain('engagement.period');
    const closedAt: Query = { measures: ['pipeline.registered_deals'], timeDimensions: [{ dimension: 'pipeline.closed_at', dateRange: ['2026-07-01T00:00:00.000', '2026-09-30T23:59:59.999'] }] };
    expect(added(closedAt, admin).map((filter) => filter.member)).not.toContain('pipeline.period');
  });

  it.each([
    ['a cube instead of a view', { measures: ['partner_period_metrics.revenue'] }, emea, /not a public view/],
    ['program findings as a region manager', { measures: ['program_findings.finding_count'] }, emea, /program administrators only/],
    ['a query without a valid scope', revenue, { role: 'partner' }, /"partners" claim/],
  ])('refuses %s', (_name, query, context, message) => {
    expect(() => access.rewriteQuery(query as Query, context)).toThrow(message);
  });

  it('lets program administrators read program findings without row filters', () => {
    expect(added({ measures: ['program_findings.finding_count'] }, admin)).toEqual([]);
  });
});

describe('sqlAuth (SQL API: the password is a token)', () => {
  const verify = (token: string) => {
    if (token === 'good') return emea;
    if (token === 'no-claims') return { role: 'region_manager' };
    throw new Error('invalid signature');
  };
  const check = access.sqlAuth(verify);

  it('returns the token\'s claims as security context', async () => {
    await expect(check({}, 'ana', 'good')).resolves.toMatchObject({ password: 'good', securityContext: emea });
  });

  it.each([
    ['no password', null, /token \(ppm token\) as the SQL API password/],
    ['a wrong token', 'forged', /not a valid token: invalid signature/],
    ['a token without claims', 'no-claims', /"regions" claim/],
  ])('refuses %s', async (_name, password, message) => {
    await expect(check({}, 'ana', password)).rejects.toThrow(message);
  });
});
