import { tierActions } from '../config/schema-outputs.js';
import type { ScoringContext } from '../context.js';
import type { ColumnAllocator } from '../health/memory.js';
import { rowBack } from '../measures.js';
import { highestRetained, type TierChecks } from './ladder.js';

/**
 * Tier recommendation per row: action (index into tierActions) and recommended ladder index
 * (-1: not on the ladder), with the facts behind it as columns.
 */
export interface TierDecisions {
  readonly action: Uint8Array;
  readonly recommended: Int16Array;
  /** Ladder index of the current tier, -1 when the tier is not on the ladder. */
  readonly current: Int16Array;
  /** Periods in a row, ending now, in the current tier (the period's tenure column, see ScoringContext.tenure). */
  readonly tenure: Uint16Array;
  /** Periods in a row, ending now (at most consecutive_periods), qualifying for a higher tier. */
  readonly promoteStreak: Uint16Array;
  /** The highest tier qualified for in every one of those periods. */
  readonly promoteTo: Int16Array;
  /** Periods in a row, ending now (at most consecutive_periods), below the current tier's retention. */
  readonly demoteStreak: Uint16Array;
  /** Highest lower tier whose retention criteria are met now (-1: none). */
  readonly demoteTo: Int16Array;
}

/** Periods in a row, ending at `period`, qualifying for a tier above `current`; the lowest such tier goes to promoteTo[index]. */
function promoteStreak(context: ScoringContext, recent: readonly TierChecks[], partner: number, period: number, index: number, decisions: TierDecisions): number {
  const current = decisions.current[index]!;
  let streak = 0;
  let to = Infinity;
  for (let back = 0; back < recent.length; back++) {
    const at = rowBack(context.history, partner, period, back);
    const qualified = at < 0 ? -1 : recent[back]!.highestEntry[at]!;
    if (qualified <= current) break;
    streak++;
    to = Math.min(to, qualified);
  }
  decisions.promoteTo[index] = streak > 0 ? to : current;
  return streak;
}

function demoteStreak(context: ScoringContext, recent: readonly TierChecks[], partner: number, period: number, current: number): number {
  let streak = 0;
  for (let back = 0; back < recent.length; back++) {
    const at = rowBack(context.history, partner, period, back);
    if (at < 0 || recent[back]!.retain[current]![at] === 1) break;
    streak++;
  }
  return streak;
}

/** Fills the facts columns of row `index` of a period; `recent` holds the checks of the period and the ones before it that the streaks read. */
function fillFacts(context: ScoringContext, recent: readonly TierChecks[], period: number, index: number, decisions: TierDecisions): void {
  const { history, ladder } = context;
  const partner = history.partnerOf[period]![index]!;
  const current = ladder.index.get(history.rowsByPeriod[period]![index]!.tier) ?? -1;
  decisions.current[index] = current;
  if (current < 0) {
    decisions.promoteTo[index] = current;
    decisions.demoteTo[index] = -1;
    return;
  }
  decisions.promoteStreak[index] = promoteStreak(context, recent, partner, period, index, decisions);
  const demote = demoteStreak(context, recent, partner, period, current);
  decisions.demoteStreak[index] = demote;
  decisions.demoteTo[index] = demote > 0 ? highestRetained(recent[0]!, index, current) : -1;
}

/** Periods in a row, ending at each row of `period`, that the partner has had its current tier. */
export function computeTenure(context: ScoringContext, period: number, allocate: ColumnAllocator): Uint16Array {
  const { history } = context;
  const rows = history.rowsByPeriod[period]!;
  const tenure = allocate.uint16(rows.length);
  if (period === 0) return tenure.fill(1);
  const previous = context.tenure(period - 1);
  const previousRows = history.rowsByPeriod[period - 1]!;
  const rowBefore = history.rowIndex[period - 1]!;
  const partners = history.partnerOf[period]!;
  for (let index = 0; index < rows.length; index++) {
    const before = rowBefore[partners[index]!]!;
    const same = before >= 0 && previousRows[before]!.tier === rows[index]!.tier;
    tenure[index] = same ? Math.min(65535, previous[before]! + 1) : 1;
  }
  return tenure;
}

const promote = tierActions.indexOf('promote');
const retain = tierActions.indexOf('retain');
const demote = tierActions.indexOf('demote');
const exitReview = tierActions.indexOf('exit_review');

/**
 * Hysteresis: promote after consecutive_periods qualifying for a higher tier's entry
 * criteria, demote after as many below the current tier's (lower) retention criteria, and
 * only after min_tenure_periods in the current tier. Below every tier's retention:
 * exit_review. Writes the action and recommended tier of row `index` from its facts columns.
 */
function chooseTier(decisions: TierDecisions, index: number, needed: number, minTenure: number): void {
  const current = decisions.current[index]!;
  const settled = decisions.tenure[index]! >= minTenure;
  const demoteStreak = decisions.demoteStreak[index]!;
  decisions.action[index] = retain;
  decisions.recommended[index] = current;
  if (current < 0) return;
  if (decisions.promoteStreak[index]! >= needed && settled) {
    decisions.action[index] = promote;
    decisions.recommended[index] = decisions.promoteTo[index]!;
  } else if (demoteStreak >= needed && decisions.demoteTo[index]! < 0) decisions.action[index] = exitReview;
  else if (demoteStreak >= needed && settled) {
    decisions.action[index] = demote;
    decisions.recommended[index] = decisions.demoteTo[index]!;
  }
}

/**
 * The tier checks of `period` and of the consecutive_periods - 1 periods before it (those
 * that exist), looked up once per period rather than once per row and period back.
 */
function recentChecks(context: ScoringContext, period: number): TierChecks[] {
  const recent: TierChecks[] = [];
  for (let back = 0; back < context.config.tiers.consecutive_periods && back <= period; back++) recent.push(context.tierChecks(period - back));
  return recent;
}

export function decideTiers(context: ScoringContext, period: number, allocate: ColumnAllocator): TierDecisions {
  const size = context.history.rowsByPeriod[period]?.length ?? 0;
  const { consecutive_periods: needed, min_tenure_periods: minTenure } = context.config.tiers;
  const decisions: TierDecisions = {
    action: allocate.uint8(size),
    recommended: allocate.int16(size),
    current: allocate.int16(size),
    tenure: context.tenure(period),
    promoteStreak: allocate.uint16(size),
    promoteTo: allocate.int16(size),
    demoteStreak: allocate.uint16(size),
    demoteTo: allocate.int16(size),
  };
  const recent = recentChecks(context, period);
  for (let index = 0; index < size; index++) {
    fillFacts(context, recent, period, index, decisions);
    chooseTier(decisions, index, needed, minTenure);
  }
  return decisions;
}
