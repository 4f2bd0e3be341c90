import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createScorer, defaultScoringConfig, validateScoringConfig } from '../src/index.js';
import { metricRow, type RowInput } from './support/rows.js';

const maybe = (arbitrary: fc.Arbitrary<number>) => fc.option(arbitrary, { nil: null, freq: 5 });

/** A partner-period with random values for the default health metrics (some missing). */
const rowInput: fc.Arbitrary<RowInput> = fc.record({
  partner_type: fc.constantFrom('reseller', 'msp'),
  region: fc.constantFrom('emea', 'apac'),
  attainment: maybe(fc.double({ min: 0, max: 2, noNaN: true })),
  trailing_12m_revenue: maybe(fc.integer({ min: 0, max: 5_000_000 })),
  revenue_growth_yoy: maybe(fc.double({ min: -1, max: 3, noNaN: true })),
  pipeline_coverage: maybe(fc.double({ min: 0, max: 6, noNaN: true })),
  registrations_submitted: maybe(fc.integer({ min: 0, max: 30 })),
  registration_conversion_rate: maybe(fc.double({ min: 0, max: 1, noNaN: true })),
  registration_velocity_days: maybe(fc.integer({ min: 1, max: 200 })),
  required_training_completion_rate: maybe(fc.double({ min: 0, max: 1, noNaN: true })),
  certified_people: maybe(fc.integer({ min: 0, max: 40 })),
  learning_path_progress: maybe(fc.double({ min: 0, max: 1, noNaN: true })),
  active_portal_days: maybe(fc.integer({ min: 0, max: 31 })),
  communication_response_rate: maybe(fc.double({ min: 0, max: 1, noNaN: true })),
  days_since_last_commercial_activity: maybe(fc.integer({ min: 0, max: 400 })),
  mdf_utilization: maybe(fc.double({ min: 0, max: 1.5, noNaN: true })),
  has_active_business_plan: maybe(fc.constantFrom(0, 1)),
});

const period = fc.array(rowInput, { minLength: 1, maxLength: 25 }).map((inputs) => inputs.map((input, index) => metricRow({ ...input, partner_id: `p${index}` })));

const weight = fc.integer({ min: 0, max: 100 });
const weightedConfig = fc.record({ revenue: weight, pipeline: weight, enablement: weight, engagement: fc.integer({ min: 1, max: 100 }), attainment: fc.integer({ min: 1, max: 100 }), trailing: weight }).map((w) =>
  validateScoringConfig({
    health: {
      categories: {
        revenue: { weight: w.revenue, metrics: { attainment: { weight: w.attainment, method: 'target', cap: 1.2, missing: 'reweight' }, trailing_12m_revenue: { weight: w.trailing, method: 'percentile', missing: 'zero' } } },
        pipeline: { weight: w.pipeline },
        enablement: { weight: w.enablement },
        engagement: { weight: w.engagement },
      },
    },
  }),
);

describe('health score invariants', () => {
  it('contributions sum exactly to the score, which stays within 0..100', () => {
    fc.assert(
      fc.property(period, weightedConfig, (rows, config) => {
        for (const row of createScorer(rows, config).healthScores('2026-01-01')) {
          expect(row.explanation.points.reduce((sum, points) => sum + points, 0)).toBe(row.health_score);
          expect(row.health_score).toBeGreaterThanOrEqual(0);
          expect(row.health_score).toBeLessThanOrEqual(100);
        }
      }),
    );
  });

  it('normalizes weights: each row shares out exactly the whole score', () => {
    fc.assert(
      fc.property(period, weightedConfig, (rows, config) => {
        for (const row of createScorer(rows, config).healthScores('2026-01-01')) {
          const total = row.explanation.weights.reduce((sum, share) => sum + share, 0);
          expect(total).toBeCloseTo(1, 3);
        }
      }),
    );
  });

  it('more attainment never lowers the score, all else equal', () => {
    fc.assert(
      fc.property(period, fc.nat(), fc.double({ min: 0, max: 2, noNaN: true }), (rows, pick, extra) => {
        const index = pick % rows.length;
        const base = rows[index]!.attainment ?? 0;
        const before = createScorer(rows.map((row, at) => (at === index ? { ...row, attainment: base } : row)), defaultScoringConfig).healthScores('2026-01-01')[index]!;
        const after = createScorer(rows.map((row, at) => (at === index ? { ...row, attainment: base + extra } : row)), defaultScoringConfig).healthScores('2026-01-01')[index]!;
        expect(after.health_score).toBeGreaterThanOrEqual(before.health_score);
      }),
    );
  });
});
