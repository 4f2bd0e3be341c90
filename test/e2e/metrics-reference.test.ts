import { join } from 'node:path';
import { defaultProgramConfig } from '@ppm/core';
import { filesSourceAt, loadSource } from '@ppm/etl';
import { generateEcosystem } from '@ppm/generator';
import { loadProject, runModels, testModels } from '@ppm/warehouse';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '../support/database.js';
import { tempFolder } from '../support/files.js';
import { compareRows, partnerColumns, programColumns, referenceMetrics, type Mismatch, type ReferenceMetrics } from '../support/reference-metrics/index.js';

/**
 * Property test: for generated ecosystems, every metric of both marts equals an independent
 * TypeScript computation from the raw contract files (test/support/reference-metrics).
 * No stored expected numbers: the seeds only vary the data.
 */
const endMonth = '2026-06';
/**
 * `builds`: the period_end months the models run for, in order. A single build is a full
 * build; several build incrementally month after month, as the monthly pipeline does.
 * 20 months put the history's start in the middle of a quarter.
 */
const cases = [
  { seed: 7, partners: 120, months: 24, builds: [endMonth] },
  { seed: 4242, partners: 150, months: 20, builds: [endMonth] },
  { seed: 90210, partners: 100, months: 21, builds: ['2025-12', '2026-02', '2026-04', endMonth] },
];
const milestones = defaultProgramConfig.onboarding.milestones;
const varsFor = (month: string) => ({ period_end: `${month}-01`, onboarding_milestones: milestones.join(',') });
const vars = varsFor(endMonth);

const describePartnerRow = (row: Record<string, unknown>) => `partner ${String(row.partner_id)} ${String(row.period_grain)} ${String(row.period_start)}`;
const describeProgramRow = (row: Record<string, unknown>) =>
  `program ${String(row.group_by)}=${String(row.group_value)} ${String(row.period_grain)} ${String(row.period_start)}`;

/** The first mismatches, one line each, with the total: readable in a failed assertion. */
const summary = (mismatches: readonly Mismatch[]) => [
  ...mismatches.slice(0, 40).map((mismatch) => mismatch.message),
  ...(mismatches.length > 40 ? [`... and ${mismatches.length - 40} more mismatches`] : []),
];

describe.each(cases)('metrics of a generated ecosystem (seed $seed, $partners partners x $months months, built for $builds) against the reference', ({ seed, partners, months, builds }) => {
  const test = useTestDatabase();
  let reference: ReferenceMetrics;
  let warehouse: { partnerRows: Record<string, unknown>[]; programRows: Record<string, unknown>[] };

  beforeAll(async () => {
    const out = tempFolder(`metrics-reference-${seed}`);
    await generateEcosystem({ partners, months, seed, end: endMonth, out });
    const folder = join(out, 'data');
    const load = await loadSource({ db: test.db, config: defaultProgramConfig, source: 'generated' }, filesSourceAt('generated', folder));
    expect(load.failed).toEqual([]);
    expect(load.quarantinedByReason).toEqual({});
    const project = await loadProject();
    for (const month of builds) {
      const built = await runModels(test.db, project, { vars: varsFor(month) });
      expect(built.filter((result) => result.status !== 'success'), `models built for ${month}`).toEqual([]);
    }
    reference = referenceMetrics(folder, { periodEnd: endMonth, onboardingMilestones: milestones });
    warehouse = {
      partnerRows: (await test.db.raw<{ rows: Record<string, unknown>[] }>('select * from marts.partner_period_metrics')).rows,
      programRows: (await test.db.raw<{ rows: Record<string, unknown>[] }>('select * from marts.program_period_metrics')).rows,
    };
  });

  it('passes every model test', async () => {
    const results = await testModels(test.db, await loadProject(), { vars });
    expect(results.length).toBeGreaterThan(0);
    expect(results.filter((result) => result.status !== 'pass')).toEqual([]);
  });

  it('has the reference value of every metric on every partner row, monthly and quarterly', () => {
    expect(reference.partnerRows.some((row) => row.period_grain === 'quarter')).toBe(true);
    const mismatches = compareRows({ reference: reference.partnerRows, warehouse: warehouse.partnerRows, describe: describePartnerRow, columns: partnerColumns });
    expect(summary(mismatches)).toEqual([]);
  });

  it('has the reference value of every metric on every program, partner type, tier and region row', () => {
    const mismatches = compareRows({ reference: reference.programRows, warehouse: warehouse.programRows, describe: describeProgramRow, columns: programColumns });
    expect(summary(mismatches)).toEqual([]);
  });
});
