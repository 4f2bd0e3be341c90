import type { PartnerPeriodMetrics } from '@ppm/core';
import { tierActions, type Severity } from '../config/schema-outputs.js';
import type { ScoringContext } from '../context.js';
import type { Slice } from '../slice.js';
import { formatPercent, round } from '../format.js';
import { alertId } from '../ids.js';
import { segmentOfRule } from '../segments/rules.js';
import type { TierDecisions } from '../tiers/decide.js';
import type { AlertKind, AlertRow, CriterionCheck, JsonObject, SegmentRow, TierRecommendationRow } from '../types.js';

/** The columns of a period and the previous one that the detectors compare, looked up once per slice (not once per row and detector). */
interface PeriodColumns {
  readonly period: number;
  readonly attainment: Float64Array;
  readonly previousAttainment: Float64Array;
  readonly score: Uint8Array;
  readonly previousScore: Uint8Array;
  readonly rules: Uint8Array;
  readonly previousRules: Uint8Array;
  readonly tiers: TierDecisions;
  readonly previousTiers: TierDecisions;
}

/** One row of a period, the same partner's row in the previous period, and its segment and tier rows. */
interface Pair {
  readonly columns: PeriodColumns;
  readonly index: number;
  readonly before: number;
  readonly row: PartnerPeriodMetrics;
  readonly segment: SegmentRow;
  readonly tier: TierRecommendationRow;
}

/** The segments and tier_recommendations rows of the slice the alerts are for (alerts quote them). */
export interface SliceRows {
  readonly segments: readonly SegmentRow[];
  readonly tiers: readonly TierRecommendationRow[];
}

type Draft = { kind: AlertKind; direction: string; severity: Severity; message: string; evidence: JsonObject };

function attainmentCrossing(context: ScoringContext, pair: Pair): Draft | null {
  const { alerts, segments } = context.config;
  const now = pair.columns.attainment[pair.index]!;
  const then = pair.columns.previousAttainment[pair.before]!;
  if (Number.isNaN(now) || Number.isNaN(then)) return null;
  const up = then < alerts.attainment_target && now >= alerts.attainment_target;
  const down = then >= alerts.attainment_target && now < alerts.attainment_target;
  if (!up && !down) return null;
  const kind = up ? 'attainment_above_target' : 'attainment_below_target';
  if (!alerts[kind].enabled) return null;
  return {
    kind,
    direction: up ? 'up' : 'down',
    severity: alerts[kind].severity,
    message: `${pair.row.partner_name} ${up ? 'moved above' : 'fell below'} target: ${segments.attainment_window_periods}-period attainment ${formatPercent(now, 1)} (was ${formatPercent(then, 1)})`,
    evidence: { trailing_attainment: round(now, 4), previous_trailing_attainment: round(then, 4), target: alerts.attainment_target, window_periods: segments.attainment_window_periods },
  };
}

function healthDrop(context: ScoringContext, pair: Pair): Draft | null {
  const settings = context.config.alerts.health_drop;
  const score = pair.columns.score[pair.index]!;
  const then = pair.columns.previousScore[pair.before]!;
  if (!settings.enabled || then - score < settings.min_points) return null;
  const change = context.explainer.change(context.health(pair.columns.period), pair.index, context.health(pair.columns.period - 1), pair.before);
  return {
    kind: 'health_drop',
    direction: 'down',
    severity: settings.severity,
    message: `${pair.row.partner_name} health ${change.text} (${then} to ${score})`,
    evidence: { health_score: score, previous_health_score: then, drop: then - score, min_points: settings.min_points, points: change.points },
  };
}

function inactivity(context: ScoringContext, pair: Pair): Draft | null {
  const settings = context.config.alerts.inactivity;
  const days = pair.row.days_since_last_commercial_activity;
  if (!settings.enabled || days === null || !(days >= settings.days)) return null;
  // Read only now: the previous period's row object is rarely in the cache.
  const then = context.history.rowsByPeriod[pair.columns.period - 1]![pair.before]!.days_since_last_commercial_activity;
  if (then === null || !(then < settings.days)) return null;
  return {
    kind: 'inactivity',
    direction: 'up',
    severity: settings.severity,
    message: `${pair.row.partner_name} has had no commercial activity for ${days} days (alert at ${settings.days})`,
    evidence: { days_since_last_commercial_activity: days, previous_days: then, threshold_days: settings.days },
  };
}

