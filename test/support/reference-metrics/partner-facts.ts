import type { Day, Month } from './calendar.js';
import type {
  BusinessPlan,
  Certification,
  Dataset,
  EngagementEvent,
  MdfRow,
  OnboardingMilestone,
  PartnerVersion,
  Registration,
  RevenueLine,
  TrainingRow,
} from './dataset.js';

/** A partner's pipeline snapshot: every opportunity row of one snapshot date. */
export interface Snapshot {
  readonly date: Day;
  /** Cents of the opportunities whose stage is not closed. */
  readonly openCents: number;
}

/** Everything known about one partner, grouped for the period computations. */
export interface PartnerFacts {
  readonly partnerId: string;
  /** Attribute versions by effective_from, oldest first. */
  readonly versions: readonly PartnerVersion[];
  readonly revenue: readonly RevenueLine[];
  /** Target cents per month, quarterly and yearly targets spread evenly over their months. */
  readonly monthlyTargetCents: ReadonlyMap<Month, number>;
  readonly registrations: readonly Registration[];
  /** Newest first. */
  readonly snapshots: readonly Snapshot[];
  readonly training: readonly TrainingRow[];
  readonly certifications: readonly Certification[];
  readonly engagement: readonly EngagementEvent[];
  readonly mdf: readonly MdfRow[];
  readonly businessPlans: readonly BusinessPlan[];
  readonly onboarding: readonly OnboardingMilestone[];
}

/** docs/metrics.md: a stage starting with "closed", or won / lost, is not open pipeline. */
export const isClosedStage = (stage: string): boolean => {
  const lower = stage.trim().toLowerCase();
  return lower.startsWith('closed') || lower === 'won' || lower === 'lost';
};

function groupBy<T extends { readonly partnerId: string }>(rows: readonly T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const list = groups.get(row.partnerId) ?? [];
    list.push(row);
    groups.set(row.partnerId, list);
  }
  return groups;
}

export function partnerFacts(dataset: Dataset): PartnerFacts[] {
  const versions = groupBy(dataset.partners);
  const revenue = groupBy(dataset.revenue);
  const targets = groupBy(dataset.targets);
  const registrations = groupBy(dataset.registrations);
  const pipeline = groupBy(dataset.pipeline);
  const training = groupBy(dataset.training);
  const certifications = groupBy(dataset.certifications);
  const engagement = groupBy(dataset.engagement);
  const mdf = groupBy(dataset.mdf);
  const plans = groupBy(dataset.businessPlans);
  const onboarding = groupBy(dataset.onboarding);

  return [...versions.entries()].map(([partnerId, partnerVersions]) => {
    const monthlyTargetCents = new Map<Month, number>();
    for (const target of targets.get(partnerId) ?? []) {
      for (let month = target.period.firstMonth; month < target.period.firstMonth + target.period.months; month += 1) {
        monthlyTargetCents.set(month, (monthlyTargetCents.get(month) ?? 0) + target.cents / target.period.months);
      }
    }
    const openByDate = new Map<Day, number>();
    for (const row of pipeline.get(partnerId) ?? []) {
      openByDate.set(row.snapshotDate, (openByDate.get(row.snapshotDate) ?? 0) + (isClosedStage(row.stage) ? 0 : row.cents));
    }
    return {
      partnerId,
      versions: [...partnerVersions].sort((a, b) => a.effectiveFrom - b.effectiveFrom),
      revenue: revenue.get(partnerId) ?? [],
      monthlyTargetCents,
      registrations: registrations.get(partnerId) ?? [],
      snapshots: [...openByDate.entries()].map(([date, openCents]) => ({ date, openCents })).sort((a, b) => b.date - a.date),
      training: training.get(partnerId) ?? [],
      certifications: certifications.get(partnerId) ?? [],
      engagement: engagement.get(partnerId) ?? [],
      mdf: mdf.get(partnerId) ?? [],
      businessPlans: plans.get(partnerId) ?? [],
      onboarding: onboarding.get(partnerId) ?? [],
    };
  });
}

/** The attribute version in force on `day`; before the first known version, the first one. */
export function versionOn(facts: PartnerFacts, day: Day): PartnerVersion {
  const first = facts.versions[0];
  if (!first) throw new Error(`reference: partner ${facts.partnerId} has no version`);
  return facts.versions.reduce((inForce, version) => (version.effectiveFrom <= day ? version : inForce), first);
}

/** The partner's onboarding date: that of its current (latest) version. */
export const onboardedAt = (facts: PartnerFacts): Day => (facts.versions[facts.versions.length - 1] ?? versionOn(facts, 0)).onboardedAt;
