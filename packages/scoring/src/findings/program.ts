import type { PartnerPeriodMetrics } from '@ppm/core';
import type { ScoringContext } from '../context.js';
import { formatAmount, formatPercent, round } from '../format.js';
import { metricReaders } from '../metric-readers.js';
import type { Ladder } from '../tiers/ladder.js';
import type { FindingDraft } from './draft.js';
import { gini, sortedShares, topShare } from './stats.js';

/** Share of revenue from the top 10% and 20% of partners, and the Gini coefficient. */
export function concentrationFinding(context: ScoringContext, period: number): FindingDraft[] {
  const settings = context.config.findings.revenue_concentration;
  const read = metricReaders[settings.measure];
  const values: number[] = [];
  for (const row of context.history.rowsByPeriod[period]!) {
    const value = read(row);
    if (value !== null) values.push(value);
  }
  if (values.length === 0) return [];
  const sorted = sortedShares(values);
  const top10 = topShare(sorted, 0.1);
  const top20 = topShare(sorted, 0.2);
  const coefficient = gini(sorted);
  const total = sorted.reduce((sum, value) => sum + value, 0);
  return [
    {
      kind: 'revenue_concentration',
      severity: top10.share >= settings.warn_top_10_share ? 'warning' : 'info',
      dimension: null,
      dimension_value: null,
      text: `The top 10% of partners (${top10.partners}) bring ${formatPercent(top10.share)} of ${settings.measure} (${formatAmount(total)} in all), the top 20% bring ${formatPercent(top20.share)}; Gini ${coefficient.toFixed(2)}`,
      evidence: {
        measure: settings.measure,
        partners: values.length,
        total: round(total, 2),
        top_10_percent: { partners: top10.partners, share: round(top10.share, 4) },
        top_20_percent: { partners: top20.partners, share: round(top20.share, 4) },
        gini: round(coefficient, 4),
        warn_top_10_share: settings.warn_top_10_share,
      },
    },
  ];
}

/** The ladder index of the tier of each of `rows` (-1 off the ladder); tiers off the ladder are added to `offLadder`. */
function ladderIndexes(rows: readonly PartnerPeriodMetrics[], ladder: Ladder, offLadder: Set<string>): Int16Array {
  const indexes = new Int16Array(rows.length);
  for (let index = 0; index < rows.length; index++) {
    const tier = rows[index]!.tier;
    const ladderIndex = ladder.index.get(tier) ?? -1;
    if (ladderIndex < 0) offLadder.add(tier);
    indexes[index] = ladderIndex;
  }
  return indexes;
}

/**
 * Counts of partners from each tier to each tier between `lookback_periods` ago (or the first
 * period) and now. Each row object is read once (by tier, off the ladder only): a period's rows
 * do not fit in the processor's cache.
 */
export function migrationFinding(context: ScoringContext, period: number): FindingDraft[] {
  const { history, ladder } = context;
  if (period < 1) return [];
  const from = Math.max(0, period - context.config.findings.tier_migration.lookback_periods);
  const offLadder = new Set<string>();
  const fromRows = history.rowsByPeriod[from]!;
  const fromIndexes = ladderIndexes(fromRows, ladder, offLadder);
  const rows = history.rowsByPeriod[period]!;
  // The tier decisions of the period, already made for its tier rows, hold each row's ladder index.
  const { current } = context.tiers(period);
  for (let index = 0; index < rows.length; index++) if (current[index]! < 0) offLadder.add(rows[index]!.tier);
  const tiers = [...ladder.tiers.map((tier) => tier.tier), ...[...offLadder].sort()];
  const position = new Map(tiers.map((tier, index) => [tier, index]));
  const positionOf = (ladderIndex: number, row: PartnerPeriodMetrics): number => (ladderIndex >= 0 ? ladderIndex : position.get(row.tier)!);
  const matrix = tiers.map(() => tiers.map(() => 0));
  let up = 0;
  let down = 0;
  let stayed = 0;
  const rowBefore = history.rowIndex[from]!;
  const partners = history.partnerOf[period]!;
  for (let index = 0; index < rows.length; index++) {
    const before = rowBefore[partners[index]!]!;
    if (before < 0) continue;
    const a = positionOf(fromIndexes[before]!, fromRows[before]!);
    const b = positionOf(current[index]!, rows[index]!);
    matrix[a]![b]! += 1;
    if (a === b) stayed++;
    else if (a < ladder.tiers.length && b < ladder.tiers.length && b > a) up++;
    else if (a < ladder.tiers.length && b < ladder.tiers.length) down++;
  }
  const fromPeriod = history.periods[from]!;
  const toPeriod = history.periods[period]!;
  return [
    {
      kind: 'tier_migration',
      severity: 'info',
      dimension: null,
      dimension_value: null,
      text: `From ${fromPeriod} to ${toPeriod}: ${up} partners moved up a tier, ${down} moved down and ${stayed} stayed`,
      evidence: { from_period: fromPeriod, to_period: toPeriod, tiers, matrix, moved_up: up, moved_down: down, stayed },
    },
  ];
}
