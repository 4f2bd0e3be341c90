import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { metricsCatalog, type MetricUnit } from '@ppm/core';
import { defaultCubeDir, loadAccessRules } from '@ppm/semantic';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '../support/database.js';
import { buildSemanticWarehouse, dataEnd, loadRows, startSemanticApi, type SemanticApi } from '../support/semantic.js';

interface Member {
  readonly name: string;
  readonly title?: string;
  readonly shortTitle?: string;
  readonly description?: string;
  readonly type?: string;
  readonly format?: unknown;
  readonly aliasMember?: string;
  readonly meta?: { end_of_period?: boolean };
}

interface CubeMeta {
  readonly name: string;
  readonly type?: string;
  readonly measures: Member[];
  readonly dimensions: Member[];
  readonly segments: Member[];
}

const test = useTestDatabase();
const access = loadAccessRules();
const context = { securityContext: { role: 'program_admin' }, requestId: 'model-lint' };
let api: SemanticApi;
let views: CubeMeta[];

beforeAll(async () => {
  await buildSemanticWarehouse(test, { partners: 60, months: 12, seed: 5 });
  api = await startSemanticApi(test);
  views = (await api.client({ role: 'program_admin' }).meta()).meta.cubes;
});

afterAll(async () => {
  await api?.close();
});

const formatOfUnit: Record<MetricUnit, string> = { currency: 'currency', percent: 'percent', count: 'number', days: 'number', ratio: 'number', flag: 'number' };
const short = (member: Member) => member.name.split('.')[1] ?? '';
/** Cube's meta describes a time format as { type: 'custom-time', value: '%Y-%m-%d' }. */
const timeFormat = (format: unknown) => (typeof format === 'object' && format !== null ? String((format as { value?: unknown }).value) : String(format));
const members = (view: CubeMeta) => [...view.measures, ...view.dimensions, ...view.segments];

describe('model lint: the public surface', () => {
  it('is the views of cube/access.js and nothing else (cubes are not public)', () => {
    expect(views.every((view) => view.type === 'view')).toBe(true);
    expect(views.map((view) => view.name).sort()).toEqual(Object.keys(access.views).sort());
  });

  it('gives every member a title and a description', () => {
    for (const member of views.flatMap(members)) {
      expect(member.shortTitle?.trim(), member.name).toBeTruthy();
      expect(member.description?.trim(), member.name).toBeTruthy();
    }
  });

  it('gives every measure and every numeric and time dimension a format', () => {
    for (const view of views) {
      for (const measure of view.measures) expect(['currency', 'percent', 'number'], measure.name).toContain(measure.format);
      for (const dimension of view.dimensions) {
        if (dimension.type === 'time') expect(timeFormat(dimension.format), dimension.name).toMatch(/^%Y-%m-%d/);
        else if (dimension.type === 'number') expect(dimension.format, dimension.name).toBeTruthy();
        // Cube has no text format: string and boolean dimensions carry none (an "id" format would render them as numbers).
        else expect(dimension.format, dimension.name).toBeUndefined();
      }
    }
  });

  it('names, titles, describes and formats metric measures as docs/metrics.md does', () => {
    let checked = 0;
    for (const measure of views.flatMap((view) => view.measures)) {
      const metric = metricsCatalog.find((candidate) => candidate.name === short(measure));
      if (!metric) continue;
      checked += 1;
      expect(measure.shortTitle, measure.name).toBe(metric.title);
      expect(measure.description?.startsWith(metric.description), `${measure.name}: ${measure.description ?? ''}`).toBe(true);
      expect(measure.format, measure.name).toBe(formatOfUnit[metric.unit]);
    }
    expect(checked).toBeGreaterThan(100);
  });

  it('offers every metric of docs/metrics.md in some view', () => {
    const offered = new Set(views.flatMap((view) => view.measures.map(short)));
    expect(metricsCatalog.map((metric) => metric.name).filter((name) => !offered.has(name))).toEqual([]);
  });

  it('marks end-of-period measures exactly as cube/access.js guards them', () => {
    for (const measure of views.flatMap((view) => view.measures).filter((candidate) => candidate.aliasMember?.startsWith('partner_period_metrics.'))) {
      expect(measure.meta?.end_of_period === true, measure.name).toBe(access.endOfPeriodMeasures.has(short(measure)));
    }
  });

  it('gives every partner-period view the members row security filters on', () => {
    for (const [name, policy] of Object.entries(access.views).filter(([, candidate]) => candidate.grain)) {
      const dimensions = views.find((view) => view.name === name)?.dimensions.map(short) ?? [];
      expect(dimensions, name).toEqual(expect.arrayContaining(['region', 'partner_id', 'period', 'period_grain']));
      expect(policy.adminOnly, name).toBeFalsy();
    }
  });
});

