import { fileURLToPath } from 'node:url';
import { defaultProgramConfig } from '@ppm/core';
import { filesSourceAt, loadSource } from '@ppm/etl';
import { loadProject, runModels, testModels } from '@ppm/warehouse';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '../support/database.js';
import { compareRows, partnerColumns, programColumns, referenceMetrics } from '../support/reference-metrics/index.js';

/**
 * Hand-built contract files (test/fixtures/metrics-edge) with expected values worked out by
 * hand from docs/metrics.md. The history runs from 2026-01 (first revenue, registration and
 * target) to period_end 2026-06. Partners:
 * - P1 Alpha, EMEA, onboarded 2025-06-01, silver until its gold version of 2026-03-15; monthly
 *   targets of 1000 (Jan-Jul); deals, pipeline, training, a certification, engagement, MDF, a plan.
 * - P2 Beta, NA, registered: a zero target in Jan, none in Feb, a credit note in Mar.
 * - P3 Gamma, APAC, silver, onboarded mid-quarter on 2026-02-15 with quarterly targets.
 * - P4 Delta, EMEA, gold: monthly targets of 100, revenue in EUR, stale pipeline snapshots,
 *   certifications that expire.
 */
const fixture = fileURLToPath(new URL('../fixtures/metrics-edge', import.meta.url));
const vars = { period_end: '2026-06-01', onboarding_milestones: defaultProgramConfig.onboarding.milestones.join(',') };
const test = useTestDatabase();

type Row = Record<string, unknown>;
const partnerRows = new Map<string, Row>();
const programRows = new Map<string, Row>();
const describePartnerRow = (row: Row) => `${String(row.partner_id)} ${String(row.period_grain)} ${String(row.period_start)}`;
const describeProgramRow = (row: Row) => `${String(row.group_by)}=${String(row.group_value)} ${String(row.period_grain)} ${String(row.period_start)}`;

/** Numbers rounded to 10 decimals (SQL numeric vs the exact fractions below); text and null as they are. */
const rounded = (value: unknown): unknown => {
  const number = typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value) ? Number(value) : value;
  return typeof number === 'number' ? Math.round(number * 1e10) / 1e10 : number;
};
const subset = (row: Row | undefined, expected: Row) =>
  row === undefined ? undefined : Object.fromEntries(Object.keys(expected).map((key) => [key, rounded(row[key])]));
const roundedAll = (expected: Row) => Object.fromEntries(Object.entries(expected).map(([key, value]) => [key, rounded(value)]));

function expectPartner(partner: string, grain: 'month' | 'quarter', start: string, expected: Row): void {
  expect(subset(partnerRows.get(`${partner} ${grain} ${start}`), expected), `${partner} ${grain} ${start}`).toEqual(roundedAll(expected));
}

function expectGroup(groupBy: string, value: string, grain: 'month' | 'quarter', start: string, expected: Row): void {
  expect(subset(programRows.get(`${groupBy}=${value} ${grain} ${start}`), expected), `${groupBy}=${value} ${grain} ${start}`).toEqual(roundedAll(expected));
}

beforeAll(async () => {
  const load = await loadSource({ db: test.db, config: defaultProgramConfig, source: 'edge' }, filesSourceAt('edge', fixture));
  expect(load.failed).toEqual([]);
  expect(load.quarantinedByReason).toEqual({});
  const built = await runModels(test.db, await loadProject(), { vars });
  expect(built.filter((result) => result.status !== 'success')).toEqual([]);
  for (const row of (await test.db.raw<{ rows: Row[] }>('select * from marts.partner_period_metrics')).rows) {
    partnerRows.set(describePartnerRow(row), row);
  }
  for (const row of (await test.db.raw<{ rows: Row[] }>('select * from marts.program_period_metrics')).rows) {
    programRows.set(describeProgramRow(row), row);
  }
});

