import { firstDayOfMonth, lastDayOfMonth, monthOfDay, type CalendarPeriod, type Day, type Month } from './calendar.js';
import type { PartnerFacts } from './partner-facts.js';
import { growth, median, ratio, type MetricValues } from './types.js';

/** Metrics of one partner and period, money in cents; program_revenue and revenue_share need every partner and come later. */
export type PartnerPeriodValues = Omit<MetricValues, 'program_revenue' | 'revenue_share'>;

export interface PeriodSettings {
  readonly onboardingMilestones: readonly string[];
  readonly pipelineStaleDays: number;
}

const within = (day: Day | null, period: CalendarPeriod): day is Day => day !== null && day >= period.start && day <= period.end;
const sum = (values: readonly number[]): number => values.reduce((total, value) => total + value, 0);
const span = (firstMonth: Month, months: number): CalendarPeriod => ({
  firstMonth,
  months,
  start: firstDayOfMonth(firstMonth),
  end: lastDayOfMonth(firstMonth + months - 1),
});

/** The same period shifted by whole months (the previous period, the same period a year earlier). */
export const shifted = (period: CalendarPeriod, months: number): CalendarPeriod => span(period.firstMonth + months, period.months);
export const monthPeriod = (month: Month): CalendarPeriod => span(month, 1);
export const quarterPeriod = (quarterStart: Month): CalendarPeriod => span(quarterStart, 3);

export const revenueCents = (facts: PartnerFacts, period: CalendarPeriod): number =>
  sum(facts.revenue.filter((line) => within(line.bookedAt, period)).map((line) => line.cents));

function targetCents(facts: PartnerFacts, firstMonth: Month, months: number): number {
  let total = 0;
  for (let month = firstMonth; month < firstMonth + months; month += 1) total += facts.monthlyTargetCents.get(month) ?? 0;
  return total;
}

/** Days from registration to close of the registrations won in the period (by closed_at). */
export function wonDealDays(facts: PartnerFacts, period: CalendarPeriod): number[] {
  return facts.registrations.filter((deal) => deal.status === 'won' && within(deal.closedAt, period)).map((deal) => (deal.closedAt ?? 0) - deal.registeredAt);
}

function registrationMetrics(facts: PartnerFacts, period: CalendarPeriod) {
  const cohort = facts.registrations.filter((deal) => within(deal.registeredAt, period));
  const won = facts.registrations.filter((deal) => deal.status === 'won' && within(deal.closedAt, period));
  const lost = facts.registrations.filter((deal) => deal.status === 'lost' && within(deal.closedAt, period));
  const approved = cohort.filter((deal) => ['approved', 'won', 'lost'].includes(deal.status) || deal.approvedAt !== null).length;
  const cohortWon = cohort.filter((deal) => deal.status === 'won').length;
  const cohortClosed = cohort.filter((deal) => deal.status === 'won' || deal.status === 'lost').length;
  const wonAmount = sum(won.map((deal) => deal.cents));
  return {
    registrations_submitted: cohort.length,
    registrations_approved: approved,
    registrations_rejected: cohort.filter((deal) => deal.status === 'rejected').length,
    registration_approval_rate: ratio(approved, cohort.length),
    registrations_won: won.length,
    registrations_lost: lost.length,
    won_amount: wonAmount,
    average_deal_value: ratio(wonAmount, won.length),
    cohort_registrations_won: cohortWon,
    cohort_registrations_closed: cohortClosed,
    registration_conversion_rate: ratio(cohortWon, cohortClosed),
    registration_velocity_days: median(wonDealDays(facts, period)),
  };
}

/** The latest snapshot on or before E; a snapshot older than the stale limit counts as no pipeline. */
function openPipelineCents(facts: PartnerFacts, end: Day, staleDays: number): number {
  const latest = facts.snapshots.find((snapshot) => snapshot.date <= end);
  return latest && end - latest.date <= staleDays ? latest.openCents : 0;
}

function enablementAt(facts: PartnerFacts, end: Day) {
  const assigned = facts.training.filter((row) => row.assignedAt <= end);
  const required = assigned.filter((row) => row.required);
  const paths = assigned.filter((row) => row.learningPath !== null);
  const completed = (rows: typeof assigned) => rows.filter((row) => row.completedAt !== null && row.completedAt <= end).length;
  const valid = facts.certifications.filter((cert) => cert.earnedAt <= end && (cert.expiresAt === null || cert.expiresAt > end));
  const certified = new Set(valid.map((cert) => cert.personId)).size;
  const advanced = new Set(valid.filter((cert) => cert.level === 'professional' || cert.level === 'expert').map((cert) => cert.personId)).size;
  return {
    required_trainings_assigned: required.length,
    required_trainings_completed: completed(required),
    required_training_completion_rate: ratio(completed(required), required.length),
    certified_people: certified,
    advanced_certified_people: advanced,
    certification_depth: ratio(advanced, certified),
    learning_path_courses_assigned: paths.length,
    learning_path_courses_completed: completed(paths),
    learning_path_progress: ratio(completed(paths), paths.length),
  };
}

