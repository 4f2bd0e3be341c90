import { isoDay, parseCalendarPeriod, periodKey, type CalendarPeriod, type Day } from './calendar.js';
import type { Entity } from './contract.js';
import { FxTable } from './fx.js';
import { readSourceFolder, type RawRecord } from './read-files.js';
import { Fields, parseBoolean, parseChoice, parseDecimal, parseTimestampDay } from './values.js';

export interface PartnerVersion {
  readonly partnerId: string;
  readonly effectiveFrom: Day;
  readonly name: string;
  readonly partnerType: string;
  readonly tier: string;
  readonly region: string;
  readonly country: string;
  readonly status: string;
  readonly onboardedAt: Day;
  readonly channelAccountManager: string | null;
}

export interface RevenueLine { readonly partnerId: string; readonly bookedAt: Day; readonly positive: boolean; readonly cents: number }
export interface Target { readonly partnerId: string; readonly period: CalendarPeriod; readonly cents: number }
export interface Registration {
  readonly partnerId: string;
  readonly registeredAt: Day;
  readonly status: string;
  readonly approvedAt: Day | null;
  readonly closedAt: Day | null;
  readonly cents: number;
}
export interface PipelineRow { readonly partnerId: string; readonly snapshotDate: Day; readonly stage: string; readonly cents: number }
export interface TrainingRow { readonly partnerId: string; readonly required: boolean; readonly learningPath: string | null; readonly assignedAt: Day; readonly completedAt: Day | null }
export interface Certification { readonly partnerId: string; readonly personId: string; readonly level: string; readonly earnedAt: Day; readonly expiresAt: Day | null }
export interface EngagementEvent { readonly partnerId: string; readonly occurredOn: Day; readonly kind: string; readonly count: number }
export interface MdfRow { readonly partnerId: string; readonly period: CalendarPeriod; readonly allocatedCents: number; readonly claimedCents: number | null }
export interface BusinessPlan { readonly partnerId: string; readonly period: CalendarPeriod; readonly status: string; readonly createdAt: Day }
export interface OnboardingMilestone { readonly partnerId: string; readonly milestone: string; readonly completedAt: Day }

/** The contract entities as the warehouse should hold them after loading the folder, money in reporting cents. */
export interface Dataset {
  readonly partners: readonly PartnerVersion[];
  readonly revenue: readonly RevenueLine[];
  readonly targets: readonly Target[];
  readonly registrations: readonly Registration[];
  readonly pipeline: readonly PipelineRow[];
  readonly training: readonly TrainingRow[];
  readonly certifications: readonly Certification[];
  readonly engagement: readonly EngagementEvent[];
  readonly mdf: readonly MdfRow[];
  readonly businessPlans: readonly BusinessPlan[];
  readonly onboarding: readonly OnboardingMilestone[];
}

/** Typed rows by natural key: a later record with the same key replaces the earlier one. */
function keyed<T>(records: readonly RawRecord[], entity: Entity, build: (fields: Fields) => { key: string; row: T }): T[] {
  const rows = new Map<string, T>();
  records.forEach((record, index) => {
    const { key, row } = build(new Fields(record, `${entity} record ${index + 1}`));
    rows.set(key, row);
  });
  return [...rows.values()];
}