describe('metrics on hand-built edge cases', () => {
  it('builds one row per partner and month from its onboarding month (or the history start), and per quarter', () => {
    const months = (partner: string) => [...partnerRows.values()].filter((row) => row.partner_id === partner && row.period_grain === 'month').map((row) => row.period_start).sort();
    // P1 and P4 joined before the history, which starts in 2026-01; P3 joined on 2026-02-15.
    expect(months('P1')).toEqual(['2026-01-01', '2026-02-01', '2026-03-01', '2026-04-01', '2026-05-01', '2026-06-01']);
    expect(months('P3')).toEqual(['2026-02-01', '2026-03-01', '2026-04-01', '2026-05-01', '2026-06-01']);
    expect(partnerRows.size).toBe(6 + 6 + 5 + 6 + 4 * 2);
  });

  it('leaves attainment null, not 0 or infinity, when the target is zero or missing', () => {
    // P2 January: revenue 500 against a target row of 0; February: no target row at all.
    expectPartner('P2', 'month', '2026-01-01', { revenue: 500, target: 0, attainment: null });
    expectPartner('P2', 'month', '2026-02-01', { revenue: 0, target: 0, attainment: null });
    // March: -200 / 2000.
    expectPartner('P2', 'month', '2026-03-01', { target: 2000, attainment: -0.1 });
  });

  it('gives a month without any activity zero flows, null ratios, and days since activity counted from onboarding', () => {
    // P3 in February, its onboarding month: no revenue, deal, event or enablement yet.
    expectPartner('P3', 'month', '2026-02-01', {
      revenue: 0,
      // 0 / 1000: the target exists, so attainment is a true 0.
      attainment: 0,
      revenue_growth: null,
      registrations_submitted: 0,
      registrations_won: 0,
      won_amount: 0,
      registration_approval_rate: null,
      average_deal_value: null,
      registration_conversion_rate: null,
      registration_velocity_days: null,
      open_pipeline: 0,
      required_training_completion_rate: null,
      certification_depth: null,
      learning_path_progress: null,
      active_portal_days: 0,
      engagement_events: 0,
      communication_response_rate: null,
      mdf_utilization: null,
      has_active_business_plan: 0,
      onboarding_milestones_completed: 0,
      onboarding_completion_rate: 0,
      // 2026-02-28 - onboarded_at 2026-02-15.
      days_since_last_commercial_activity: 13,
    });
    // P2 in February has no activity either, but sold on 2026-01-15: 16 + 28 days.
    expectPartner('P2', 'month', '2026-02-01', { revenue: 0, registrations_submitted: 0, engagement_events: 0, days_since_last_commercial_activity: 44 });
  });

  it('starts a partner onboarded mid-period in its onboarding month, with its full target', () => {
    // The Q1 target of 3000 counts 1000 in February whatever the onboarding day.
    expectPartner('P3', 'month', '2026-02-01', { months_since_onboarding: 0, onboarded_at: '2026-02-15', target: 1000 });
    expectPartner('P3', 'month', '2026-03-01', { months_since_onboarding: 1, revenue: 1500, target: 1000, attainment: 1.5 });
    // The quarter holds the whole Q1 target (no proration for the month before onboarding): 1500 / 3000.
    expectPartner('P3', 'quarter', '2026-01-01', { months_since_onboarding: 1, revenue: 1500, target: 3000, attainment: 0.5 });
  });

  it('spreads a quarterly target evenly over its three months', () => {
    // Q2 target 6000 -> 2000 per month; Q3 target 3000 -> 1000 per month.
    for (const month of ['2026-04-01', '2026-05-01', '2026-06-01']) expectPartner('P3', 'month', month, { target: 2000 });
    expectPartner('P3', 'quarter', '2026-04-01', { target: 6000 });
    // Forward target of February: March 1000 + April 2000 + May 2000; of June: July to September, 3 x 1000.
    expectPartner('P3', 'month', '2026-02-01', { forward_target: 5000 });
    expectPartner('P3', 'month', '2026-06-01', { forward_target: 3000 });
  });

  it('subtracts a credit note and leaves growth null when the prior period had no positive revenue', () => {
    // P2: January 500, February nothing, March a credit note of -200, April 300.
    expectPartner('P2', 'month', '2026-03-01', { revenue: -200, revenue_prior_period: 0, revenue_growth: null });
    expectPartner('P2', 'month', '2026-04-01', { revenue: 300, revenue_prior_period: -200, revenue_growth: null });
    // A credit note is no commercial activity: March still counts from 2026-01-15 (16 + 28 + 31 days).
    expectPartner('P2', 'month', '2026-03-01', { days_since_last_commercial_activity: 75, trailing_12m_revenue: 300 });
    // Q1 500 + 0 - 200 = 300; Q2 300: growth (300 - 300) / 300.
    expectPartner('P2', 'quarter', '2026-01-01', { revenue: 300 });
    expectPartner('P2', 'quarter', '2026-04-01', { revenue: 300, revenue_prior_period: 300, revenue_growth: 0 });
  });

  it('counts no pipeline when the latest snapshot is more than 45 days old, and leaves closed stages out', () => {
    // P4 snapshots: 2026-01-31 (4000 open), 2026-02-13 (3500 open; Closed Lost 900 and lost 50 left out),
    // 2026-04-16 (2500 open; Won 700 left out).
    expectPartner('P4', 'month', '2026-01-01', { open_pipeline: 4000, pipeline_coverage: 4000 / 300 });
    expectPartner('P4', 'month', '2026-02-01', { open_pipeline: 3500 });
    // 2026-03-31 - 2026-02-13 = 46 days: stale.
    expectPartner('P4', 'month', '2026-03-01', { open_pipeline: 0, pipeline_coverage: 0 });
    expectPartner('P4', 'month', '2026-04-01', { open_pipeline: 2500 });
    // 2026-05-31 - 2026-04-16 = 45 days: not older than 45 days, still counts.
    expectPartner('P4', 'month', '2026-05-01', { open_pipeline: 2500 });
    expectPartner('P4', 'month', '2026-06-01', { open_pipeline: 0 });
    // P1 on 2026-03-31: proposal 2000 counts; "Closed Won" 5000 and "won" 100 do not.
    expectPartner('P1', 'month', '2026-03-01', { open_pipeline: 2000 });
  });

  it('drops a certification that expired before the period end, or on it', () => {
    // P4: U-41 professional until 2026-02-15; U-42 foundation for good and associate until 2026-03-31; U-43 expert from 2026-04-01.
    expectPartner('P4', 'month', '2026-01-01', { certified_people: 2, advanced_certified_people: 1, certification_depth: 0.5 });
    expectPartner('P4', 'month', '2026-02-01', { certified_people: 1, advanced_certified_people: 0, certification_depth: 0 });
    expectPartner('P4', 'month', '2026-03-01', { certified_people: 1, advanced_certified_people: 0 });
    expectPartner('P4', 'month', '2026-04-01', { certified_people: 2, advanced_certified_people: 1, certification_depth: 0.5 });
  });

  it('carries the tier in force at each period end, and the tier aggregates follow', () => {
    // P1 turned gold on 2026-03-15.
    expectPartner('P1', 'month', '2026-02-01', { tier: 'silver' });
    expectPartner('P1', 'month', '2026-03-01', { tier: 'gold' });
    expectPartner('P1', 'quarter', '2026-01-01', { tier: 'gold' });
    // February: silver = P1 (1200) + P3 (0); gold = P4 (0). March: silver = P3 (1500); gold = P1 (900) + P4 (0).
    expectGroup('tier', 'silver', 'month', '2026-02-01', { partner_count: 2, revenue: 1200 });
    expectGroup('tier', 'gold', 'month', '2026-02-01', { partner_count: 1, revenue: 0 });
    expectGroup('tier', 'silver', 'month', '2026-03-01', { partner_count: 1, revenue: 1500 });
    expectGroup('tier', 'gold', 'month', '2026-03-01', { partner_count: 2, revenue: 900 });
    // Q1 by the tier at 2026-03-31: gold = P1 3100 + P4 300.
    expectGroup('tier', 'gold', 'quarter', '2026-01-01', { partner_count: 2, revenue: 3400 });
  });

  it('sums flows over a quarter, takes stocks from its last month and recomputes ratios and the median', () => {
    expectPartner('P1', 'quarter', '2026-01-01', {
      period_end: '2026-03-31',
      // 1000 + 1200 + 900 against 3 x 1000.
      revenue: 3100,
      target: 3000,
      attainment: 3100 / 3000,
      // Cohorts: January 3 (all won), February 3 (2 won, 1 lost), March 1 (rejected).
      registrations_submitted: 7,
      registrations_approved: 6,
      registrations_rejected: 1,
      registration_approval_rate: 6 / 7,
      cohort_registrations_won: 5,
      cohort_registrations_closed: 6,
      registration_conversion_rate: 5 / 6,
      // Won by closed_at: 500 (Jan), 700 (Feb), 300 + 1000 + 800 (Mar).
      registrations_won: 5,
      registrations_lost: 1,
      won_amount: 3300,
      average_deal_value: 660,
      // Days to close 10, 12, 30, 40, 50: median 30 (the months' medians 10, 12 and 40 average 20.67).
      registration_velocity_days: 30,
      // Stocks at 2026-03-31: one certified person (not 0 + 1 + 1), the March snapshot, Apr-Jun targets.
      certified_people: 1,
      open_pipeline: 2000,
      forward_target: 3000,
      pipeline_coverage: 2000 / 3000,
      required_trainings_assigned: 2,
      required_trainings_completed: 1,
      required_training_completion_rate: 0.5,
      learning_path_progress: 1,
      // 2 days in January, 2026-02-01 (23:30 at -02:00 on Jan 31) in February, none in March.
      active_portal_days: 3,
      // Communications: sent 2 + 4, answered 1 + 6: 7 / 6 (the months' rates 0.5 and 1.5 average 1).
      communications_sent: 6,
      communications_responded: 7,
      communication_response_rate: 7 / 6,
      engagement_events: 6 + 11,
      // MDF with a period starting 2025-04..2026-03: 1000 + 500 allocated, 400 claimed (missing claimed = 0).
      mdf_allocated_t12m: 1500,
      mdf_claimed_t12m: 400,
      mdf_utilization: 400 / 1500,
      // The plan was created on 2026-02-10: no plan in January, one in February and March.
      has_active_business_plan: 1,
      // agreement_signed, portal_access, first_training_completed (kickoff_call is not configured).
      onboarding_milestones_completed: 3,
      onboarding_completion_rate: 0.75,
      // 2026-03-31 - 2026-03-12 (latest positive revenue line).
      days_since_last_commercial_activity: 19,
      months_since_onboarding: 9,
    });
    expectPartner('P1', 'month', '2026-01-01', { has_active_business_plan: 0, certified_people: 0, registration_velocity_days: 10, communication_response_rate: 0.5 });
    expectPartner('P1', 'month', '2026-03-01', { registration_velocity_days: 40, active_portal_days: 0, communication_response_rate: null });
  });

  it('aggregates ratios as ratios of sums, not averages of partner ratios', () => {
    // EMEA in January: P1 1000 / 1000 and P4 300 / 100 (272.73 EUR x 1.1 = 300.003 -> 300.00):
    // 1300 / 1100, where the average of the attainments would be 2.
    expectPartner('P4', 'month', '2026-01-01', { revenue: 300, attainment: 3 });
    expectGroup('region', 'EMEA', 'month', '2026-01-01', { partner_count: 2, active_partner_count: 2, revenue: 1300, target: 1100, attainment: 1300 / 1100 });
    // The program in January: P1, P2 and P4 (P3 joined in February): 1800 / 1100.
    expectGroup('program', 'all', 'month', '2026-01-01', { partner_count: 3, revenue: 1800, target: 1100, attainment: 1800 / 1100, revenue_share: 1 });
    // Q1 growth of EMEA over Q4 2025 is null: no revenue before the history.
    expectGroup('region', 'EMEA', 'quarter', '2026-01-01', { revenue: 3400, revenue_growth: null, registration_velocity_days: 30 });
    // April: P4's last activity was 2026-01-25, 95 days before 2026-04-30: dormant.
    expectGroup('region', 'EMEA', 'month', '2026-04-01', { dormant_partner_count: 1, partners_with_business_plan: 1, business_plan_participation: 0.5 });
  });

  it('passes every model test', async () => {
    const results = await testModels(test.db, await loadProject(), { vars });
    expect(results.filter((result) => result.status !== 'pass')).toEqual([]);
  });

  it('agrees with the reference computation (test/support/reference-metrics) on every row', () => {
    const reference = referenceMetrics(fixture, { periodEnd: '2026-06', onboardingMilestones: defaultProgramConfig.onboarding.milestones });
    const mismatches = [
      ...compareRows({ reference: reference.partnerRows, warehouse: [...partnerRows.values()], describe: describePartnerRow, columns: partnerColumns }),
      ...compareRows({ reference: reference.programRows, warehouse: [...programRows.values()], describe: describeProgramRow, columns: programColumns }),
    ];
    expect(mismatches.map((mismatch) => mismatch.message)).toEqual([]);
  });
});
