import { z } from 'zod';

export const severities = ['info', 'warning', 'critical'] as const;
export type Severity = (typeof severities)[number];

export const segmentNames = ['onboarding', 'exit_review', 'grow', 'intervene', 'maintain'] as const;
export type SegmentName = (typeof segmentNames)[number];

export const tierActions = ['promote', 'retain', 'demote', 'exit_review'] as const;
export type TierAction = (typeof tierActions)[number];

const severity = z.enum(severities);

const enabled = z.boolean().default(true);

export const alertsSchema = z
  .object({
    default_owner: z.string().min(1).default('partner_program_team'),
    attainment_target: z.number().positive().default(1),
    attainment_above_target: z.object({ enabled, severity: severity.default('info') }).strict().prefault({}),
    attainment_below_target: z.object({ enabled, severity: severity.default('warning') }).strict().prefault({}),
    health_drop: z
      .object({ enabled, severity: severity.default('warning'), min_points: z.number().positive().default(10) })
      .strict()
      .prefault({}),
    inactivity: z
      .object({ enabled, severity: severity.default('warning'), days: z.number().int().positive().default(60) })
      .strict()
      .prefault({}),
    segment_change: z
      .object({
        enabled,
        severity: severity.default('info'),
        severity_to: z.partialRecord(z.enum(segmentNames), severity).default({ intervene: 'warning', exit_review: 'critical' }),
      })
      .strict()
      .prefault({}),
    tier_recommendation_change: z
      .object({
        enabled,
        severity: severity.default('info'),
        severity_to: z.partialRecord(z.enum(tierActions), severity).default({ demote: 'warning', exit_review: 'critical' }),
      })
      .strict()
      .prefault({}),
  })
  .strict()
  .prefault({});

export const findingDimensions = ['partner_type', 'tier', 'region'] as const;

const share = z.number().min(0).max(1);

export const findingsSchema = z
  .object({
    dimensions: z.array(z.enum(findingDimensions)).default(['partner_type', 'tier', 'region']),
    min_segment_size: z.number().int().min(2).default(20),
    below_target: z
      .object({
        alpha: z.number().gt(0).lt(1).default(0.05),
        correction: z.enum(['none', 'bonferroni']).default('none'),
      })
      .strict()
      .prefault({}),
    enablement_gap: z
      .object({
        min_training_completion: share.default(0.8),
        max_attainment: z.number().min(0).default(0.8),
        max_partners_listed: z.number().int().min(0).default(20),
      })
      .strict()
      .prefault({}),
    revenue_concentration: z
      .object({
        measure: z.enum(['trailing_12m_revenue', 'revenue']).default('trailing_12m_revenue'),
        warn_top_10_share: share.default(0.5),
      })
      .strict()
      .prefault({}),
    tier_migration: z.object({ lookback_periods: z.number().int().min(1).max(60).default(12) }).strict().prefault({}),
  })
  .strict()
  .prefault({});

export const backtestSchema = z
  .object({ horizon_periods: z.number().int().min(1).max(12).default(1) })
  .strict()
  .prefault({});
