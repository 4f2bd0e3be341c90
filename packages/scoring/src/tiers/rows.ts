import type { ScoringContext } from '../context.js';
import { tierActions } from '../config/schema-outputs.js';
import type { Slice } from '../slice.js';
import { formatAmount, round } from '../format.js';
import type { CriterionCheck, TierRecommendationRow } from '../types.js';
import { tierFactsAt, type TierFacts } from './decide.js';
import type { LadderTier, PeriodMeasures } from './ladder.js';

/** Appends the checks of one tier's entry or retention criteria for one row to `out`. */
function addChecks(out: CriterionCheck[], measures: PeriodMeasures, index: number, step: LadderTier | undefined, kind: 'entry' | 'retain'): void {
  if (!step) return;
  for (const { measure, threshold, read } of kind === 'entry' ? step.entry : step.retain) {
    const value = read(measures, index);
    out.push({ tier: step.tier, kind, measure, value: value === null ? null : round(value, 4), threshold, passed: value !== null && value >= threshold });
  }
}

function shown(value: number | null, measure: string): string {
  if (value === null) return 'missing';
  if (measure.endsWith('revenue')) return formatAmount(value);
  return Number.isInteger(value) ? `${value}` : value.toFixed(2);
}

/** "certified_people 11 >= 10; health_score 68 >= 60" for the checks of one kind that passed (or failed). */
function describe(list: readonly CriterionCheck[], kind: 'entry' | 'retain', passed: boolean): string {
  let text = '';
  for (const check of list) {
    if (check.kind !== kind || check.passed !== passed) continue;
    text += `${text ? '; ' : ''}${check.measure} ${shown(check.value, check.measure)} ${passed ? '>=' : '<'} ${shown(check.threshold, check.measure)}`;
  }
  return text;
}

function reason(context: ScoringContext, facts: TierFacts, action: string, tier: number, list: readonly CriterionCheck[]): string {
  const { consecutive_periods: needed, min_tenure_periods: minTenure } = context.config.tiers;
  const name = (at: number): string => context.ladder.tiers[at]?.tier ?? 'unknown';
  const current = name(facts.current);
  const tenure = (): string => `${facts.tenure} periods in ${current} (minimum ${minTenure})`;
  if (action === 'promote') return `promote to ${name(tier)}: met its entry criteria for ${needed} periods in a row (${describe(list, 'entry', true)}); ${tenure()}`;
  if (action === 'demote') return `demote to ${name(tier)}: below ${current} retention for ${needed} periods in a row (${describe(list, 'retain', false)}); ${tenure()}`;
  if (action === 'exit_review') return `exit review: below ${current} retention for ${needed} periods in a row (${describe(list, 'retain', false)}) and no lower tier is retained`;
  if (facts.promote_streak >= needed) return `retain ${current}: qualifies for ${name(facts.promote_to)} but only ${tenure()}`;
  if (facts.demote_streak >= needed) return `retain ${current}: below retention (${describe(list, 'retain', false)}) but only ${tenure()}`;
  if (facts.promote_streak > 0) return `retain ${current}: qualifies for ${name(facts.promote_to)} for ${facts.promote_streak} of ${needed} periods needed`;
  if (facts.demote_streak > 0) return `retain ${current}: below retention for ${facts.demote_streak} of ${needed} periods before a demotion (${describe(list, 'retain', false)})`;
  const missing = describe(list, 'entry', false);
  return `retain ${current}: meets its retention criteria${missing ? `; not yet ${name(facts.current + 1)} (${missing})` : ''}`;
}

/** The tier_recommendations row of row `index` of a period, with the criteria checked and a reason. */
function tierRow(context: ScoringContext, period: number, index: number): TierRecommendationRow {
  const { history, ladder } = context;
  const row = history.rowsByPeriod[period]![index]!;
  const decisions = context.tiers(period);
  const facts = tierFactsAt(decisions, index);
  const action = tierActions[decisions.action[index]!]!;
  const tier = decisions.recommended[index]!;
  const next = action === 'promote' ? tier : facts.current + 1;
  const criteria: CriterionCheck[] = [];
  if (facts.current >= 0) {
    const measures = context.measures(period);
    addChecks(criteria, measures, index, ladder.tiers[facts.current], 'retain');
    addChecks(criteria, measures, index, ladder.tiers[next], 'entry');
  }
  return {
    partner_id: row.partner_id,
    period_start: history.periods[period]!,
    config_version: context.configVersion,
    current_tier: row.tier,
    recommended_tier: ladder.tiers[tier]?.tier ?? row.tier,
    action,
    tenure_periods: facts.tenure,
    qualifying_periods: action === 'promote' || facts.promote_streak > 0 ? facts.promote_streak : facts.demote_streak,
    reason:
      facts.current < 0
        ? `tier "${row.tier}" is not on the configured ladder (tiers.ladder); no recommendation`
        : reason(context, facts, action, tier, criteria),
    criteria,
  };
}

export function tierRows(context: ScoringContext, period: number, slice: Slice): TierRecommendationRow[] {
  const rows: TierRecommendationRow[] = [];
  for (let index = slice.from; index < slice.to; index++) rows.push(tierRow(context, period, index));
  return rows;
}
