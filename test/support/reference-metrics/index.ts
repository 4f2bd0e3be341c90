/**
 * An independent TypeScript computation of marts.partner_period_metrics and
 * marts.program_period_metrics, straight from a folder of contract files and following
 * docs/metrics.md and docs/data-contract.md (it reads neither the warehouse nor the SQL).
 * It reads valid rows only: generator output without dirty files.
 */
import { readDataset, type Dataset } from './dataset.js';
import { partnerRowsInCents } from './partner-rows.js';
import { programRowsInCents } from './program-rows.js';
import { moneyMetrics, type ReferenceOptions, type ReferencePartnerRow, type ReferenceProgramRow } from './types.js';

export { readDataset, type Dataset } from './dataset.js';
export { compareRows, type ColumnKind, type Mismatch } from './compare.js';
export { partnerColumns, programColumns } from './columns.js';
export type { ReferenceOptions, ReferencePartnerRow, ReferenceProgramRow } from './types.js';

export interface ReferenceMetrics {
  readonly partnerRows: readonly ReferencePartnerRow[];
  readonly programRows: readonly ReferenceProgramRow[];
}

function inReportingCurrency<Row extends object>(row: Row): Row {
  const converted: Record<string, unknown> = { ...(row as Record<string, unknown>) };
  for (const name of moneyMetrics) {
    const value = converted[name];
    if (typeof value === 'number') converted[name] = value / 100;
  }
  return converted as Row;
}

export function referenceMetricsOf(dataset: Dataset, options: ReferenceOptions): ReferenceMetrics {
  const settings = { onboardingMilestones: options.onboardingMilestones, pipelineStaleDays: options.pipelineStaleDays ?? 45 };
  const partnerRows = partnerRowsInCents(dataset, options.periodEnd, settings);
  const programRows = programRowsInCents(partnerRows, options.dormantDays ?? 90);
  return {
    partnerRows: partnerRows.map(({ row }) => inReportingCurrency(row)),
    programRows: programRows.map((row) => inReportingCurrency(row)),
  };
}

/** Reads the contract files of `folder` and computes every row of both marts. */
export function referenceMetrics(folder: string, options: ReferenceOptions): ReferenceMetrics {
  return referenceMetricsOf(readDataset(folder, options.reportingCurrency ?? 'USD'), options);
}