export function readDataset(folder: string, reportingCurrency = 'USD'): Dataset {
  const records = readSourceFolder(folder);
  const of = (entity: Entity) => records.get(entity) ?? [];
  const fx = new FxTable(reportingCurrency, of('fx_rates'));
  const money = (fields: Fields, field: string, on: Day) => fx.toCents(parseDecimal(fields.required(field)), fields.required('currency'), on);
  const optionalMoney = (fields: Fields, field: string, on: Day) => (fields.optional(field) === null ? null : money(fields, field, on));
  const period = (fields: Fields) => parseCalendarPeriod(fields.required('period'));

  return {
    partners: keyed(of('partners'), 'partners', (f) => {
      const row: PartnerVersion = {
        partnerId: f.required('partner_id'),
        effectiveFrom: f.day('effective_from'),
        name: f.required('name'),
        partnerType: parseChoice(f.required('partner_type')),
        tier: parseChoice(f.required('tier')),
        region: f.required('region'),
        country: f.required('country'),
        status: parseChoice(f.required('status')),
        onboardedAt: f.day('onboarded_at'),
        channelAccountManager: f.optional('channel_account_manager'),
      };
      return { key: `${row.partnerId}|${row.effectiveFrom}`, row };
    }),
    revenue: keyed(of('revenue'), 'revenue', (f) => {
      const bookedAt = f.day('booked_at');
      const amount = parseDecimal(f.required('amount'));
      const row: RevenueLine = { partnerId: f.required('partner_id'), bookedAt, positive: amount.digits > 0n, cents: money(f, 'amount', bookedAt) };
      const derived = [row.partnerId, isoDay(bookedAt), f.optional('product'), f.optional('deal_id'), f.required('amount'), f.required('currency')];
      return { key: f.optional('line_id') ?? JSON.stringify(derived), row };
    }),
    targets: keyed(of('targets'), 'targets', (f) => {
      const row: Target = { partnerId: f.required('partner_id'), period: period(f), cents: money(f, 'amount', period(f).start) };
      return { key: `${row.partnerId}|${periodKey(row.period)}`, row };
    }),
    registrations: keyed(of('deal_registrations'), 'deal_registrations', (f) => {
      const registeredAt = f.day('registered_at');
      const row: Registration = {
        partnerId: f.required('partner_id'),
        registeredAt,
        status: parseChoice(f.required('status')),
        approvedAt: f.optionalDay('approved_at'),
        closedAt: f.optionalDay('closed_at'),
        cents: money(f, 'amount', registeredAt),
      };
      return { key: f.required('deal_id'), row };
    }),
    pipeline: keyed(of('pipeline'), 'pipeline', (f) => {
      const snapshotDate = f.day('snapshot_date');
      const row: PipelineRow = { partnerId: f.required('partner_id'), snapshotDate, stage: f.required('stage'), cents: money(f, 'amount', snapshotDate) };
      return { key: `${f.required('opportunity_id')}|${snapshotDate}`, row };
    }),
    training: keyed(of('training'), 'training', (f) => {
      const row: TrainingRow = {
        partnerId: f.required('partner_id'),
        required: parseBoolean(f.required('required')),
        learningPath: f.optional('learning_path'),
        assignedAt: f.day('assigned_at'),
        completedAt: f.optionalDay('completed_at'),
      };
      return { key: JSON.stringify([row.partnerId, f.required('person_id'), f.required('course_id')]), row };
    }),
    certifications: keyed(of('certifications'), 'certifications', (f) => {
      const row: Certification = {
        partnerId: f.required('partner_id'),
        personId: f.required('person_id'),
        level: parseChoice(f.required('level')),
        earnedAt: f.day('earned_at'),
        expiresAt: f.optionalDay('expires_at'),
      };
      return { key: JSON.stringify([row.partnerId, row.personId, f.required('certification'), row.earnedAt]), row };
    }),
    engagement: keyed(of('engagement_events'), 'engagement_events', (f) => {
      const count = f.optional('count');
      const row: EngagementEvent = {
        partnerId: f.required('partner_id'),
        occurredOn: parseTimestampDay(f.required('occurred_at')),
        kind: parseChoice(f.required('kind')),
        count: count === null ? 1 : Number(count),
      };
      return { key: f.optional('event_id') ?? JSON.stringify([row.partnerId, f.required('occurred_at'), row.kind]), row };
    }),
    mdf: keyed(of('mdf'), 'mdf', (f) => {
      const start = period(f).start;
      const row: MdfRow = { partnerId: f.required('partner_id'), period: period(f), allocatedCents: money(f, 'allocated', start), claimedCents: optionalMoney(f, 'claimed', start) };
      return { key: JSON.stringify([row.partnerId, f.required('fund_id'), periodKey(row.period)]), row };
    }),
    businessPlans: keyed(of('business_plans'), 'business_plans', (f) => {
      const row: BusinessPlan = { partnerId: f.required('partner_id'), period: period(f), status: parseChoice(f.required('status')), createdAt: f.day('created_at') };
      return { key: f.required('plan_id'), row };
    }),
    onboarding: keyed(of('onboarding'), 'onboarding', (f) => {
      const row: OnboardingMilestone = { partnerId: f.required('partner_id'), milestone: f.required('milestone'), completedAt: f.day('completed_at') };
      return { key: JSON.stringify([row.partnerId, row.milestone]), row };
    }),
  };
}
