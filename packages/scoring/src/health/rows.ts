import type { ScoringContext } from '../context.js';
import { RoundedValues } from '../format.js';
import type { HealthScoreRow } from '../types.js';
import type { Slice } from '../slice.js';
import { categoryCount } from './combine.js';
import type { HealthScores } from './frame.js';

/** Category scores as rows show them (one decimal, 0..100). */
const shownCategoryScore = new RoundedValues(1, 0, 100);
/** Trend slopes as rows show them (two decimals; scores of 0..100 cannot change faster than 100 points a period). */
const shownSlope = new RoundedValues(2, -100, 100);

function categoryScore(frame: HealthScores, index: number, category: number): number | null {
  const value = frame.categoryScore[index * categoryCount + category]!;
  return Number.isNaN(value) ? null : shownCategoryScore.of(value);
}

/** health_scores rows of a slice of a period, with explanations. */
export function healthRows(context: ScoringContext, period: number, slice: Slice): HealthScoreRow[] {
  const { history, plan, explainer } = context;
  // The trend first: it may compute earlier periods, and only the last frames keep their detail.
  const trend = context.trend(period);
  const frame = context.health(period);
  const previous = period > 0 ? context.health(period - 1) : null;
  const periodStart = history.periods[period]!;
  const rows = history.rowsByPeriod[period]!;
  const partners = history.partnerOf[period]!;
  const previousRows = period > 0 ? history.rowIndex[period - 1]! : null;
  const result = new Array<HealthScoreRow>(slice.to - slice.from);
  for (let index = slice.from; index < slice.to; index++) {
    const row = rows[index]!;
    const back = previousRows ? previousRows[partners[index]!]! : -1;
    const explanation = explainer.explain(frame, index, previous, back);
    const slope = trend.slope[index]!;
    result[index - slice.from] = {
      partner_id: row.partner_id,
      period_start: periodStart,
      config_version: context.configVersion,
      health_score: frame.score[index]!,
      grade: plan.grades[frame.grade[index]!]!,
      revenue_score: categoryScore(frame, index, 0),
      pipeline_score: categoryScore(frame, index, 1),
      enablement_score: categoryScore(frame, index, 2),
      engagement_score: categoryScore(frame, index, 3),
      score_change: explanation.change ? explanation.change.delta : null,
      trend_slope: Number.isNaN(slope) ? null : shownSlope.of(slope),
      trend_periods: trend.points[index]!,
      peer_group: frame.peerGroupLabels[frame.peerGroup[index]!]!,
      explanation,
    };
  }
  return result;
}
