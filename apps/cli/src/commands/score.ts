import type { Command } from 'commander';
import { addMonths } from '@ppm/core';
import { backtestHealth } from '@ppm/scoring';
import { loadPlatformConfig, readMonthlyMetrics } from '@ppm/workflows';
import { monthArgument, positiveInteger, previousMonth } from '../lib/args.js';
import { formatTable, printJson } from '../lib/output.js';
import { openSession } from '../lib/session.js';

interface BacktestFlags {
  readonly from?: string;
  readonly to?: string;
  readonly horizon?: number;
  readonly json?: boolean;
}

/** Measures whether the health score predicts the next horizon's outcome, against last revenue alone. */
async function backtest(flags: BacktestFlags): Promise<void> {
  const config = loadPlatformConfig();
  const to = flags.to ?? previousMonth();
  const from = flags.from ?? addMonths(to, -35);
  const session = await openSession({ quiet: true, databaseOnly: true });
  try {
    const rows = await readMonthlyMetrics(session.db, from, to);
    if (rows.length === 0) throw new Error(`No partner metrics between ${from} and ${to}: load data and run \`ppm models run\` first.`);
    const report = backtestHealth(rows, config.scoring, { ...(flags.horizon ? { horizonPeriods: flags.horizon } : {}) });
    if (flags.json) return printJson(report);
    console.log(`Backtest ${from} to ${to}: health score at month t against the next ${report.horizon_periods} month(s); ${report.n.toLocaleString('en-US')} partner-months, ${report.falls.toLocaleString('en-US')} with falling revenue.`);
    console.log(
      formatTable([
        { predictor: 'health score', spearman_vs_next_attainment: report.health.spearman, auc_revenue_falls: report.health.auc },
        { predictor: `baseline: ${report.baseline.predictor}`, spearman_vs_next_attainment: report.baseline.spearman, auc_revenue_falls: report.baseline.auc },
        { predictor: 'lift', spearman_vs_next_attainment: report.lift.spearman, auc_revenue_falls: report.lift.auc },
      ]),
    );
  } finally {
    await session.close();
  }
}

export function registerScore(program: Command): void {
  const score = program.command('score').description('evaluate the scoring on the warehouse');
  score
    .command('backtest')
    .description('how well the health score at month t predicts the next months (Spearman with attainment, AUC for falling revenue) against a naive baseline')
    .option('--from <YYYY-MM>', 'first month of history (default: 35 months before --to)', monthArgument)
    .option('--to <YYYY-MM>', 'last month (default: the last complete month)', monthArgument)
    .option('--horizon <n>', 'months ahead to predict (default: scoring.yml backtest.horizon_periods)', positiveInteger)
    .option('--json', 'print the report as JSON')
    .action(backtest);
}
