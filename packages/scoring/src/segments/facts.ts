import type { ScoringContext } from '../context.js';
import { categoryCount } from '../health/combine.js';
import { rowBack } from '../measures.js';
import { interveneRule } from './rules.js';

const engagement = 3;

/** The numbers the segment rules read for one partner in one period. */
export interface SegmentFacts {
  readonly months_since_onboarding: number;
  readonly days_since_last_commercial_activity: number | null;
  /** Periods in a row, ending now, without revenue and without deal registrations. */
  readonly periods_without_activity: number;
  readonly trailing_attainment: number | null;
  readonly health_score: number;
  readonly engagement_score: number | null;
  /** Set when the partner was in intervene `after_intervention_periods` ago and has stayed below the intervene level since. */
  readonly intervention: {
    readonly since: string;
    readonly attainment_then: number | null;
  } | null;
}

function finite(value: number | undefined): number | null {
  return value === undefined || Number.isNaN(value) ? null : value;
}

function periodsWithoutActivity(context: ScoringContext, partner: number, period: number, limit: number): number {
  let count = 0;
  for (let back = 0; back < limit; back++) {
    const index = rowBack(context.history, partner, period, back);
    if (index < 0) break;
    const row = context.history.rowsByPeriod[period - back]![index]!;
    if ((row.revenue ?? 0) > 0 || (row.registrations_submitted ?? 0) > 0) break;
    count++;
  }
  return count;
}

/** Whether the partner was in intervene `after_intervention_periods` ago and has stayed below the intervene level since. */
function hasIntervention(context: ScoringContext, partner: number, period: number): boolean {
  const span = context.config.segments.exit_review.after_intervention_periods;
  const ceiling = context.config.segments.intervene.max_attainment;
  const start = rowBack(context.history, partner, period, span);
  if (start < 0 || context.segments(period - span).rules[start] !== interveneRule) return false;
  for (let back = 0; back < span; back++) {
    const index = rowBack(context.history, partner, period, back);
    if (index < 0 || !(context.attainment(period - back)[index]! < ceiling)) return false;
  }
  return true;
}

function intervention(context: ScoringContext, partner: number, period: number): SegmentFacts['intervention'] {
  const span = context.config.segments.exit_review.after_intervention_periods;
  const start = rowBack(context.history, partner, period, span);
  return { since: context.history.periods[period - span]!, attainment_then: finite(context.attainment(period - span)[start]) };
}

/** The segment rule of every row of a period (index into segmentRules), with the facts that look back over periods. */
export interface SegmentDecisions {
  readonly rules: Uint8Array;
  readonly periodsWithoutActivity: Uint16Array;
  /** 1 when the partner has an intervention (see SegmentFacts.intervention). */
  readonly intervened: Uint8Array;
}

/** Fills the look-back columns of row `index` of `decisions`. */
export function lookBack(context: ScoringContext, period: number, index: number, decisions: SegmentDecisions): void {
  const partner = context.history.partnerOf[period]![index]!;
  decisions.periodsWithoutActivity[index] = periodsWithoutActivity(context, partner, period, context.config.segments.exit_review.inactive_periods);
  decisions.intervened[index] = hasIntervention(context, partner, period) ? 1 : 0;
}

/** The facts of row `index`; `decisions` holds its look-back columns (by default the period's decisions). */
export function segmentFacts(context: ScoringContext, period: number, index: number, decisions: SegmentDecisions = context.segments(period)): SegmentFacts {
  const { history } = context;
  const row = history.rowsByPeriod[period]![index]!;
  const frame = context.scores(period);
  return {
    months_since_onboarding: row.months_since_onboarding,
    days_since_last_commercial_activity: row.days_since_last_commercial_activity,
    periods_without_activity: decisions.periodsWithoutActivity[index]!,
    trailing_attainment: finite(context.attainment(period)[index]),
    health_score: frame.score[index]!,
    engagement_score: finite(frame.categoryScore[index * categoryCount + engagement]),
    intervention: decisions.intervened[index] === 1 ? intervention(context, history.partnerOf[period]![index]!, period) : null,
  };
}
