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

function intervention(context: ScoringContext, partner: number, period: number): SegmentFacts['intervention'] {
  const span = context.config.segments.exit_review.after_intervention_periods;
  const ceiling = context.config.segments.intervene.max_attainment;
  const start = rowBack(context.history, partner, period, span);
  if (start < 0 || context.segments(period - span).rules[start] !== interveneRule) return null;
  for (let back = 0; back < span; back++) {
    const index = rowBack(context.history, partner, period, back);
    if (index < 0 || !(context.attainment(period - back)[index]! < ceiling)) return null;
  }
  return { since: context.history.periods[period - span]!, attainment_then: finite(context.attainment(period - span)[start]) };
}

export function segmentFacts(context: ScoringContext, period: number, index: number): SegmentFacts {
  const { history, config } = context;
  const row = history.rowsByPeriod[period]![index]!;
  const partner = history.partnerOf[period]![index]!;
  const frame = context.health(period);
  return {
    months_since_onboarding: row.months_since_onboarding,
    days_since_last_commercial_activity: row.days_since_last_commercial_activity,
    periods_without_activity: periodsWithoutActivity(context, partner, period, config.segments.exit_review.inactive_periods),
    trailing_attainment: finite(context.attainment(period)[index]),
    health_score: frame.score[index]!,
    engagement_score: finite(frame.categoryScore[index * categoryCount + engagement]),
    intervention: intervention(context, partner, period),
  };
}
