import type { ScoringContext } from '../context.js';
import { tierActions } from '../config/schema-outputs.js';
import type { Slice } from '../slice.js';
import type { CriterionCheck, TierRecommendationRow } from '../types.js';
import { tierFactsAt, type TierFacts } from './decide.js';
import type { Criterion, LadderTier, PeriodMeasures } from './ladder.js';

/** The checks of one row: the current tier's retention criteria, then the next tier's entry criteria (whose phrases the reason quotes). */
interface Checked {
  readonly checks: CriterionCheck[];
  readonly retain: readonly Criterion[];
  readonly entry: readonly Criterion[];
}

const noCriteria: readonly Criterion[] = [];

/** Writes the checks of one tier's entry or retention criteria for one row into out[from..). */
function addChecks(out: CriterionCheck[], from: number, measures: PeriodMeasures, index: number, step: LadderTier, kind: 'entry' | 'retain'): void {
  const list = kind === 'entry' ? step.entry : step.retain;
  for (let at = 0; at < list.length; at++) {
    const { read, checks } = list[at]!;
    out[from + at] = checks.check(read(measures, index));
  }
}

function checkRow(measures: PeriodMeasures, index: number, current: LadderTier | undefined, next: LadderTier | undefined): Checked {
  const retain = current?.retain ?? noCriteria;
  const entry = next?.entry ?? noCriteria;
  // Sized up front: the checks of a row are few, and growing the array by pushes cost more than filling it.
  const checks = new Array<CriterionCheck>(retain.length + entry.length);
  if (current) addChecks(checks, 0, measures, index, current, 'retain');
  if (next) addChecks(checks, retain.length, measures, index, next, 'entry');
  return { checks, retain, entry };
}

/** "certified_people 11 >= 10; health_score 68 >= 60" for the checks of one kind that passed (or failed). */
function describe({ checks, retain, entry }: Checked, kind: 'entry' | 'retain', passed: boolean): string {
  const criteria = kind === 'retain' ? retain : entry;
  const first = kind === 'retain' ? 0 : retain.length;
  let text = '';
  for (let at = 0; at < criteria.length; at++) {
    const check = checks[first + at]!;
    if (check.passed !== passed) continue;
    text += (text ? '; ' : '') + criteria[at]!.phrases.phrase(check.value, passed);
  }
  return text;
}

function tierName(context: ScoringContext, at: number): string {
  return context.ladder.tiers[at]?.tier ?? 'unknown';
}

function tenureText(context: ScoringContext, facts: TierFacts, current: string): string {
  return `${facts.tenure} periods in ${current} (minimum ${context.config.tiers.min_tenure_periods})`;
}

function reason(context: ScoringContext, facts: TierFacts, action: string, tier: number, list: Checked): string {
  const needed = context.config.tiers.consecutive_periods;
  const current = tierName(context, facts.current);
  if (action === 'promote') return `promote to ${tierName(context, tier)}: met its entry criteria for ${needed} periods in a row (${describe(list, 'entry', true)}); ${tenureText(context, facts, current)}`;
  if (action === 'demote') return `demote to ${tierName(context, tier)}: below ${current} retention for ${needed} periods in a row (${describe(list, 'retain', false)}); ${tenureText(context, facts, current)}`;
  if (action === 'exit_review') return `exit review: below ${current} retention for ${needed} periods in a row (${describe(list, 'retain', false)}) and no lower tier is retained`;
  if (facts.promote_streak >= needed) return `retain ${current}: qualifies for ${tierName(context, facts.promote_to)} but only ${tenureText(context, facts, current)}`;
  if (facts.demote_streak >= needed) return `retain ${current}: below retention (${describe(list, 'retain', false)}) but only ${tenureText(context, facts, current)}`;
  if (facts.promote_streak > 0) return `retain ${current}: qualifies for ${tierName(context, facts.promote_to)} for ${facts.promote_streak} of ${needed} periods needed`;
  if (facts.demote_streak > 0) return `retain ${current}: below retention for ${facts.demote_streak} of ${needed} periods before a demotion (${describe(list, 'retain', false)})`;
  const missing = describe(list, 'entry', false);
  return `retain ${current}: meets its retention criteria${missing ? `; not yet ${tierName(context, facts.current + 1)} (${missing})` : ''}`;
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
  const checked = facts.current >= 0 ? checkRow(context.measures(period), index, ladder.tiers[facts.current], ladder.tiers[next]) : null;
  return {
    partner_id: row.partner_id,
    period_start: history.periods[period]!,
    config_version: context.configVersion,
    current_tier: row.tier,
    recommended_tier: ladder.tiers[tier]?.tier ?? row.tier,
    action,
    tenure_periods: facts.tenure,
    qualifying_periods: action === 'promote' || facts.promote_streak > 0 ? facts.promote_streak : facts.demote_streak,
    reason: checked ? reason(context, facts, action, tier, checked) : `tier "${row.tier}" is not on the configured ladder (tiers.ladder); no recommendation`,
    criteria: checked?.checks ?? [],
  };
}

export function tierRows(context: ScoringContext, period: number, slice: Slice): TierRecommendationRow[] {
  const rows = new Array<TierRecommendationRow>(slice.to - slice.from);
  for (let index = slice.from; index < slice.to; index++) rows[index - slice.from] = tierRow(context, period, index);
  return rows;
}
