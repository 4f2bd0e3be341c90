import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { alertId, createScorer, scorePeriods, type AlertRow } from '../src/index.js';
import { addMonths, partnerSeries, type RowInput } from './support/rows.js';
import { ruleConfig, sales } from './support/scenarios.js';

const config = ruleConfig();

function alertsOf(month: (index: number) => RowInput, months: number): AlertRow[] {
  const rows = partnerSeries('2026-01-01', months, (index) => ({ days_since_last_commercial_activity: 5, active_portal_days: 5, ...month(index) }));
  return [...scorePeriods(rows, config)].flatMap((period) => period.alerts);
}

const kinds = (alerts: readonly AlertRow[]) => alerts.map((alert) => `${alert.period_start} ${alert.kind} ${alert.direction}`);

describe('alerts', () => {
  it('fires when trailing attainment crosses above 100%, once', () => {
    // Trailing 3-period attainment: 90%, 90%, 90%, 103.3% (crossing), 116.7%, 130%.
    const alerts = alertsOf((index) => sales([0.9, 0.9, 0.9, 1.3, 1.3, 1.3][index]!), 6);
    expect(kinds(alerts.filter((alert) => alert.kind.startsWith('attainment')))).toEqual(['2026-04-01 attainment_above_target up']);
    expect(alerts.find((alert) => alert.kind === 'attainment_above_target')).toMatchObject({ severity: 'info', message: 'Partner 1 moved above target: 3-period attainment 103.3% (was 90.0%)' });
  });

  it('fires when trailing attainment falls below 100%', () => {
    // Trailing: 120%, 120%, 120%, 100% (still at target), 80% (crossing).
    const alerts = alertsOf((index) => sales([1.2, 1.2, 1.2, 0.6, 0.6][index]!), 5);
    expect(kinds(alerts.filter((alert) => alert.kind.startsWith('attainment')))).toEqual(['2026-05-01 attainment_below_target down']);
  });

  it.each([
    ['a drop of 10 points', 10, 1],
    ['a drop of 9 points', 9, 0],
  ])('fires on a health drop of at least min_points: %s', (_, drop, count) => {
    // health = 50 * attainment / 1.5 + 50 * portal days / 10; portal days move the score 5 points each.
    const alerts = alertsOf((index) => ({ ...sales(1), active_portal_days: index === 0 ? 8 : 8 - (2 * drop) / 10 }), 2);
    expect(alerts.filter((alert) => alert.kind === 'health_drop')).toHaveLength(count);
  });

  it('fires when inactivity passes the configured days, not while it stays past them', () => {
    const alerts = alertsOf((index) => ({ ...sales(1), days_since_last_commercial_activity: [30, 65, 80][index]! }), 3);
    expect(kinds(alerts.filter((alert) => alert.kind === 'inactivity'))).toEqual(['2026-02-01 inactivity up']);
  });

  it('fires on a segment change with the severity of the new segment', () => {
    const alerts = alertsOf((index) => ({ ...sales(index < 2 ? 1 : 0.3), active_portal_days: 8 }), 4);
    const change = alerts.find((alert) => alert.kind === 'segment_change')!;
    expect([change.direction, change.severity]).toEqual(['maintain->intervene', 'warning']);
    expect(change.message).toMatch(/^Partner 1 moved from maintain to intervene: 3-period attainment/);
  });

  it('sends the alert to the channel account manager, or to the default owner', () => {
    const owned = alertsOf((index) => sales([0.9, 1.3][index]!), 2);
    const orphan = alertsOf((index) => ({ ...sales([0.9, 1.3][index]!), channel_account_manager: null }), 2);
    expect(owned[0]?.owner).toBe('cam_1');
    expect(orphan[0]?.owner).toBe('partner_program_team');
  });

  it('derives the id from partner, kind, period and direction only', () => {
    const [alert] = alertsOf((index) => sales([0.9, 1.3][index]!), 2);
    expect(alert?.alert_id).toBe(alertId('p1', 'attainment_above_target', '2026-02-01', 'up'));
    expect(alertId('p1', 'attainment_above_target', '2026-02-01', 'down')).not.toBe(alert?.alert_id);
    expect(alert?.alert_id).toMatch(/^alt_[0-9a-f]{32}$/);
  });
});

/**
 * Monthly attainment below 100% for some months, then above for at least the 3-period
 * window: the trailing attainment then crosses 100% exactly once (it only rises while the
 * window holds both kinds of months).
 */
const oneCrossing = fc.record({
  below: fc.array(fc.double({ min: 0.3, max: 0.99, noNaN: true }), { minLength: 1, maxLength: 6 }),
  above: fc.array(fc.double({ min: 1.01, max: 2, noNaN: true }), { minLength: 3, maxLength: 6 }),
});

describe('alert invariants', () => {
  it('fires exactly one attainment alert for a series that crosses once', () => {
    fc.assert(
      fc.property(oneCrossing, ({ below, above }) => {
        const series = [...below, ...above];
        const alerts = alertsOf((index) => sales(series[index]!), series.length);
        expect(alerts.filter((alert) => alert.kind.startsWith('attainment'))).toHaveLength(1);
      }),
      { numRuns: 50 },
    );
  });

  it('fires no attainment alert while attainment stays above target', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 1.01, max: 2, noNaN: true }), { minLength: 2, maxLength: 10 }), (series) => {
        const alerts = alertsOf((index) => sales(series[index]!), series.length);
        expect(alerts.filter((alert) => alert.kind.startsWith('attainment'))).toHaveLength(0);
      }),
      { numRuns: 50 },
    );
  });

  it('gives the same ids when the same period is scored again', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 2, noNaN: true }), { minLength: 2, maxLength: 8 }), (series) => {
        const rows = partnerSeries('2026-01-01', series.length, (index) => ({ ...sales(series[index]!), active_portal_days: 5, days_since_last_commercial_activity: 5 }));
        const period = addMonths('2026-01-01', series.length - 1);
        const first = createScorer(rows, config).scorePeriod(period).alerts.map((alert) => alert.alert_id);
        const again = createScorer(rows, config).scorePeriod(period).alerts.map((alert) => alert.alert_id);
        expect(again).toEqual(first);
      }),
      { numRuns: 30 },
    );
  });
});
