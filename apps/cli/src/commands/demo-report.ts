import type { Warehouse } from '@ppm/warehouse';
import { formatTable } from '../lib/output.js';
import { lastCompleteQuarter, quarterStart } from './demo-semantic.js';

const percent = (value: string | null) => (value === null ? null : `${(Number(value) * 100).toFixed(1)}%`);
const money = (value: string | null) => (value === null ? null : Math.round(Number(value)));

/** Program metrics per tier for the last complete quarter: what a program leader opens first. */
export async function printProgramByTier(db: Warehouse, period: string): Promise<void> {
  const quarter = lastCompleteQuarter(period);
  const rows = await db('marts.program_period_metrics')
    .where({ period_grain: 'quarter', period_start: quarterStart(quarter) })
    .whereIn('group_by', ['tier', 'program'])
    .orderByRaw("group_by = 'program', revenue desc")
    .select('group_value', 'partner_count', 'active_partner_count', 'revenue', 'attainment', 'pipeline_coverage', 'required_training_completion_rate', 'business_plan_participation');
  console.log(`\nProgram metrics by tier, ${quarter} (marts.program_period_metrics):`);
  console.log(
    formatTable(
      rows.map((row: Record<string, string | null>) => ({
        tier: row.group_value === 'all' ? 'whole program' : row.group_value,
        partners: Number(row.partner_count),
        active: Number(row.active_partner_count),
        revenue_usd: money(row.revenue ?? null),
        attainment: percent(row.attainment ?? null),
        pipeline_coverage: row.pipeline_coverage === null ? null : Number(Number(row.pipeline_coverage).toFixed(2)),
        required_training: percent(row.required_training_completion_rate ?? null),
        jbp_participation: percent(row.business_plan_participation ?? null),
      })),
    ),
  );
}