function segmentChange(context: ScoringContext, pair: Pair): Draft | null {
  const settings = context.config.alerts.segment_change;
  const from = segmentOfRule[pair.columns.previousRules[pair.before]!]!;
  const to = segmentOfRule[pair.columns.rules[pair.index]!]!;
  if (!settings.enabled || from === to) return null;
  const row = pair.segment;
  return {
    kind: 'segment_change',
    direction: `${from}->${to}`,
    severity: settings.severity_to[to] ?? settings.severity,
    message: `${pair.row.partner_name} moved from ${from} to ${to}: ${row.reason}`,
    evidence: { from, to, rule: row.rule, segment_evidence: row.evidence },
  };
}

/** A copy of a criterion check for alert evidence (the rows' checks are shared and frozen); named fields copy faster than a spread. */
function copyOf(check: CriterionCheck): JsonObject {
  return { tier: check.tier, kind: check.kind, measure: check.measure, value: check.value, threshold: check.threshold, passed: check.passed };
}

function tierChange(context: ScoringContext, pair: Pair): Draft | null {
  const settings = context.config.alerts.tier_recommendation_change;
  const now = pair.columns.tiers;
  const then = pair.columns.previousTiers;
  const action = tierActions[now.action[pair.index]!]!;
  const same = now.action[pair.index] === then.action[pair.before] && now.recommended[pair.index] === then.recommended[pair.before];
  // Going back to "retain" is the normal end of a recommendation, not news.
  if (!settings.enabled || same || action === 'retain') return null;
  const name = (tier: number): string => context.ladder.tiers[tier]?.tier ?? pair.row.tier;
  const to = `${action}:${name(now.recommended[pair.index]!)}`;
  const from = `${tierActions[then.action[pair.before]!]}:${name(then.recommended[pair.before]!)}`;
  const row = pair.tier;
  return {
    kind: 'tier_recommendation_change',
    direction: `${from}->${to}`,
    severity: settings.severity_to[action] ?? settings.severity,
    message: `${pair.row.partner_name} tier recommendation changed to ${action} ${row.recommended_tier}: ${row.reason}`,
    evidence: { from, to, current_tier: row.current_tier, recommended_tier: row.recommended_tier, criteria: row.criteria.map(copyOf) },
  };
}

function periodColumns(context: ScoringContext, period: number): PeriodColumns {
  return {
    period,
    attainment: context.attainment(period),
    previousAttainment: context.attainment(period - 1),
    score: context.scores(period).score,
    previousScore: context.scores(period - 1).score,
    rules: context.segments(period).rules,
    previousRules: context.segments(period - 1).rules,
    tiers: context.tiers(period),
    previousTiers: context.tiers(period - 1),
  };
}

function addAlert(context: ScoringContext, periodStart: string, row: PartnerPeriodMetrics, draft: Draft | null, alerts: AlertRow[]): void {
  if (!draft) return;
  alerts.push({
    alert_id: alertId(row.partner_id, draft.kind, periodStart, draft.direction),
    partner_id: row.partner_id,
    period_start: periodStart,
    config_version: context.configVersion,
    owner: row.channel_account_manager ?? context.config.alerts.default_owner,
    // Named, not spread: a spread copies the draft's fields by a slow generic path.
    kind: draft.kind,
    direction: draft.direction,
    severity: draft.severity,
    message: draft.message,
    evidence: draft.evidence,
  });
}

/**
 * Alerts of a slice of a period: threshold crossings against the previous period, never
 * repeated while a state persists. `quoted` holds the slice's segment and tier rows.
 */
export function alertRows(context: ScoringContext, period: number, slice: Slice, quoted: SliceRows): AlertRow[] {
  const { history } = context;
  if (period < 1) return [];
  const periodStart = history.periods[period]!;
  const alerts: AlertRow[] = [];
  const rows = history.rowsByPeriod[period]!;
  const previousRows = history.rowIndex[period - 1]!;
  const partners = history.partnerOf[period]!;
  const columns = periodColumns(context, period);
  for (let index = slice.from; index < slice.to; index++) {
    const before = previousRows[partners[index]!]!;
    if (before < 0) continue;
    const row = rows[index]!;
    const pair: Pair = { columns, index, before, row, segment: quoted.segments[index - slice.from]!, tier: quoted.tiers[index - slice.from]! };
    // Called one by one, not from a list of detectors: a call site with five targets inlines none of them.
    addAlert(context, periodStart, row, attainmentCrossing(context, pair), alerts);
    addAlert(context, periodStart, row, healthDrop(context, pair), alerts);
    addAlert(context, periodStart, row, inactivity(context, pair), alerts);
    addAlert(context, periodStart, row, segmentChange(context, pair), alerts);
    addAlert(context, periodStart, row, tierChange(context, pair), alerts);
  }
  return alerts;
}
