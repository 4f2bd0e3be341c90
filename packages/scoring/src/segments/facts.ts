import type { PartnerPeriodMetrics } from '@ppm/core';
import type { ScoringContext } from '../context.js';
import { categoryCount } from '../health/combine.js';
import { rowBack } from '../measures.js';
import { interveneRule } from './rules.js';

const engagement = 3;

/** The segment rule of every row of a period (index into segmentRules), with the facts that look back over periods. */
export interface SegmentDecisions {
  readonly rules: Uint8Array;
  /** Periods in a row, ending now, without revenue and without deal registrations. */
  readonly periodsWithoutActivity: Uint16Array;
  /** 1 when the partner has an intervention (see Intervention). */
  readonly intervened: Uint8Array;
}

/**
 * The numbers the segment rules read in one period, as columns looked up once per period or
 * slice: building a facts object per row cost more than the rules that read it.
 */
export interface SegmentColumns {
  readonly rows: readonly PartnerPeriodMetrics[];
  /** Trailing attainment; NaN without target. */
  readonly attainment: Float64Array;
  readonly score: Uint8Array;
  readonly categoryScore: Float32Array;
  readonly decisions: SegmentDecisions;
}

/** Set when the partner was in intervene `after_intervention_periods` ago and has stayed below the intervene level since. */
export type Intervention = {
  readonly since: string;
  readonly attainment_then: number | null;
};

/** The columns of a period; `decisions` holds its look-back columns (by default the period's decisions). */
export function segmentColumns(context: ScoringContext, period: number, decisions: SegmentDecisions = context.segments(period)): SegmentColumns {
  const frame = context.scores(period);
  return { rows: context.history.rowsByPeriod[period]!, attainment: context.attainment(period), score: frame.score, categoryScore: frame.categoryScore, decisions };
}

/** The engagement category score of row `index`; NaN when the category had no data. */
export function engagementScore(columns: SegmentColumns, index: number): number {
  return columns.categoryScore[index * categoryCount + engagement]!;
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

/** Trailing attainment of row `index`'s partner when its intervention started; NaN without target. */
export function attainmentThen(context: ScoringContext, period: number, index: number): number {
  const span = context.config.segments.exit_review.after_intervention_periods;
  const start = rowBack(context.history, context.history.partnerOf[period]![index]!, period, span);
  return context.attainment(period - span)[start] ?? NaN;
}

/** The intervention of row `index`, null without one. */
export function interventionOf(context: ScoringContext, columns: SegmentColumns, period: number, index: number): Intervention | null {
  if (columns.decisions.intervened[index] !== 1) return null;
  const then = attainmentThen(context, period, index);
  const span = context.config.segments.exit_review.after_intervention_periods;
  return { since: context.history.periods[period - span]!, attainment_then: Number.isNaN(then) ? null : then };
}

/** Fills the look-back columns of row `index` of `decisions`. */
export function lookBack(context: ScoringContext, period: number, index: number, decisions: SegmentDecisions): void {
  const partner = context.history.partnerOf[period]![index]!;
  decisions.periodsWithoutActivity[index] = periodsWithoutActivity(context, partner, period, context.config.segments.exit_review.inactive_periods);
  decisions.intervened[index] = hasIntervention(context, partner, period) ? 1 : 0;
}