describe('model lint: every SQL runs', () => {
  it('runs every cube with all its members through Cube\'s compiler and orchestrator', async () => {
    const compilerApi = await api.core.getCompilerApi(context);
    const meta = (await compilerApi.metaConfig(context, { requestId: context.requestId })) as unknown as { config: CubeMeta }[];
    const cubes = meta.map((cube) => cube.config).filter((cube) => cube.type !== 'view');
    expect(cubes.length).toBeGreaterThanOrEqual(20);
    const orchestrator = await api.core.getOrchestratorApi(context);
    for (const cube of cubes) {
      const query = {
        measures: cube.measures.map((member) => member.name),
        dimensions: cube.dimensions.filter((member) => member.type !== 'time').map((member) => member.name),
        timeDimensions: cube.dimensions.filter((member) => member.type === 'time').map((member) => ({ dimension: member.name, granularity: 'day' })),
        limit: 1,
        timezone: 'UTC',
      };
      const sql = (await compilerApi.getSql(query as never)) as { sql: [string, unknown[]] };
      await expect(
        orchestrator.executeQuery({ ...sql, query: sql.sql[0], values: sql.sql[1], requestId: context.requestId, context } as never),
        cube.name,
      ).resolves.toBeDefined();
    }
  });

  it('answers every view measure and dimension over the REST API', async () => {
    const admin = api.client({ role: 'program_admin' });
    const month = { dateRange: [`${dataEnd}-01`, `${dataEnd}-30`] as [string, string], granularity: 'month' as const };
    for (const view of views) {
      const period = view.name === 'program_findings' ? [] : [{ dimension: `${view.name}.period`, ...month }];
      for (const measure of view.measures) await expect(loadRows(admin, { measures: [measure.name], timeDimensions: period }), measure.name).resolves.toBeDefined();
      for (const dimension of view.dimensions.filter((member) => member.type !== 'time')) {
        await expect(loadRows(admin, { dimensions: [dimension.name], timeDimensions: period, limit: 5 }), dimension.name).resolves.toBeDefined();
      }
    }
  });
});

/** The SQL of every refresh key in the model files (cubes and pre-aggregations). */
function refreshKeySqls(): string[] {
  const modelDir = join(defaultCubeDir(), 'model');
  const files = readdirSync(modelDir, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.yml'));
  return [...new Set(files.flatMap((file) => [...readFileSync(join(modelDir, file), 'utf8').matchAll(/refresh_key:\s*\n\s*sql: (.+)/g)].map((match) => match[1]!.trim())))];
}

describe('model lint: refresh keys', () => {
  it('reads every refresh key through an index (Cube runs them every minute; a scan of the marts takes seconds at scale)', async () => {
    const keys = refreshKeySqls();
    expect(keys.length).toBeGreaterThanOrEqual(15);
    for (const sql of keys) {
      const plan = await test.db.transaction(async (trx) => {
        await trx.raw('set local enable_seqscan = off');
        const result = await trx.raw<{ rows: { 'QUERY PLAN': string }[] }>(`explain ${sql}`);
        return result.rows.map((row) => row['QUERY PLAN']).join('\n');
      });
      expect(plan, sql).not.toMatch(/Seq Scan/);
    }
  });
});
