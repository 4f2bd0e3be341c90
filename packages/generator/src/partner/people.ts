import { Random, streams } from '../random.js';
import type { Archetype } from '../world/archetypes.js';
import type { PartnerContext } from './context.js';

/** A partner employee in the LMS. */
export interface Person {
  readonly id: string;
  readonly index: number;
  readonly joined: number;
}

/** How far back people's records reach before the history starts. */
const recordsReachBackDays = 730;

/** Share of a partner's courses people complete, by archetype. */
export const completionRate: Readonly<Record<Archetype, number>> = {
  star: 1,
  rising: 0.7,
  steady: 0.72,
  at_risk: 0.93,
  dormant: 0.35,
  new: 0.6,
};

/**
 * The partner's people: the first joins right after onboarding; the others over the
 * recent history (a star's early enough to finish every required course).
 */
export function peopleOf(context: PartnerContext): Person[] {
  const { profile, settings } = context;
  const random = new Random(settings.seed, streams.training, profile.index, 0);
  const latest = settings.endDay - (profile.archetype === 'star' ? 75 : 30);
  const earliest = Math.max(profile.onboardedDay, settings.startDay - recordsReachBackDays);
  return Array.from({ length: profile.people }, (_, index) => {
    const joined = index === 0
      ? Math.min(profile.onboardedDay + random.int(3, 20), settings.endDay - 1)
      : random.int(earliest, Math.max(earliest, latest));
    return { id: `U-${profile.number}-${index + 1}`, index, joined };
  });
}
