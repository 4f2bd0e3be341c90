import type { PartnerPeriodMetrics } from '@ppm/core';
import type { ScoringContext } from '../context.js';
import { tierActions } from '../config/schema-outputs.js';
import type { Slice } from '../slice.js';
import type { CriterionCheck, TierRecommendationRow } from '../types.js';
import type { TierDecisions } from './decide.js';
import type { Criterion, Ladder, LadderTier, PeriodMeasures } from './ladder.js';
import type { TierReasons } from './reasons.js';

const noCriteria: readonly Criterion[] = [];
const promote = tierActions.indexOf('promote');
const demote = tierActions.indexOf('demote');
const exitReview = tierActions.indexOf('exit_review');

/** What the rows of one period read, looked up once per slice. */
interface TierPeriod {
  readonly rows: readonly PartnerPeriodMetrics[];
  readonly periodStart: string;
  readonly configVersion: string;
  readonly ladder: Ladder;
  readonly reasons: TierReasons;
  readonly needed: number;
  readonly measures: PeriodMeasures;
  readonly decisions: TierDecisions;
}

/** Writes the checks of one list of criteria for one row into out[from..). */
function addChecks(out: CriterionCheck[], from: number, measures: PeriodMeasures, index: number, list: readonly Criterion[]): void {
  for (let at = 0; at < list.length; at++) {
    const { read, checks } = list[at]!;
    out[from + at] = checks.check(read(measures, index));
  }
}

/** "certified_people 11 >= 10; health_score 68 >= 60" for the checks in checks[first..) of `criteria` that passed (or failed). */
function describe(checks: readonly CriterionCheck[], first: number, criteria: readonly Criterion[], passed: boolean): string {
  let text = '';
  for (let at = 0; at < criteria.length; at++) {
    const check = checks[first + at]!;
    if (check.passed !== passed) continue;
    text += (text ? '; ' : '') + criteria[at]!.phrases.phrase(check.value, passed);
  }
  return text;
}

/** The reason of a row on the ladder; checks holds the current tier's retention checks, then the next tier's entry checks. */
function reason(period: TierPeriod, index: number, checks: readonly CriterionCheck[], retain: readonly Criterion[], entry: readonly Criterion[]): string {
  const { decisions, reasons, needed } = period;
  const action = decisions.action[index]!;
  const current = decisions.current[index]!;
  const tenure = decisions.tenure[index]!;
  if (action === promote) return reasons.promote(decisions.recommended[index]!, current, tenure, describe(checks, retain.length, entry, true));
  if (action === demote) return reasons.demote(decisions.recommended[index]!, current, tenure, describe(checks, 0, retain, false));
  if (action === exitReview) return reasons.exitReview(current, describe(checks, 0, retain, false));
  const promoteStreak = decisions.promoteStreak[index]!;
  const demoteStreak = decisions.demoteStreak[index]!;
  if (promoteStreak >= needed) return reasons.qualifiesTooSoon(current, decisions.promoteTo[index]!, tenure);
  if (demoteStreak >= needed) return reasons.belowTooSoon(current, tenure, describe(checks, 0, retain, false));
  if (promoteStreak > 0) return reasons.qualifying(current, decisions.promoteTo[index]!, promoteStreak);
  if (demoteStreak > 0) return reasons.belowRetention(current, demoteStreak, describe(checks, 0, retain, false));
  return reasons.meetsRetention(current, describe(checks, retain.length, entry, false));
}

/** A tier_recommendations row from the period's decision columns. */
function recommendationRow(period: TierPeriod, index: number, row: PartnerPeriodMetrics, recommended: string, reason: string, criteria: readonly CriterionCheck[]): TierRecommendationRow {
  const { decisions } = period;
  const action = decisions.action[index]!;
  const promoteStreak = decisions.promoteStreak[index]!;
  return {
    partner_id: row.partner_id,
    period_start: period.periodStart,
    config_version: period.configVersion,
    current_tier: row.tier,
    recommended_tier: recommended,
    action: tierActions[action]!,
    tenure_periods: decisions.tenure[index]!,
    qualifying_periods: action === promote || promoteStreak > 0 ? promoteStreak : decisions.demoteStreak[index]!,
    reason,
    criteria,
  };
}

/** The tier_recommendations row of a row on the ladder, with the criteria checked and a reason. */
function ladderRow(period: TierPeriod, index: number, row: PartnerPeriodMetrics, current: LadderTier, next: LadderTier | undefined): TierRecommendationRow {
  const retain = current.retain;
  const entry = next?.entry ?? noCriteria;
  // Sized up front: the checks of a row are few, and growing the array by pushes cost more than filling it.
  const checks = new Array<CriterionCheck>(retain.length + entry.length);
  addChecks(checks, 0, period.measures, index, retain);
  addChecks(checks, retain.length, period.measures, index, entry);
  const recommended = period.ladder.tiers[period.decisions.recommended[index]!]?.tier ?? row.tier;
  return recommendationRow(period, index, row, recommended, reason(period, index, checks, retain, entry), checks);
}

/** The row of a partner whose tier is not on the ladder: no recommendation. */
function offLadderRow(period: TierPeriod, index: number, row: PartnerPeriodMetrics): TierRecommendationRow {
  return recommendationRow(period, index, row, row.tier, `tier "${row.tier}" is not on the configured ladder (tiers.ladder); no recommendation`, []);
}

/** The tier_recommendations row of row `index` of a period. */
function tierRow(period: TierPeriod, index: number): TierRecommendationRow {
  const row = period.rows[index]!;
  const { decisions, ladder } = period;
  const current = decisions.current[index]!;
  if (current < 0) return offLadderRow(period, index, row);
  const next = decisions.action[index] === promote ? decisions.recommended[index]! : current + 1;
  return ladderRow(period, index, row, ladder.tiers[current]!, ladder.tiers[next]);
}

export function tierRows(context: ScoringContext, period: number, slice: Slice): TierRecommendationRow[] {
  const { history, ladder } = context;
  const decisions = context.tiers(period);
  const view: TierPeriod = {
    rows: history.rowsByPeriod[period]!,
    periodStart: history.periods[period]!,
    configVersion: context.configVersion,
    ladder,
    reasons: ladder.reasons,
    needed: context.config.tiers.consecutive_periods,
    measures: context.measures(period),
    decisions,
  };
  const rows = new Array<TierRecommendationRow>(slice.to - slice.from);
  for (let index = slice.from; index < slice.to; index++) rows[index - slice.from] = tierRow(view, index);
  return rows;
}
