/**
 * Result rows. Each maps 1:1 onto a warehouse table: scalar fields are columns, fields
 * typed as objects or arrays (explanation, evidence, criteria) are JSON columns.
 */
import type { MetricName } from '@ppm/core';
import type { SegmentName, Severity, TierAction } from './config/schema-outputs.js';
import type { SegmentRule } from './segments/rules.js';

export type JsonValue = string | number | boolean | null | readonly JsonValue[] | { readonly [key: string]: JsonValue };
export type JsonObject = { readonly [key: string]: JsonValue };

/** Columns every result row carries. */
export interface ResultKey {
  /** First day of the scored period (YYYY-MM-DD). */
  readonly period_start: string;
  /** `<version>+<hash>` of the scoring configuration (see configVersion). */
  readonly config_version: string;
}

export type Imputation = 'neutral' | 'zero' | 'dropped';

export interface HealthChange {
  readonly previous_score: number;
  readonly delta: number;
  /** Change of each metric's points (aligned with `metrics`); they sum exactly to delta. */
  readonly points: readonly number[];
  readonly text: string;
}

/**
 * How the score was made. The arrays are aligned with `metrics` (one entry per scored
 * metric; the same `metrics` array on every row of a run), which keeps a million
 * explanations cheap to build and store; contributionsOf() gives one object per metric.
 * The metric values themselves are in partner_period_metrics (and quoted in the drivers).
 */
export interface HealthExplanation {
  readonly metrics: readonly MetricName[];
  /** Whole points per metric; they sum exactly to health_score (largest-remainder rounding). */
  readonly points: readonly number[];
  /** 0..1 after normalization and direction (1 = best); null when the metric was dropped (missing, reweight). */
  readonly normalized: readonly (number | null)[];
  /** Each metric's share of the score after re-weighting (the shares sum to 1). */
  readonly weights: readonly number[];
  /** What the missing-data policy did; null where the value was present. */
  readonly imputed: readonly (Imputation | null)[];
  readonly drivers_up: readonly string[];
  readonly drivers_down: readonly string[];
  /** Against the previous period; null when the partner has no row there. */
  readonly change: HealthChange | null;
  /** Share of the configured weight whose metric had a value (1 = no missing data). */
  readonly data_coverage: number;
}

/** One metric's part of a health score (see contributionsOf). */
export interface ComponentContribution {
  readonly metric: MetricName;
  readonly normalized: number | null;
  readonly imputed: Imputation | null;
  readonly weight: number;
  readonly points: number;
  /** Change of points since the previous period; null without a previous row. */
  readonly change: number | null;
}

/** Table health_scores: one row per partner and period. */
export interface HealthScoreRow extends ResultKey {
  readonly partner_id: string;
  /** 0..100, whole points. */
  readonly health_score: number;
  readonly grade: string;
  /** Category scores 0..100 (one decimal); null when the category had no data. */
  readonly revenue_score: number | null;
  readonly pipeline_score: number | null;
  readonly enablement_score: number | null;
  readonly engagement_score: number | null;
  /** health_score minus the previous period's; null without a previous row. */
  readonly score_change: number | null;
  /** Least-squares slope over the last health.trend_periods periods, points per period; null with fewer than 2. */
  readonly trend_slope: number | null;
  readonly trend_periods: number;
  /** The peer group the partner was compared with ("partner_type=msp, region=emea" or "program"). */
  readonly peer_group: string;
  readonly explanation: HealthExplanation;
}

/** Table segments: one row per partner and period. */
export interface SegmentRow extends ResultKey {
  readonly partner_id: string;
  readonly segment: SegmentName;
  /** The rule that fired (segmentRules, in precedence order). */
  readonly rule: SegmentRule;
  readonly trailing_attainment: number | null;
  readonly reason: string;
  /** The numbers the rules read and the thresholds of the rule that fired. */
  readonly evidence: JsonObject;
}

export interface CriterionCheck {
  readonly tier: string;
  readonly kind: 'entry' | 'retain';
  readonly measure: string;
  readonly value: number | null;
  readonly threshold: number;
  readonly passed: boolean;
}

/** Table tier_recommendations: one row per partner and period. */
export interface TierRecommendationRow extends ResultKey {
  readonly partner_id: string;
  readonly current_tier: string;
  readonly recommended_tier: string;
  readonly action: TierAction;
  /** Periods in a row in the current tier (bounded by the input's history). */
  readonly tenure_periods: number;
  /** Periods in a row qualifying for the recommended move (promotion or demotion). */
  readonly qualifying_periods: number;
  readonly reason: string;
  /** Checks of the current tier's retention and the next tier's entry criteria, now. */
  readonly criteria: readonly CriterionCheck[];
}

export const alertKinds = [
  'attainment_above_target',
  'attainment_below_target',
  'health_drop',
  'inactivity',
  'segment_change',
  'tier_recommendation_change',
] as const;
export type AlertKind = (typeof alertKinds)[number];

/** Table alerts: one row per threshold crossing. */
export interface AlertRow extends ResultKey {
  /** Stable id for de-duplication: a hash of partner_id, kind, period_start and direction. */
  readonly alert_id: string;
  readonly partner_id: string;
  readonly kind: AlertKind;
  /** "up" / "down", or "<from>-><to>" for changes. */
  readonly direction: string;
  readonly severity: Severity;
  readonly owner: string;
  readonly message: string;
  readonly evidence: JsonObject;
}

export const findingKinds = [
  'below_target_concentration',
  'enablement_gap',
  'enablement_gap_partners',
  'revenue_concentration',
  'tier_migration',
] as const;
export type FindingKind = (typeof findingKinds)[number];

/** Table program_findings: findings for program leaders, per period. */
export interface ProgramFindingRow extends ResultKey {
  /** Stable id: a hash of kind, period_start, dimension and dimension_value. */
  readonly finding_id: string;
  readonly kind: FindingKind;
  readonly severity: Severity;
  /** partner_type, tier or region for segment findings; null for program-wide ones. */
  readonly dimension: string | null;
  readonly dimension_value: string | null;
  readonly text: string;
  readonly evidence: JsonObject;
}

/** Everything scorePeriod produces for one period, one array per table. */
export interface PeriodScores extends ResultKey {
  readonly health_scores: readonly HealthScoreRow[];
  readonly segments: readonly SegmentRow[];
  readonly tier_recommendations: readonly TierRecommendationRow[];
  readonly alerts: readonly AlertRow[];
  readonly program_findings: readonly ProgramFindingRow[];
}
