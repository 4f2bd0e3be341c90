import type { Archetype, MonthPosition } from './archetypes.js';

/** How intensely a partner acts in one month; expected values, drawn per month by the entity generators. */
export interface MonthBehaviour {
  /** Distinct days with portal logins. */
  readonly portalDays: number;
  /** Probability that a communication sent gets a response. */
  readonly responseRate: number;
  readonly downloadDays: number;
  readonly webinarChance: number;
  /** Probability that a revenue line closes a registered deal. */
  readonly wonShare: number;
  /** Registrations that end other than won (or are still open). */
  readonly otherRegistrations: number;
  readonly newOpportunities: number;
}

type Intensity = { readonly [K in keyof MonthBehaviour]: readonly [from: number, to: number] };

const flat = (value: number) => [value, value] as const;

const intensities: Readonly<Record<Archetype, Intensity>> = {
  star: {
    portalDays: flat(6), responseRate: flat(0.75), downloadDays: flat(0.7), webinarChance: flat(0.35),
    wonShare: flat(0.3), otherRegistrations: flat(0.7), newOpportunities: flat(0.9),
  },
  rising: {
    portalDays: [1.5, 5], responseRate: [0.25, 0.62], downloadDays: [0.15, 0.5], webinarChance: [0.1, 0.3],
    wonShare: [0.08, 0.25], otherRegistrations: [0.2, 0.6], newOpportunities: [0.3, 0.8],
  },
  steady: {
    portalDays: flat(2.5), responseRate: flat(0.42), downloadDays: flat(0.25), webinarChance: flat(0.12),
    wonShare: flat(0.14), otherRegistrations: flat(0.35), newOpportunities: flat(0.45),
  },
  at_risk: {
    portalDays: flat(5), responseRate: flat(0.65), downloadDays: flat(0.5), webinarChance: flat(0.28),
    wonShare: [0.18, 0.08], otherRegistrations: [0.45, 0.3], newOpportunities: [0.5, 0.3],
  },
  dormant: {
    portalDays: [1.2, 0.6], responseRate: [0.18, 0.08], downloadDays: flat(0.1), webinarChance: flat(0.03),
    wonShare: flat(0.08), otherRegistrations: flat(0.2), newOpportunities: flat(0.25),
  },
  new: {
    portalDays: flat(3.5), responseRate: flat(0.5), downloadDays: flat(0.4), webinarChance: flat(0.3),
    wonShare: flat(0), otherRegistrations: flat(0), newOpportunities: flat(0.3),
  },
};

const silent: MonthBehaviour = {
  portalDays: 0.1, responseRate: 0, downloadDays: 0, webinarChance: 0,
  wonShare: 0, otherRegistrations: 0, newOpportunities: 0,
};

/** Behaviour of the archetype at a month; a dormant partner in its silent months barely acts at all. */
export function behaviourAt(archetype: Archetype, position: MonthPosition, isSilent: boolean): MonthBehaviour {
  if (isSilent) return silent;
  const p = position.count > 1 ? position.index / (position.count - 1) : 1;
  const intensity = intensities[archetype];
  const at = (key: keyof MonthBehaviour) => {
    const [from, to] = intensity[key];
    return from + (to - from) * p;
  };
  return {
    portalDays: at('portalDays'),
    responseRate: at('responseRate'),
    downloadDays: at('downloadDays'),
    webinarChance: at('webinarChance'),
    wonShare: at('wonShare'),
    otherRegistrations: at('otherRegistrations'),
    newOpportunities: at('newOpportunities'),
  };
}
