import type { PartnerPeriodMetrics } from '@ppm/core';
import type { SegmentName } from '../../src/index.js';
import { between, seeded, whole } from './random.js';
import { addMonths, metricRow } from './rows.js';

/** The archetypes the sample data generator plants, and the segment each must land in. */
export const archetypes = ['star', 'rising', 'steady', 'at_risk', 'dormant', 'new'] as const;
export type Archetype = (typeof archetypes)[number];

export const expectedSegment: Readonly<Record<Archetype, SegmentName>> = {
  star: 'grow',
  rising: 'grow',
  steady: 'maintain',
  at_risk: 'intervene',
  dormant: 'exit_review',
  new: 'onboarding',
};

interface Engagement {
  readonly portal: [number, number];
  readonly response: [number, number];
  readonly training: [number, number];
  readonly certified: [number, number];
  readonly coverage: [number, number];
  readonly plan: number;
}

const engagement: Readonly<Record<Archetype, Engagement>> = {
  star: { portal: [12, 20], response: [0.5, 0.8], training: [0.9, 1], certified: [8, 15], coverage: [2.5, 4], plan: 1 },
  rising: { portal: [8, 16], response: [0.4, 0.7], training: [0.7, 0.95], certified: [3, 8], coverage: [2, 3.5], plan: 1 },
  steady: { portal: [4, 10], response: [0.2, 0.5], training: [0.5, 0.8], certified: [2, 5], coverage: [1.2, 2.2], plan: 0 },
  at_risk: { portal: [12, 20], response: [0.5, 0.8], training: [0.85, 1], certified: [3, 8], coverage: [0.5, 1.2], plan: 1 },
  dormant: { portal: [0, 2], response: [0, 0.1], training: [0.1, 0.4], certified: [0, 1], coverage: [0, 0.2], plan: 0 },
  new: { portal: [5, 15], response: [0.3, 0.6], training: [0.3, 0.7], certified: [0, 2], coverage: [0.5, 1.5], plan: 0 },
};

/** Monthly attainment of month m (0-based) of `months`, by archetype. */
function attainment(archetype: Archetype, m: number, months: number, next: () => number): number {
  const fromEnd = months - 1 - m;
  switch (archetype) {
    case 'star':
      return between(next, 1.25, 1.6);
    case 'rising':
      return fromEnd < 3 ? between(next, 1.2, 1.35) : 0.7 + (0.6 * m) / (months - 1) + between(next, -0.05, 0.05);
    case 'steady':
      return between(next, 0.88, 1.02);
    case 'at_risk':
      // Holds ~100% for the first half, then falls for the rest of the history (like the sample data generator).
      if (fromEnd < 3) return between(next, 0.36, 0.54);
      return m < months / 2 ? between(next, 0.95, 1.05) : 1 - (0.5 * (m - months / 2)) / (months / 2 - 3) + between(next, -0.03, 0.03);
    case 'dormant':
      return fromEnd < 5 ? 0 : between(next, 0.5, 0.9);
    case 'new':
      return between(next, 0.3, 1.2);
  }
}

const types = ['reseller', 'msp', 'var'];
const regions = ['emea', 'north_america'];
const tiers: Readonly<Record<Archetype, string>> = {
  star: 'gold',
  rising: 'silver',
  steady: 'silver',
  at_risk: 'gold',
  dormant: 'registered',
  new: 'registered',
};

export interface ArchetypeData {
  readonly rows: PartnerPeriodMetrics[];
  readonly truth: ReadonlyMap<string, Archetype>;
  readonly lastPeriod: string;
}

function partnerRows(archetype: Archetype, number: number, months: number, start: string, next: () => number): PartnerPeriodMetrics[] {
  const id = `${archetype}_${number}`;
  const style = engagement[archetype];
  const target = Math.round(between(next, 20_000, 120_000));
  const lead = 12;
  const onboardedAgo = archetype === 'new' ? whole(next, 1, 5) : 24 + whole(next, 0, 36);
  const firstMonth = archetype === 'new' ? months - onboardedAgo : 0;
  // No revenue before onboarding; the 12 lead months feed trailing and year-over-year metrics.
  const revenue = Array.from({ length: months + lead }, (_, m) =>
    m - lead < firstMonth ? 0 : Math.round(target * attainment(archetype, Math.max(0, m - lead), months, next)),
  );
  const lastActive = archetype === 'dormant' ? months - 6 : months;
  const rows: PartnerPeriodMetrics[] = [];
  for (let m = Math.max(0, firstMonth); m < months; m++) {
    const at = m + lead;
    const value = revenue[at]!;
    const inactive = m > lastActive;
    const t12m = revenue.slice(at - 11, at + 1).reduce((sum, item) => sum + item, 0);
    const lastYear = revenue[at - 12]!;
    const coverage = between(next, ...style.coverage);
    const training = between(next, ...style.training);
    const responded = Math.round(4 * between(next, ...style.response));
    const submitted = inactive ? 0 : whole(next, 1, archetype === 'star' ? 12 : 6);
    rows.push(
      metricRow({
        partner_id: id,
        partner_name: `${archetype} partner ${number}`,
        period_start: addMonths(start, m),
        partner_type: types[number % types.length]!,
        region: regions[Math.floor(number / types.length) % regions.length]!,
        tier: tiers[archetype],
        channel_account_manager: number % 5 === 0 ? null : `cam_${number % 4}`,
        months_since_onboarding: onboardedAgo - (months - 1 - m),
        revenue: value,
        target,
        attainment: value / target,
        revenue_prior_period: revenue[at - 1]!,
        revenue_same_period_last_year: lastYear,
        revenue_growth_yoy: lastYear > 0 ? value / lastYear - 1 : null,
        trailing_12m_revenue: t12m,
        registrations_submitted: submitted,
        registration_conversion_rate: inactive ? null : between(next, 0.2, 0.6),
        registration_velocity_days: inactive ? null : whole(next, 30, 90),
        open_pipeline: Math.round(coverage * 3 * target),
        forward_target: 3 * target,
        pipeline_coverage: coverage,
        required_trainings_assigned: 10,
        required_trainings_completed: Math.round(training * 10),
        required_training_completion_rate: Math.round(training * 10) / 10,
        certified_people: whole(next, ...style.certified),
        learning_path_progress: Math.max(0, training - 0.1),
        active_portal_days: inactive ? whole(next, 0, 1) : whole(next, ...style.portal),
        communications_sent: 4,
        communications_responded: responded,
        communication_response_rate: responded / 4,
        mdf_utilization: style.plan ? between(next, 0.6, 1) : null,
        has_active_business_plan: style.plan,
        days_since_last_commercial_activity: inactive ? (m - lastActive) * 30 + whole(next, 0, 5) : whole(next, 0, 20),
      }),
    );
  }
  return rows;
}

/** `perArchetype` partners of each archetype over `months` months ending at lastPeriod, with ground truth. */
export function archetypeRows(options: { perArchetype?: number; months?: number; seed?: number } = {}): ArchetypeData {
  const { perArchetype = 20, months = 24, seed = 7 } = options;
  const start = '2024-07-01';
  const next = seeded(seed);
  const truth = new Map<string, Archetype>();
  const rows = archetypes.flatMap((archetype) =>
    Array.from({ length: perArchetype }, (_, number) => {
      truth.set(`${archetype}_${number}`, archetype);
      return partnerRows(archetype, number, months, start, next);
    }).flat(),
  );
  return { rows, truth, lastPeriod: addMonths(start, months - 1) };
}
