import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attainmentBands, type Archetype } from '../src/index.js';
import { lastMonths, monthlyCount, monthlyRevenue, monthlyTargets, type MonthlySeries } from './support/attainment.js';
import { engagementOf, type PartnerEngagement } from './support/engagement.js';
import { loadDirectory, type Warehouse } from './support/mini-loader.js';
import { generateTemp, type TempRun } from './support/temp-run.js';

const end = '2026-06';
const months = 36;
const history = lastMonths(end, months);

describe('planted archetypes, recomputed from the files of a dirty run', () => {
  let run: TempRun;
  let warehouse: Warehouse;
  let revenue: MonthlySeries;
  let targets: MonthlySeries;
  const byArchetype = new Map<Archetype, string[]>();

  beforeAll(async () => {
    run = await generateTemp({ partners: 500, months, seed: 2026, end, dirty: true });
    warehouse = loadDirectory(run.dir);
    revenue = monthlyRevenue(warehouse);
    targets = monthlyTargets(warehouse);
    const lines = readFileSync(join(run.dir, 'ground_truth.csv'), 'utf8').trim().split('\n').slice(1);
    for (const line of lines) {
      const [id = '', archetype] = line.split(',');
      byArchetype.set(archetype as Archetype, [...(byArchetype.get(archetype as Archetype) ?? []), id]);
    }
  }, 120_000);
  afterAll(() => run.remove());

  /** Monthly attainment of a partner over the months it has a target. */
  function attainment(partner: string, against = targets): { month: string; value: number }[] {
    return history
      .filter((month) => (against.get(partner)?.get(month) ?? 0) > 0)
      .map((month) => ({ month, value: (revenue.get(partner)?.get(month) ?? 0) / (against.get(partner)?.get(month) ?? 1) }));
  }

  function outside(archetype: Archetype, test: (series: { month: string; value: number }[]) => boolean, against = targets): string[] {
    return (byArchetype.get(archetype) ?? []).filter((partner) => !test(attainment(partner, against)));
  }

  it('writes ground truth for every partner with the planned mix', () => {
    expect(Object.fromEntries([...byArchetype].map(([name, ids]) => [name, ids.length]))).toEqual(run.manifest.facts.archetypes);
    expect(run.manifest.facts.archetypes).toEqual({ star: 50, rising: 60, steady: 200, at_risk: 75, dormant: 65, new: 50 });
  });

  it('keeps stars between 1.25 and 1.6 of target every month', () => {
    const { min, max } = attainmentBands.star;
    expect(outside('star', (series) => series.length > 0 && series.every(({ value }) => value >= min && value <= max))).toEqual([]);
  });

  it('lets rising partners climb to at least 1.15 in each of the last three months', () => {
    expect(outside('rising', (series) => series.length >= 12 && series.slice(-3).every(({ value }) => value >= attainmentBands.risingLastMonths.min) && (series[0]?.value ?? 9) < 0.85)).toEqual([]);
  });

  it('keeps steady partners between 0.88 and 1.02 every month', () => {
    const { min, max } = attainmentBands.steady;
    expect(outside('steady', (series) => series.length > 0 && series.every(({ value }) => value >= min && value <= max))).toEqual([]);
  });

  it('stays inside the bands when quarter targets are converted at each month\'s rate instead', () => {
    const monthByMonth = monthlyTargets(warehouse, true);
    const within = (min: number, max: number) => (series: { value: number }[]) => series.every(({ value }) => value >= min && value <= max);
    expect(outside('star', within(attainmentBands.star.min, attainmentBands.star.max), monthByMonth)).toEqual([]);
    expect(outside('steady', within(attainmentBands.steady.min, attainmentBands.steady.max), monthByMonth)).toEqual([]);
    expect(outside('rising', (series) => series.slice(-3).every(({ value }) => value >= attainmentBands.risingLastMonths.min), monthByMonth)).toEqual([]);
    expect(outside('at_risk', (series) => series.slice(-3).every(({ value }) => value <= attainmentBands.atRiskLastMonths.max), monthByMonth)).toEqual([]);
  });

  it('lets at-risk partners fall from about 1.0 to at most 0.6 in each of the last three months', () => {
    expect(outside('at_risk', (series) => (series[0]?.value ?? 0) > 0.9 && series.slice(-3).every(({ value }) => value <= attainmentBands.atRiskLastMonths.max))).toEqual([]);
  });

  it('silences dormant partners: no revenue and no registrations in the last 4 to 8 months, activity before', () => {
    const registrations = monthlyCount(warehouse, 'deal_registrations', 'registered_at');
    const silentFor = (partner: string) => {
      const active = history.filter((month) => (revenue.get(partner)?.get(month) ?? 0) !== 0 || (registrations.get(partner)?.get(month) ?? 0) > 0);
      const last = active.at(-1);
      return last === undefined ? Infinity : history.length - 1 - history.indexOf(last);
    };
    const { min, max } = attainmentBands.dormantSilentMonths;
    expect((byArchetype.get('dormant') ?? []).filter((partner) => silentFor(partner) < min || silentFor(partner) > max)).toEqual([]);
  });

  it('onboards new partners 1 to 5 months before the end month, everyone else at least 6 months before', () => {
    const onboarded = new Map([...(warehouse.tables.get('partners')?.values() ?? [])].map((row) => [String(row.partner_id), String(row.onboarded_at).slice(0, 7)]));
    const monthsAgo = (partner: string) => history.length - 1 - history.indexOf(onboarded.get(partner) ?? '');
    const isNew = new Set(byArchetype.get('new'));
    const { min, max } = attainmentBands.newOnboardedMonthsAgo;
    expect((byArchetype.get('new') ?? []).filter((partner) => monthsAgo(partner) < min || monthsAgo(partner) > max)).toEqual([]);
    const recent = [...onboarded.keys()].filter((partner) => !isNew.has(partner) && history.includes(onboarded.get(partner) ?? '') && monthsAgo(partner) < 6);
    expect(recent).toEqual([]);
  });

  it('gives stars and at-risk partners positive engagement, dormant partners little', () => {
    const engagement = engagementOf(warehouse, history.slice(-3), '2026-06-30');
    const mean = (archetype: Archetype, metric: keyof PartnerEngagement) => {
      const ids = byArchetype.get(archetype) ?? [];
      return ids.reduce((sum, id) => sum + Number(engagement.get(id)?.[metric] ?? 0), 0) / Math.max(1, ids.length);
    };
    const table = Object.fromEntries(
      (['star', 'rising', 'steady', 'at_risk', 'dormant', 'new'] as const).map((archetype) => [
        archetype,
        Object.fromEntries((['portalDaysPerMonth', 'responseRate', 'requiredCompletion', 'advancedCertifiedPeople', 'activePlan', 'mdfUtilization', 'wonRegistrations'] as const).map((metric) => [metric, Number(mean(archetype, metric).toFixed(2))])),
      ]),
    );
    console.table(table);
    for (const metric of ['portalDaysPerMonth', 'responseRate'] as const) {
      expect(mean('star', metric)).toBeGreaterThan(mean('steady', metric));
      expect(mean('at_risk', metric)).toBeGreaterThan(mean('steady', metric));
      expect(mean('steady', metric)).toBeGreaterThan(mean('dormant', metric));
    }
    expect(mean('at_risk', 'requiredCompletion')).toBeGreaterThan(0.85);
    expect((byArchetype.get('star') ?? []).filter((id) => {
      const facts = engagement.get(id);
      return !facts || facts.requiredCompletion < 1 || facts.advancedCertifiedPeople < 2 || !facts.activePlan || facts.mdfUtilization < 0.7 && facts.mdfUtilization > 0;
    })).toEqual([]);
    expect(mean('star', 'wonRegistrations')).toBeGreaterThan(2 * mean('steady', 'wonRegistrations'));
  });
});
