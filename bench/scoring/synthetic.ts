import type { PartnerPeriodMetrics } from '@ppm/core';

/** Deterministic PRNG (mulberry32): the same seed gives the same rows on every machine. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const types = ['reseller', 'var', 'msp', 'system_integrator', 'distributor', 'referral', 'isv'];
const regions = ['north_america', 'emea', 'apac', 'latam'];
const tiers = ['registered', 'silver', 'gold', 'platinum'];

interface Profile {
  readonly id: string;
  readonly type: string;
  readonly region: string;
  readonly tier: string;
  readonly manager: string | null;
  readonly target: number;
  readonly level: number;
  readonly drift: number;
  readonly engagement: number;
  readonly onboardedMonth: number;
}

function profile(index: number, next: () => number, months: number): Profile {
  const size = next();
  const tierIndex = size < 0.5 ? 0 : size < 0.8 ? 1 : size < 0.95 ? 2 : 3;
  return {
    id: `p${String(index).padStart(6, '0')}`,
    type: types[Math.floor(next() * types.length)] ?? 'reseller',
    region: regions[Math.floor(next() * regions.length)] ?? 'emea',
    tier: tiers[tierIndex] ?? 'registered',
    manager: next() < 0.1 ? null : `cam_${Math.floor(next() * 200)}`,
    target: Math.round(5_000 * 3 ** tierIndex * (0.5 + next())),
    level: 0.5 + next() * 0.9,
    drift: (next() - 0.5) * 0.03,
    engagement: next(),
    onboardedMonth: Math.floor(next() * (months + 36)) - 36,
  };
}

function month(start: number, offset: number): string {
  const value = start + offset;
  const m = (value % 12) + 1;
  return `${Math.floor(value / 12)}-${m < 10 ? '0' : ''}${m}-01`;
}

/** Month-to-month persistence of a partner's deviation from its level (AR(1) noise). */
const persistence = 0.7;

function row(p: Profile, period: string, m: number, next: () => number, history: number[], shock: Float64Array, index: number): PartnerPeriodMetrics {
  shock[index] = persistence * shock[index]! + (next() - 0.5) * 0.16;
  const attainment = Math.max(0, p.level + p.drift * m + shock[index]);
  const revenue = Math.round(p.target * attainment);
  history.push(revenue);
  const prior = history.at(-2) ?? null;
  const lastYear = history.length > 12 ? (history.at(-13) ?? null) : null;
  const t12m = history.slice(-12).reduce((sum, value) => sum + value, 0);
  const submitted = Math.round((2 + next() * 4) * p.engagement * Math.min(attainment, 1.5));
  const approved = Math.floor(submitted * (0.6 + next() * 0.4));
  const won = Math.floor(approved * next() * 0.6);
  const openPipeline = Math.round(p.target * 3 * (0.5 + next() * 1.5) * attainment);
  const assigned = 10;
  const completed = Math.min(assigned, Math.floor(assigned * p.engagement + next() * 2));
  const certified = Math.floor(p.engagement * 12 + next());
  const advanced = Math.floor(certified * next() * 0.5);
  const sent = 4;
  const responded = Math.floor(sent * p.engagement * next() * 1.2);
  const mdfAllocated = p.tier === 'registered' ? 0 : p.target;
  const mdfClaimed = Math.round(mdfAllocated * p.engagement * next());
  const months = m - p.onboardedMonth;
  return {
    partner_id: p.id,
    partner_name: `Partner ${p.id}`,
    period_start: period,
    period_grain: 'month',
    partner_type: p.type,
    tier: p.tier,
    region: p.region,
    country: 'US',
    status: 'active',
    channel_account_manager: p.manager,
    onboarded_at: '2020-01-01',
    months_since_onboarding: months,
    revenue,
    target: p.target,
    attainment: revenue / p.target,
    revenue_prior_period: prior,
    revenue_growth: prior && prior > 0 ? revenue / prior - 1 : null,
    revenue_same_period_last_year: lastYear,
    revenue_growth_yoy: lastYear && lastYear > 0 ? revenue / lastYear - 1 : null,
    trailing_12m_revenue: t12m,
    program_revenue: null,
    revenue_share: null,
    registrations_submitted: submitted,
    registrations_approved: approved,
    registrations_rejected: submitted - approved,
    registrations_won: won,
    registrations_lost: Math.max(0, approved - won - 1),
    registration_approval_rate: submitted > 0 ? approved / submitted : null,
    won_amount: won * 20_000,
    average_deal_value: won > 0 ? 20_000 : null,
    open_pipeline: openPipeline,
    forward_target: p.target * 3,
    pipeline_coverage: openPipeline / (p.target * 3),
    cohort_registrations_won: won,
    cohort_registrations_closed: approved,
    registration_conversion_rate: approved > 0 ? won / approved : null,
    registration_velocity_days: won > 0 ? 20 + Math.floor(next() * 70) : null,
    required_trainings_assigned: assigned,
    required_trainings_completed: completed,
    required_training_completion_rate: completed / assigned,
    certified_people: certified,
    advanced_certified_people: advanced,
    certification_depth: certified > 0 ? advanced / certified : null,
    learning_path_courses_assigned: 6,
    learning_path_courses_completed: Math.floor(6 * p.engagement),
    learning_path_progress: Math.floor(6 * p.engagement) / 6,
    active_portal_days: Math.round((14 + next() * 6) * p.engagement),
    engagement_events: Math.floor(next() * 40 * p.engagement),
    communications_sent: sent,
    communications_responded: responded,
    communication_response_rate: Math.min(1, responded / sent),
    mdf_allocated_t12m: mdfAllocated,
    mdf_claimed_t12m: mdfClaimed,
    mdf_utilization: mdfAllocated > 0 ? mdfClaimed / mdfAllocated : null,
    has_active_business_plan: p.engagement > 0.6 ? 1 : 0,
    onboarding_milestones_completed: 4,
    onboarding_milestones_required: 4,
    onboarding_completion_rate: 1,
    days_since_last_commercial_activity: revenue > 0 ? Math.floor(next() * 25) : 30 + Math.floor(next() * 60),
  };
}

/** About `partnerPeriods` rows: partners × 36 monthly periods ending 2026-06, seeded. */
export function syntheticRows(partnerPeriods: number, seed = 20261124): PartnerPeriodMetrics[] {
  const months = 36;
  const partners = Math.max(1, Math.round(partnerPeriods / months));
  const start = 2023 * 12 + 6;
  const next = random(seed);
  const profiles = Array.from({ length: partners }, (_, index) => profile(index, next, months));
  const histories = profiles.map((): number[] => []);
  const shock = new Float64Array(partners);
  const rows: PartnerPeriodMetrics[] = [];
  // Period-major, as a warehouse query ordered by period_start returns them.
  for (let m = 0; m < months; m++)
    profiles.forEach((p, index) => rows.push(row(p, month(start, m), m, next, histories[index] ?? [], shock, index)));
  return rows;
}
