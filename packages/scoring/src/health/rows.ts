import type { PartnerPeriodMetrics } from '@ppm/core';
import type { ScoringContext } from '../context.js';
import { round } from '../format.js';
import { metricReaders } from '../metric-readers.js';
import type { HealthChange, HealthExplanation, HealthScoreRow, Imputation } from '../types.js';
import { indicesOf, type Slice } from '../slice.js';
import { categoryCount } from './combine.js';
import { changeOf, drivers } from './explain.js';
import type { HealthFrame } from './frame.js';
import type { HealthPlan } from './plan.js';
import { PointsScratch, rowPoints } from './points.js';

/** Arrays every complete row shares (nothing missing, nominal weights), so most rows allocate only what differs. */
interface Shared {
  readonly nominalWeights: readonly number[];
  readonly nothingImputed: readonly (Imputation | null)[];
}

function shared(plan: HealthPlan): Shared {
  return {
    nominalWeights: Object.freeze(plan.components.map((component) => round(plan.categoryWeights[component.categoryIndex]! * component.weight, 4))),
    nothingImputed: Object.freeze(plan.components.map(() => null)),
  };
}

/** Per-metric arrays of a row with missing metrics: what was imputed, the re-weighted shares and the values. */
function incomplete(plan: HealthPlan, frame: HealthFrame, offset: number, row: PartnerPeriodMetrics, scratch: PointsScratch) {
  const count = plan.components.length;
  const imputed = new Array<Imputation | null>(count);
  const weights = new Array<number>(count);
  const values = new Array<number | null>(count);
  let coverage = 0;
  for (let at = 0; at < count; at++) {
    const component = plan.components[at]!;
    const absent = frame.missing[offset + at] === 1;
    imputed[at] = absent ? (component.missing === 'reweight' ? 'dropped' : component.missing) : null;
    weights[at] = round(scratch.weights[at]!, 4);
    values[at] = absent ? null : metricReaders[component.metric](row);
    if (!absent) coverage += plan.categoryWeights[component.categoryIndex]! * component.weight;
  }
  return { imputed, weights, values, coverage: round(coverage, 4) };
}

function explanation(
  plan: HealthPlan,
  frame: HealthFrame,
  index: number,
  row: PartnerPeriodMetrics,
  scratch: PointsScratch,
  change: HealthChange | null,
  common: Shared,
): HealthExplanation {
  const count = plan.components.length;
  const offset = index * count;
  const points = new Array<number>(count);
  const normalized = new Array<number | null>(count);
  let missing = 0;
  for (let at = 0; at < count; at++) {
    const scaled = frame.normalized[offset + at]!;
    points[at] = scratch.points[at]!;
    normalized[at] = Number.isNaN(scaled) ? null : round(scaled, 4);
    missing += frame.missing[offset + at]!;
  }
  const partial = missing === 0 ? null : incomplete(plan, frame, offset, row, scratch);
  const state = { values: partial?.values ?? null, normalized: frame.normalized, offset, weights: scratch.weights };
  return {
    metrics: plan.metrics,
    points,
    normalized,
    weights: partial?.weights ?? common.nominalWeights,
    imputed: partial?.imputed ?? common.nothingImputed,
    drivers_up: drivers(plan.components, state, row, plan.drivers, 1),
    drivers_down: drivers(plan.components, state, row, plan.drivers, -1),
    change,
    data_coverage: partial?.coverage ?? 1,
  };
}

function categoryScore(frame: HealthFrame, index: number, category: number): number | null {
  const value = frame.categoryScore[index * categoryCount + category]!;
  return Number.isNaN(value) ? null : round(value, 1);
}

/** health_scores rows of a slice of a period, with explanations. */
export function healthRows(context: ScoringContext, period: number, slice: Slice): HealthScoreRow[] {
  const { history, plan } = context;
  const frame = context.health(period);
  const trend = context.trend(period);
  const previous = period > 0 ? context.health(period - 1) : null;
  const periodStart = history.periods[period]!;
  const scratch = new PointsScratch(plan.components.length);
  const before = new PointsScratch(plan.components.length);
  const common = shared(plan);
  const rows = history.rowsByPeriod[period]!;
  return indicesOf(slice).map((index) => {
    const row = rows[index]!;
    rowPoints(plan, frame, index, scratch);
    const back = previous ? history.rowIndex[period - 1]![history.partnerOf[period]![index]!]! : -1;
    const score = frame.score[index]!;
    const change =
      previous && back >= 0
        ? changeOf(plan.components, scratch.points, rowPoints(plan, previous, back, before).points, score, previous.score[back]!)
        : null;
    const slope = trend.slope[index]!;
    return {
      partner_id: row.partner_id,
      period_start: periodStart,
      config_version: context.configVersion,
      health_score: score,
      grade: plan.grades[frame.grade[index]!]!,
      revenue_score: categoryScore(frame, index, 0),
      pipeline_score: categoryScore(frame, index, 1),
      enablement_score: categoryScore(frame, index, 2),
      engagement_score: categoryScore(frame, index, 3),
      score_change: change ? change.delta : null,
      trend_slope: Number.isNaN(slope) ? null : round(slope, 2),
      trend_periods: trend.points[index]!,
      peer_group: frame.peerGroupLabels[frame.peerGroup[index]!]!,
      explanation: explanation(plan, frame, index, row, scratch, change, common),
    };
  });
}
