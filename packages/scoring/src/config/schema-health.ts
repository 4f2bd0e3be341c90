import { metricNames } from '@ppm/core';
import { z } from 'zod';

export const categoryNames = ['revenue', 'pipeline', 'enablement', 'engagement'] as const;
export type CategoryName = (typeof categoryNames)[number];

export const peerAttributes = ['partner_type', 'tier', 'region', 'country', 'status'] as const;
export type PeerAttribute = (typeof peerAttributes)[number];

const weight = z.number().min(0, 'weights cannot be negative');
const missing = z.enum(['neutral', 'zero', 'reweight']).default('neutral');

const componentSchema = z.discriminatedUnion('method', [
  z.object({ weight, missing, method: z.literal('target'), cap: z.number().positive('cap must be above 0: it is the value that earns full credit') }).strict(),
  z.object({ weight, missing, method: z.literal('percentile') }).strict(),
  z.object({ weight, missing, method: z.literal('minmax') }).strict(),
  z.object({ weight, missing, method: z.literal('zscore'), clip: z.number().positive().default(2) }).strict(),
]);
export type ComponentConfig = z.output<typeof componentSchema>;

const metricsSchema = z.partialRecord(z.enum(metricNames), componentSchema);
export type CategoryMetrics = z.output<typeof metricsSchema>;

interface CategoryDefaults {
  readonly weight: number;
  readonly metrics: CategoryMetrics;
}

function categorySchema(defaults: CategoryDefaults) {
  return z
    .object({ weight: weight.default(defaults.weight), metrics: metricsSchema.default(defaults.metrics) })
    .strict()
    .prefault({});
}

/** The shipped health model; config/scoring.yml spells out the same values. */
export const defaultCategories: Readonly<Record<CategoryName, CategoryDefaults>> = {
  revenue: {
    weight: 40,
    metrics: {
      attainment: { weight: 50, method: 'target', cap: 1.2, missing: 'reweight' },
      trailing_12m_revenue: { weight: 30, method: 'percentile', missing: 'zero' },
      revenue_growth_yoy: { weight: 20, method: 'percentile', missing: 'reweight' },
    },
  },
  pipeline: {
    weight: 25,
    metrics: {
      pipeline_coverage: { weight: 40, method: 'target', cap: 3, missing: 'reweight' },
      registrations_submitted: { weight: 20, method: 'percentile', missing: 'zero' },
      registration_conversion_rate: { weight: 25, method: 'minmax', missing: 'reweight' },
      registration_velocity_days: { weight: 15, method: 'percentile', missing: 'reweight' },
    },
  },
  enablement: {
    weight: 15,
    metrics: {
      required_training_completion_rate: { weight: 40, method: 'target', cap: 1, missing: 'neutral' },
      certified_people: { weight: 35, method: 'percentile', missing: 'zero' },
      learning_path_progress: { weight: 25, method: 'target', cap: 1, missing: 'reweight' },
    },
  },
  engagement: {
    weight: 20,
    metrics: {
      active_portal_days: { weight: 30, method: 'percentile', missing: 'zero' },
      communication_response_rate: { weight: 25, method: 'zscore', clip: 2, missing: 'neutral' },
      days_since_last_commercial_activity: { weight: 20, method: 'target', cap: 120, missing: 'neutral' },
      mdf_utilization: { weight: 15, method: 'target', cap: 0.9, missing: 'reweight' },
      has_active_business_plan: { weight: 10, method: 'target', cap: 1, missing: 'zero' },
    },
  },
};

const gradeSchema = z.object({ grade: z.string().min(1), min_score: z.number().min(0).max(100) }).strict();

export const healthSchema = z
  .object({
    categories: z
      .object({
        revenue: categorySchema(defaultCategories.revenue),
        pipeline: categorySchema(defaultCategories.pipeline),
        enablement: categorySchema(defaultCategories.enablement),
        engagement: categorySchema(defaultCategories.engagement),
      })
      .strict()
      .prefault({}),
    peer_group: z
      .object({
        attributes: z.array(z.enum(peerAttributes)).default(['partner_type', 'region']),
        min_size: z.number().int().min(1).default(10),
      })
      .strict()
      .prefault({}),
    grades: z
      .array(gradeSchema)
      .min(1)
      .default([
        { grade: 'A', min_score: 80 },
        { grade: 'B', min_score: 65 },
        { grade: 'C', min_score: 50 },
        { grade: 'D', min_score: 35 },
        { grade: 'E', min_score: 0 },
      ]),
    trend_periods: z.number().int().min(2).max(60).default(6),
    drivers: z.number().int().min(0).max(10).default(2),
  })
  .strict()
  .prefault({});
