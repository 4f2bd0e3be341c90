import type { PartnerPeriodMetrics } from '@ppm/core';
import type { ScoringConfig } from '../config/schema.js';
import { ScoringContext } from '../context.js';
import { round } from '../format.js';
import { prepareHistory, type ScoringHistory } from '../history.js';
import { auc, spearman } from './rank-stats.js';

export interface BacktestFigures {
  /** Spearman correlation of the predictor with next-horizon attainment. */
  readonly spearman: number | null;
  /** AUC of the predictor (lower = riskier) for "revenue falls over the next horizon". */
  readonly auc: number | null;
}

export interface BacktestReport {
  readonly config_version: string;
  readonly horizon_periods: number;
  /** Partner-periods with a score and a next-horizon outcome. */
  readonly n: number;
  /** Of those, the ones whose revenue fell over the next horizon. */
  readonly falls: number;
  readonly periods: number;
  readonly health: BacktestFigures;
  /** The naive predictor: the period's revenue alone. */
  readonly baseline: BacktestFigures & { readonly predictor: 'revenue' };
  /** health minus baseline. */
  readonly lift: BacktestFigures;
}

interface Samples {
  score: number[];
  revenue: number[];
  attainment: number[];
  fell: number[];
  periods: number;
}

function windowSum(history: ScoringHistory, partner: number, from: number, to: number): { revenue: number; target: number; rows: number } {
  let revenue = 0;
  let target = 0;
  let rows = 0;
  for (let at = Math.max(0, from); at <= to; at++) {
    const index = history.rowIndex[at]![partner]!;
    if (index < 0) continue;
    const row = history.rowsByPeriod[at]![index]!;
    revenue += row.revenue ?? 0;
    target += row.target ?? 0;
    rows++;
  }
  return { revenue, target, rows };
}

function collect(context: ScoringContext, horizon: number): Samples {
  const { history } = context;
  const samples: Samples = { score: [], revenue: [], attainment: [], fell: [], periods: 0 };
  for (let period = 0; period + horizon < history.periods.length; period++) {
    const frame = context.scores(period);
    let used = false;
    history.rowsByPeriod[period]!.forEach((row, index) => {
      const partner = history.partnerOf[period]![index]!;
      const next = windowSum(history, partner, period + 1, period + horizon);
      if (next.rows === 0 || next.target <= 0 || row.revenue === null) return;
      const now = windowSum(history, partner, period - horizon + 1, period);
      samples.score.push(frame.score[index]!);
      samples.revenue.push(row.revenue);
      samples.attainment.push(next.revenue / next.target);
      samples.fell.push(next.revenue < now.revenue ? 1 : 0);
      used = true;
    });
    if (used) samples.periods++;
    context.releaseBefore(period);
  }
  return samples;
}

function figures(predictor: readonly number[], samples: Samples): BacktestFigures {
  const values = Float64Array.from(predictor);
  const rho = spearman(values, Float64Array.from(samples.attainment));
  const area = auc(values.map((value) => -value), Uint8Array.from(samples.fell));
  return { spearman: rho === null ? null : round(rho, 4), auc: area === null ? null : round(area, 4) };
}

function difference(a: number | null, b: number | null): number | null {
  return a === null || b === null ? null : round(a - b, 4);
}

/**
 * How well the health score at period t predicts the next `horizon` periods: Spearman
 * correlation with next-horizon attainment (ratio of sums) and AUC for "revenue over the
 * next horizon is below revenue over the last one", against the period's revenue alone.
 */
export function backtestHealth(
  rows: readonly PartnerPeriodMetrics[] | ScoringHistory,
  config: ScoringConfig,
  options: { readonly horizonPeriods?: number } = {},
): BacktestReport {
  const history = Array.isArray(rows) ? prepareHistory(rows as readonly PartnerPeriodMetrics[]) : (rows as ScoringHistory);
  const context = new ScoringContext(history, config);
  const horizon = options.horizonPeriods ?? config.backtest.horizon_periods;
  const samples = collect(context, horizon);
  const health = figures(samples.score, samples);
  const baseline = figures(samples.revenue, samples);
  return {
    config_version: context.configVersion,
    horizon_periods: horizon,
    n: samples.score.length,
    falls: samples.fell.reduce((sum, value) => sum + value, 0),
    periods: samples.periods,
    health,
    baseline: { predictor: 'revenue', ...baseline },
    lift: { spearman: difference(health.spearman, baseline.spearman), auc: difference(health.auc, baseline.auc) },
  };
}
