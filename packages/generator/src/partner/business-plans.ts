import { dayOf, isoDate, yearOfMonth } from '../calendar.js';
import { Random, streams } from '../random.js';
import type { Archetype } from '../world/archetypes.js';
import type { PartnerContext } from './context.js';

const planChance: Readonly<Record<Archetype, number>> = {
  star: 1, rising: 0.5, steady: 0.3, at_risk: 0.7, dormant: 0.35, new: 0,
};

type PlanStatus = 'draft' | 'active' | 'completed' | 'cancelled';

function statusOf(context: PartnerContext, year: number): PlanStatus {
  const endYear = yearOfMonth(context.settings.endMonth);
  if (year < endYear) return context.silenceStartDay <= dayOf(year, 12, 31) ? 'cancelled' : 'completed';
  return context.profile.archetype === 'dormant' ? 'cancelled' : 'active';
}

/** The latest quarterly review on or before `until`, after the plan was created. */
function lastReview(created: number, year: number, until: number, random: Random): number | null {
  let review: number | null = null;
  for (const month of [3, 6, 9, 12]) {
    const day = dayOf(year, month, 1) + 20 + random.int(0, 9);
    if (day > created && day <= until) review = day;
  }
  return review;
}

/** Joint business plans, one per year; the current year's is active for the partners that plan with the vendor. */
export function emitBusinessPlans(context: PartnerContext): void {
  const { profile, settings } = context;
  const random = new Random(settings.seed, streams.businessPlans, profile.index);
  if (!random.chance(planChance[profile.archetype])) return;
  const firstYear = yearOfMonth(profile.archetype === 'rising' ? Math.floor((profile.firstMonth + settings.endMonth) / 2) : profile.firstMonth);
  for (let year = firstYear; year <= yearOfMonth(settings.endMonth); year++) {
    const created = Math.max(dayOf(year - 1, 12, random.int(1, 20)), profile.onboardedDay + 10);
    if (created > settings.endDay || created >= context.silenceStartDay) continue;
    const until = Math.min(settings.endDay, dayOf(year, 12, 31), context.silenceStartDay - 1);
    const reviewed = lastReview(created, year, until, random);
    context.emit('business_plans', {
      partner_id: profile.id,
      plan_id: `JBP-${year}-${profile.number}`,
      period: String(year),
      status: statusOf(context, year),
      created_at: isoDate(created),
      last_reviewed_at: reviewed === null ? null : isoDate(reviewed),
    });
  }
}