function engagementIn(facts: PartnerFacts, period: CalendarPeriod) {
  const events = facts.engagement.filter((event) => within(event.occurredOn, period));
  const countOf = (kind: string) => sum(events.filter((event) => event.kind === kind).map((event) => event.count));
  const sent = countOf('communication_sent');
  const responded = countOf('communication_response');
  return {
    active_portal_days: new Set(events.filter((event) => event.kind === 'portal_login').map((event) => event.occurredOn)).size,
    engagement_events: sum(events.map((event) => event.count)),
    communications_sent: sent,
    communications_responded: responded,
    communication_response_rate: ratio(responded, sent),
  };
}

/** An active or completed plan, created on or before the month's end, that covers part of the month. */
const planInMonth = (facts: PartnerFacts, month: Month): boolean =>
  facts.businessPlans.some(
    (plan) => (plan.status === 'active' || plan.status === 'completed') && plan.createdAt <= lastDayOfMonth(month) && plan.period.start <= lastDayOfMonth(month) && plan.period.end >= firstDayOfMonth(month),
  );

function programAt(facts: PartnerFacts, period: CalendarPeriod, settings: PeriodSettings) {
  const twelveMonths = { start: firstDayOfMonth(monthOfDay(period.end) - 11), end: period.end };
  const funds = facts.mdf.filter((row) => row.period.start >= twelveMonths.start && row.period.start <= twelveMonths.end);
  const allocated = sum(funds.map((row) => row.allocatedCents));
  const claimed = sum(funds.map((row) => row.claimedCents ?? 0));
  const months = Array.from({ length: period.months }, (_, offset) => period.firstMonth + offset);
  const milestones = new Set(facts.onboarding.filter((row) => row.completedAt <= period.end && settings.onboardingMilestones.includes(row.milestone)).map((row) => row.milestone));
  return {
    mdf_allocated_t12m: allocated,
    mdf_claimed_t12m: claimed,
    mdf_utilization: ratio(claimed, allocated),
    // Quarter rows: 1 when any of its months had a plan.
    has_active_business_plan: months.some((month) => planInMonth(facts, month)) ? 1 : 0,
    onboarding_milestones_completed: milestones.size,
    onboarding_milestones_required: settings.onboardingMilestones.length,
    onboarding_completion_rate: ratio(milestones.size, settings.onboardingMilestones.length),
  };
}

/** E minus the latest positive revenue line or registration on or before E; from onboarded_at when there was none. */
function daysSinceActivity(facts: PartnerFacts, end: Day, onboardedAt: Day): number {
  const dates = [
    ...facts.revenue.filter((line) => line.positive && line.bookedAt <= end).map((line) => line.bookedAt),
    ...facts.registrations.filter((deal) => deal.registeredAt <= end).map((deal) => deal.registeredAt),
  ];
  return end - (dates.length === 0 ? onboardedAt : Math.max(...dates));
}

export function partnerPeriodValues(facts: PartnerFacts, period: CalendarPeriod, onboardedAt: Day, settings: PeriodSettings): PartnerPeriodValues {
  const revenue = revenueCents(facts, period);
  const target = targetCents(facts, period.firstMonth, period.months);
  const prior = revenueCents(facts, shifted(period, -period.months));
  const lastYear = revenueCents(facts, shifted(period, -12));
  const endMonth = monthOfDay(period.end);
  const openPipeline = openPipelineCents(facts, period.end, settings.pipelineStaleDays);
  const forwardTarget = targetCents(facts, endMonth + 1, 3);
  return {
    revenue,
    target,
    attainment: ratio(revenue, target),
    revenue_prior_period: prior,
    revenue_growth: growth(revenue, prior),
    revenue_same_period_last_year: lastYear,
    revenue_growth_yoy: growth(revenue, lastYear),
    trailing_12m_revenue: revenueCents(facts, span(endMonth - 11, 12)),
    ...registrationMetrics(facts, period),
    open_pipeline: openPipeline,
    forward_target: forwardTarget,
    pipeline_coverage: ratio(openPipeline, forwardTarget),
    ...enablementAt(facts, period.end),
    ...engagementIn(facts, period),
    ...programAt(facts, period, settings),
    days_since_last_commercial_activity: daysSinceActivity(facts, period.end, onboardedAt),
  };
}
