import type { MetricName, PeriodGrain } from '@ppm/core';

export type MetricValues = Record<MetricName, number | null>;

export interface ReferenceOptions {
  /** The run's last month, YYYY-MM (the models' var period_end). */
  readonly periodEnd: string;
  /** The configured onboarding milestones (program.yml onboarding.milestones). */
  readonly onboardingMilestones: readonly string[];
  readonly reportingCurrency?: string;
  /** A pipeline snapshot older than this many days before the period end counts as no pipeline. */
  readonly pipelineStaleDays?: number;
  /** Partners this many days without commercial activity count as dormant. */
  readonly dormantDays?: number;
}

export interface PartnerAttributes {
  readonly partner_name: string;
  readonly partner_type: string;
  readonly tier: string;
  readonly region: string;
  readonly country: string;
  readonly status: string;
  readonly channel_account_manager: string | null;
}

/** One row of marts.partner_period_metrics as docs/metrics.md defines it (money in the reporting currency). */
export type ReferencePartnerRow = PartnerAttributes & {
  readonly partner_id: string;
  readonly period_grain: PeriodGrain;
  readonly period_start: string;
  readonly period_end: string;
  readonly onboarded_at: string;
  readonly months_since_onboarding: number;
} & MetricValues;

export const programGroups = ['program', 'partner_type', 'tier', 'region'] as const;
export type ProgramGroup = (typeof programGroups)[number];

/** One row of marts.program_period_metrics. */
export type ReferenceProgramRow = {
  readonly period_grain: PeriodGrain;
  readonly period_start: string;
  readonly period_end: string;
  readonly group_by: ProgramGroup;
  readonly group_value: string;
  readonly partner_count: number;
  readonly active_partner_count: number;
  readonly dormant_partner_count: number;
  readonly partners_with_business_plan: number;
  readonly business_plan_participation: number | null;
} & MetricValues;

/** Metrics in the reporting currency; the reference computes them in cents and converts at the end. */
export const moneyMetrics: ReadonlySet<MetricName> = new Set<MetricName>([
  'revenue',
  'target',
  'revenue_prior_period',
  'revenue_same_period_last_year',
  'trailing_12m_revenue',
  'program_revenue',
  'won_amount',
  'average_deal_value',
  'open_pipeline',
  'forward_target',
  'mdf_allocated_t12m',
  'mdf_claimed_t12m',
]);

/** `numerator / denominator`; null when the denominator is 0 or null (docs/metrics.md: missing is not zero). */
export function ratio(numerator: number | null, denominator: number | null): number | null {
  if (numerator === null || denominator === null || denominator === 0) return null;
  return numerator / denominator;
}

/** Growth against a base: null when the base is not positive. */
export function growth(current: number | null, base: number | null): number | null {
  if (current === null || base === null || base <= 0) return null;
  return (current - base) / base;
}

/** The median (mean of the two middle values for an even count); null for no values. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const upper = sorted[middle] ?? 0;
  return sorted.length % 2 === 1 ? upper : ((sorted[middle - 1] ?? 0) + upper) / 2;
}
