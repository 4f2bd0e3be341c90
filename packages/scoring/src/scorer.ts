import type { PartnerPeriodMetrics } from '@ppm/core';
import { alertRows } from './alerts/detect.js';
import type { ScoringConfig } from './config/schema.js';
import { ScoringContext } from './context.js';
import { findingRows } from './findings/rows.js';
import { healthRows } from './health/rows.js';
import { prepareHistory, ScoringInputError, type ScoringHistory } from './history.js';
import { segmentRows } from './segments/rows.js';
import type { Slice } from './slice.js';
import { tierRows } from './tiers/rows.js';
import type { HealthScoreRow, PeriodScores } from './types.js';

/** Health scores of a period as columns, for bulk loads and analysis (no explanations). */
export interface HealthColumns {
  readonly period_start: string;
  readonly config_version: string;
  readonly partner_ids: readonly string[];
  readonly health_score: Uint8Array;
  /** Index into `grades`. */
  readonly grade_index: Uint8Array;
  readonly grades: readonly string[];
  /** Points per period over health.trend_periods; NaN with fewer than 2 scores. */
  readonly trend_slope: Float32Array;
}

/** Scores any period of one history; results of shared periods are computed once. */
export interface Scorer {
  /** Every period of the input, ascending (periods inside the range without rows are empty). */
  readonly periods: readonly string[];
  readonly configVersion: string;
  scorePeriod(periodStart: string): PeriodScores;
  /**
   * The same rows as scorePeriod in slices of at most `chunkSize` partners (program
   * findings come with the first slice), so a backfill can write and drop each slice:
   * holding a whole period of explanations costs far more garbage collection.
   */
  scorePeriodChunks(periodStart: string, chunkSize: number): Generator<PeriodScores>;
  healthScores(periodStart: string): HealthScoreRow[];
  healthColumns(periodStart: string): HealthColumns;
  /** Forgets cached results of periods before `periodStart` to bound memory. */
  releaseBefore(periodStart: string): void;
}

function toHistory(rows: readonly PartnerPeriodMetrics[] | ScoringHistory): ScoringHistory {
  return Array.isArray(rows) ? prepareHistory(rows as readonly PartnerPeriodMetrics[]) : (rows as ScoringHistory);
}

/**
 * The partner of each row of a period, from the history's index (reading the ids from the
 * rows would touch every row object again). A period listing every partner in order of first
 * appearance, the usual case, shares the history's list.
 */
function partnerIdsOf(history: ScoringHistory, period: number): readonly string[] {
  const ids = history.partnerOf[period]!;
  let inOrder = ids.length === history.partnerIds.length;
  for (let index = 0; inOrder && index < ids.length; index++) inOrder = ids[index] === index;
  if (inOrder) return history.partnerIds;
  const partnerIds = new Array<string>(ids.length);
  for (let index = 0; index < ids.length; index++) partnerIds[index] = history.partnerIds[ids[index]!]!;
  return partnerIds;
}

function periodScores(context: ScoringContext, period: number, slice: Slice, findings: boolean): PeriodScores {
  const healthScores = healthRows(context, period, slice);
  const segments = segmentRows(context, period, slice);
  const tiers = tierRows(context, period, slice);
  return {
    period_start: context.history.periods[period]!,
    config_version: context.configVersion,
    health_scores: healthScores,
    segments,
    tier_recommendations: tiers,
    alerts: alertRows(context, period, slice, { segments, tiers }),
    program_findings: findings ? findingRows(context, period) : [],
  };
}

function* chunks(context: ScoringContext, period: number, chunkSize: number): Generator<PeriodScores> {
  if (!Number.isInteger(chunkSize) || chunkSize < 1) throw new ScoringInputError(`chunkSize must be a whole number of at least 1, not ${chunkSize}`);
  const size = context.history.rowsByPeriod[period]!.length;
  for (let from = 0; from === 0 || from < size; from += chunkSize) yield periodScores(context, period, { from, to: Math.min(size, from + chunkSize) }, from === 0);
}

export function createScorer(rows: readonly PartnerPeriodMetrics[] | ScoringHistory, config: ScoringConfig): Scorer {
  const history = toHistory(rows);
  const context = new ScoringContext(history, config);
  const at = (periodStart: string): number => {
    const period = history.periods.indexOf(periodStart);
    if (period < 0)
      throw new ScoringInputError(`period ${periodStart} is not in the input (${history.periods[0] ?? 'none'} to ${history.periods.at(-1) ?? 'none'})`);
    return period;
  };
  const all = (period: number): Slice => ({ from: 0, to: history.rowsByPeriod[period]!.length });
  return {
    periods: history.periods,
    configVersion: context.configVersion,
    scorePeriod: (periodStart) => periodScores(context, at(periodStart), all(at(periodStart)), true),
    scorePeriodChunks: (periodStart, chunkSize) => chunks(context, at(periodStart), chunkSize),
    healthScores: (periodStart) => healthRows(context, at(periodStart), all(at(periodStart))),
    healthColumns: (periodStart) => {
      const period = at(periodStart);
      const frame = context.scores(period);
      return {
        period_start: periodStart,
        config_version: context.configVersion,
        partner_ids: partnerIdsOf(history, period),
        health_score: frame.score.slice(),
        grade_index: frame.grade.slice(),
        grades: context.plan.grades,
        trend_slope: context.trend(period).slope.slice(),
      };
    },
    releaseBefore: (periodStart) => context.releaseBefore(history.periods.indexOf(periodStart)),
  };
}

/** All outputs of one period from history rows (the rows should cover the periods the rules look back on). */
export function scorePeriod(
  rows: readonly PartnerPeriodMetrics[] | ScoringHistory,
  config: ScoringConfig,
  options: { readonly periodStart: string },
): PeriodScores {
  return createScorer(rows, config).scorePeriod(options.periodStart);
}

/** How far back the rules read, in periods: older cached results can be dropped. */
function lookback(config: ScoringConfig): number {
  return (
    Math.max(
      config.health.trend_periods,
      config.segments.attainment_window_periods,
      config.segments.exit_review.after_intervention_periods,
      config.tiers.consecutive_periods,
    ) + 1
  );
}

export interface ScorePeriodsOptions {
  readonly from?: string;
  readonly to?: string;
  /** Yield each period in slices of at most this many partners (see Scorer.scorePeriodChunks). */
  readonly chunkSize?: number;
}

/**
 * Scores periods in order (default: every period of the input), yielding one result per
 * period, or per slice with `chunkSize`; each period's health scores are computed once and
 * dropped once no rule reads them.
 */
export function* scorePeriods(
  rows: readonly PartnerPeriodMetrics[] | ScoringHistory,
  config: ScoringConfig,
  options: ScorePeriodsOptions = {},
): Generator<PeriodScores> {
  const scorer = createScorer(rows, config);
  const keep = lookback(config);
  const periods = scorer.periods.filter((period) => (!options.from || period >= options.from) && (!options.to || period <= options.to));
  for (const period of periods) {
    if (options.chunkSize === undefined) yield scorer.scorePeriod(period);
    else yield* scorer.scorePeriodChunks(period, options.chunkSize);
    const oldest = scorer.periods[scorer.periods.indexOf(period) - keep];
    if (oldest) scorer.releaseBefore(oldest);
  }
}
