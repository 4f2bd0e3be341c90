import { isoDate } from '../calendar.js';
import { Random, streams } from '../random.js';
import { localCents, type MonthPlan, type PartnerContext } from './context.js';

export interface Deal {
  readonly registered: number;
  readonly status: 'submitted' | 'approved' | 'rejected' | 'won' | 'lost' | 'expired';
  readonly approved: number | null;
  readonly closed: number | null;
  /** Local cents. */
  readonly amount: number;
}

/** Writes a registration and returns its id. */
export function emitDeal(context: PartnerContext, deal: Deal): string {
  const { profile } = context;
  const id = `D-${profile.number}-${String(context.nextDeal++).padStart(4, '0')}`;
  context.emit('deal_registrations', {
    deal_id: id,
    partner_id: profile.id,
    registered_at: isoDate(deal.registered),
    status: deal.status,
    approved_at: deal.approved === null ? null : isoDate(deal.approved),
    closed_at: deal.closed === null ? null : isoDate(deal.closed),
    amount: deal.amount,
    currency: profile.currency,
  });
  if (context.firstRegistrationDay === undefined || deal.registered < context.firstRegistrationDay) context.firstRegistrationDay = deal.registered;
  return id;
}

/** The earliest day a registration can carry: its FX rate must exist and the partner must have joined. */
export function earliestRegistration(context: PartnerContext): number {
  return Math.max(context.settings.startDay, context.profile.onboardedDay);
}

const outcomes = ['rejected', 'lost', 'expired'] as const;
/** Longest time from registration to close. */
const maxDealDays = 130;
const outcomeWeights = [18, 55, 15];

/** A registration that does not end in revenue: rejected, lost, expired, or still open at the end month. */
function otherDeal(context: PartnerContext, plan: MonthPlan, random: Random): Deal {
  const endDay = context.settings.endDay;
  const registered = random.int(plan.from, plan.to);
  const outcome = outcomes[random.weightedIndex(outcomeWeights)] ?? 'lost';
  const decided = registered + random.int(1, 10);
  const closed = registered + (outcome === 'expired' ? 90 : random.int(20, 120));
  const target = context.targetUsd.get(plan.month) ?? 0;
  const amount = localCents(context, target * random.between(0.2, 1.2), registered, 1000);
  if (decided > endDay) return { registered, status: 'submitted', approved: null, closed: null, amount };
  if (outcome === 'rejected') return { registered, status: 'rejected', approved: null, closed: null, amount };
  if (closed > endDay) return { registered, status: 'approved', approved: decided, closed: null, amount };
  return { registered, status: outcome, approved: decided, closed, amount };
}

/** Registrations that are not won (the won ones come with their revenue lines). */
export function emitOtherDeals(context: PartnerContext): void {
  const random = new Random(context.settings.seed, streams.deals, context.profile.index, 1);
  for (const plan of context.months) {
    const count = random.poisson(plan.behaviour.otherRegistrations);
    for (let k = 0; k < count; k++) {
      const deal = otherDeal(context, plan, random);
      // A dormant partner's registrations settle before its silent stretch begins.
      if (deal.registered + maxDealDays >= context.silenceStartDay || deal.amount <= 0) continue;
      emitDeal(context, deal);
    }
  }
}
