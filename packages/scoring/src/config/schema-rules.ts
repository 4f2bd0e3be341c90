import { metricsCatalog } from '@ppm/core';
import { z } from 'zod';

/** Measures a tier criterion can use: every metric where more is better, plus two scoring outputs. */
export const tierMeasures = [
  'health_score',
  'trailing_attainment',
  ...metricsCatalog.filter((metric) => metric.higherIsBetter === true).map((metric) => metric.name),
] as const;
export type TierMeasure = (typeof tierMeasures)[number];

const ratio = z.number().min(0);
const periods = z.number().int().min(1).max(60);

export const segmentsSchema = z
  .object({
    attainment_window_periods: periods.default(3),
    onboarding_grace_months: z.number().int().min(0).max(60).default(6),
    exit_review: z
      .object({
        inactive_periods: periods.default(3),
        after_intervention_periods: periods.default(12),
        min_improvement: ratio.default(0.05),
      })
      .strict()
      .prefault({}),
    grow: z
      .object({ min_attainment: ratio.default(1.1), min_health_score: z.number().min(0).max(100).default(50) })
      .strict()
      .prefault({}),
    intervene: z
      .object({ max_attainment: ratio.default(0.8), min_engagement_score: z.number().min(0).max(100).default(40) })
      .strict()
      .prefault({}),
  })
  .strict()
  .prefault({});

const criteriaSchema = z.partialRecord(z.enum(tierMeasures), z.number().min(0));
export type TierCriteria = z.output<typeof criteriaSchema>;

const tierSchema = z
  .object({
    tier: z.string().regex(/^[a-z][a-z0-9_]*$/, 'use lowercase letters, digits and underscores (e.g. gold)'),
    entry: criteriaSchema.default({}),
    retain: criteriaSchema.default({}),
  })
  .strict();

export const tiersSchema = z
  .object({
    min_tenure_periods: z.number().int().min(0).max(60).default(6),
    consecutive_periods: periods.default(3),
    ladder: z
      .array(tierSchema)
      .min(1)
      .default([
        { tier: 'registered', entry: {}, retain: { trailing_12m_revenue: 1 } },
        {
          tier: 'silver',
          entry: { trailing_12m_revenue: 100_000, certified_people: 2 },
          retain: { trailing_12m_revenue: 70_000, certified_people: 1 },
        },
        {
          tier: 'gold',
          entry: { trailing_12m_revenue: 500_000, certified_people: 5, health_score: 60 },
          retain: { trailing_12m_revenue: 350_000, certified_people: 3, health_score: 50 },
        },
        {
          tier: 'platinum',
          entry: { trailing_12m_revenue: 2_000_000, certified_people: 10, health_score: 70, trailing_attainment: 1 },
          retain: { trailing_12m_revenue: 1_500_000, certified_people: 7, health_score: 60, trailing_attainment: 0.85 },
        },
      ]),
  })
  .strict()
  .prefault({});
