import { isoDate, lastDay } from '../calendar.js';
import { Random, streams } from '../random.js';
import { pipelineStages } from '../world/catalog.js';
import { localCents, type PartnerContext } from './context.js';
import { dateUnlessFuture } from './dates.js';

interface Opportunity {
  readonly id: string;
  readonly created: number;
  /** Last month it appears in a snapshot. */
  readonly until: number;
  readonly firstStage: number;
  readonly amount: number;
  readonly expectedClose: string | null;
}

function openOpportunity(context: PartnerContext, month: number, seq: number, random: Random): Opportunity | null {
  const silentFrom = context.settings.endMonth - context.profile.silentMonths + 1;
  const until = Math.min(month + random.int(0, 3), context.profile.silentMonths > 0 ? silentFrom - 1 : Number.POSITIVE_INFINITY);
  if (until < month) return null;
  const snapshotDay = lastDay(month);
  const usd = (context.targetUsd.get(month) ?? 0) * random.between(0.3, 1.4);
  return {
    id: `OPP-${context.profile.number}-${String(seq).padStart(4, '0')}`,
    created: month,
    until,
    firstStage: random.int(0, 2),
    amount: localCents(context, usd, snapshotDay, 10_000),
    expectedClose: dateUnlessFuture(context, 'pipeline', 'expected_close_at', lastDay(until) + random.int(1, 25)),
  };
}

/** Month-end snapshots of the partner's open opportunities. */
export function emitPipeline(context: PartnerContext): void {
  const { profile } = context;
  const random = new Random(context.settings.seed, streams.pipeline, profile.index);
  let open: Opportunity[] = [];
  let seq = 1;
  for (const plan of context.months) {
    const arrivals = random.poisson(plan.behaviour.newOpportunities);
    for (let k = 0; k < arrivals; k++) {
      const opportunity = openOpportunity(context, plan.month, seq++, random);
      if (opportunity && opportunity.amount > 0) open.push(opportunity);
    }
    open = open.filter((opportunity) => opportunity.until >= plan.month);
    const snapshot = isoDate(Math.min(lastDay(plan.month), context.settings.endDay));
    for (const opportunity of open) {
      const stage = pipelineStages[Math.min(pipelineStages.length - 1, opportunity.firstStage + plan.month - opportunity.created)];
      context.emit('pipeline', {
        partner_id: profile.id,
        opportunity_id: opportunity.id,
        snapshot_date: snapshot,
        stage,
        amount: opportunity.amount,
        currency: profile.currency,
        expected_close_at: opportunity.expectedClose,
      });
    }
  }
}
