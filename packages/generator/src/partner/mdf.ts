import { firstDay, quarterPeriod, yearOfMonth } from '../calendar.js';
import { Random, streams } from '../random.js';
import type { Archetype } from '../world/archetypes.js';
import { localCents, type PartnerContext } from './context.js';

/** Quarterly allocation in USD by tier (registered partners get none). */
const allocationUsd = [0, 4_000, 12_000, 35_000];
/** Share of the allocation a partner claims: from, to over its history. */
const utilization: Readonly<Record<Archetype, readonly [number, number]>> = {
  star: [0.85, 0.98],
  rising: [0.3, 0.8],
  steady: [0.5, 0.8],
  at_risk: [0.6, 0.85],
  dormant: [0.1, 0.3],
  new: [0, 0],
};

function wholeUnits(cents: number): number {
  return Math.round(cents / 100) * 100;
}

function emitQuarter(context: PartnerContext, quarter: number, progress: number, random: Random): void {
  const { profile, settings } = context;
  const day = firstDay(quarter);
  const usd = (allocationUsd[profile.tier] ?? 0) * (profile.type === 'distributor' ? 2 : 1) * random.lognormal(0.2) * 100;
  const allocated = localCents(context, usd, day, 10_000);
  const [from, to] = utilization[profile.archetype];
  const used = Math.min(1, Math.max(0, from + (to - from) * progress + random.between(-0.05, 0.05)));
  const idle = day >= context.silenceStartDay || used === 0;
  const requested = idle ? null : wholeUnits(allocated * Math.min(1, used + random.between(0.02, 0.1)));
  const approved = requested === null ? null : wholeUnits(requested * random.between(0.9, 1));
  // Claims come in as the quarter runs; payment follows once it has closed.
  const elapsed = Math.min(3, settings.endMonth - quarter + 1) / 3;
  const claimed = approved === null ? null : Math.min(approved, wholeUnits(allocated * used * elapsed));
  const paid = claimed !== null && quarter + 3 <= settings.endMonth ? claimed : null;
  context.emit('mdf', {
    partner_id: profile.id,
    fund_id: `MDF-${yearOfMonth(quarter)}-Q${Math.floor((quarter % 12) / 3) + 1}-${profile.region}`,
    period: quarterPeriod(quarter),
    allocated,
    requested,
    approved,
    claimed,
    paid,
    currency: profile.currency,
  });
}

/** Market development funds per quarter for silver partners and above (referral partners excepted). */
export function emitMdf(context: PartnerContext): void {
  const { profile, settings } = context;
  if (profile.tier === 0 || profile.type === 'referral' || profile.archetype === 'new') return;
  const random = new Random(settings.seed, streams.mdf, profile.index);
  const first = profile.firstMonth % 3 === 0 ? profile.firstMonth : profile.firstMonth + 3 - (profile.firstMonth % 3);
  const span = Math.max(1, settings.endMonth - first);
  for (let quarter = first; quarter <= settings.endMonth; quarter += 3) {
    emitQuarter(context, quarter, (quarter - first) / span, random);
  }
}
