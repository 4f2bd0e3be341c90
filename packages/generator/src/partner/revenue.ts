import { isWeekend, isoDate, monthPeriod } from '../calendar.js';
import { Random, streams } from '../random.js';
import { productWeights, products } from '../world/catalog.js';
import { localCents, type MonthPlan, type PartnerContext } from './context.js';
import { earliestRegistration, emitDeal } from './deals.js';

const linesByTier: readonly (readonly [number, number])[] = [[1, 3], [2, 5], [3, 6], [4, 8]];
const creditNoteChance = 0.03;

/** YYYYMM, as invoice numbers carry it. */
function compactMonth(month: number): string {
  return monthPeriod(month).replace('-', '');
}

/** Invoice day in [from, to], moved off weekends where the range allows. */
function invoiceDay(plan: MonthPlan, random: Random): number {
  let day = random.int(plan.from, plan.to);
  for (let attempt = 0; attempt < 3 && isWeekend(day); attempt++) day = random.int(plan.from, plan.to);
  return day;
}

/** Shares of the month's revenue per line; with a credit note the last share is negative. */
function lineShares(count: number, random: Random): number[] {
  const weights = Array.from({ length: count }, () => random.lognormal(0.5));
  const credit = count >= 2 && random.chance(creditNoteChance) ? random.between(0.03, 0.12) : 0;
  const positive = credit > 0 ? count - 1 : count;
  let total = 0;
  for (let i = 0; i < positive; i++) total += weights[i] ?? 0;
  return weights.map((weight, i) => (i < positive ? (weight / total) * (1 + credit) : -credit));
}

/** The won registration a line closes, registered weeks before the invoice; null when it would predate the history. */
function wonDeal(context: PartnerContext, day: number, amount: number, random: Random): string | null {
  const registered = day - random.int(25, 110);
  if (registered < earliestRegistration(context)) return null;
  const dealAmount = Math.round((amount * random.between(0.95, 1.2)) / 1000) * 1000;
  return emitDeal(context, { registered, status: 'won', approved: registered + random.int(1, 7), closed: day, amount: Math.max(dealAmount, 1000) });
}

function emitMonth(context: PartnerContext, plan: MonthPlan, random: Random, dealRandom: Random): void {
  const { profile } = context;
  const revenueUsd = plan.attainment * (context.targetUsd.get(plan.month) ?? 0);
  const [fewest, most] = profile.archetype === 'new' ? [1, 2] : (linesByTier[profile.tier] ?? [1, 3]);
  const shares = lineShares(random.int(fewest, most), random);
  const days = shares.map(() => invoiceDay(plan, random)).sort((a, b) => a - b);
  const prefix = `INV-${profile.number}-${compactMonth(plan.month)}-`;
  shares.forEach((share, i) => {
    const day = days[i] ?? plan.from;
    const amount = localCents(context, share * revenueUsd, day);
    const product = products[random.weightedIndex(productWeights)];
    const dealId = amount > 0 && dealRandom.chance(plan.behaviour.wonShare) ? wonDeal(context, day, amount, dealRandom) : null;
    context.emit('revenue', {
      line_id: `${prefix}${i + 1}`,
      partner_id: profile.id,
      booked_at: isoDate(day),
      amount,
      currency: profile.currency,
      product,
      deal_id: dealId,
    });
  });
}

/** Revenue lines month by month: the planned attainment times the month's target, converted at each line's date. */
export function emitRevenue(context: PartnerContext): void {
  const random = new Random(context.settings.seed, streams.revenue, context.profile.index);
  const dealRandom = new Random(context.settings.seed, streams.deals, context.profile.index, 0);
  for (const plan of context.months) {
    if (plan.attainment > 0) emitMonth(context, plan, random, dealRandom);
  }
}
