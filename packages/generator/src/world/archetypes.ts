import type { Random } from '../random.js';

/** The behaviour patterns planted in the ecosystem; ground_truth.csv names one per partner. */
export const archetypes = ['star', 'rising', 'steady', 'at_risk', 'dormant', 'new'] as const;
export type Archetype = (typeof archetypes)[number];

/** Action segments the scoring package assigns at the end month. */
export const segments = ['grow', 'maintain', 'intervene', 'exit_review', 'onboarding'] as const;
export type Segment = (typeof segments)[number];

export const expectedSegments: Readonly<Record<Archetype, Segment>> = {
  star: 'grow',
  rising: 'grow',
  steady: 'maintain',
  at_risk: 'intervene',
  dormant: 'exit_review',
  new: 'onboarding',
};

export const archetypeMix: Readonly<Record<Archetype, number>> = {
  star: 0.1,
  rising: 0.12,
  steady: 0.4,
  at_risk: 0.15,
  dormant: 0.13,
  new: 0.1,
};

/**
 * The bands the archetypes promise for monthly attainment (revenue / target in USD);
 * tests check them, and the plans below stay well inside so rounding and lines
 * carried by deals never cross an edge.
 */
export const attainmentBands = {
  star: { min: 1.25, max: 1.6 },
  risingLastMonths: { min: 1.15 },
  steady: { min: 0.88, max: 1.02 },
  atRiskLastMonths: { max: 0.6 },
  dormantSilentMonths: { min: 4, max: 8 },
  newOnboardedMonthsAgo: { min: 1, max: 5 },
} as const;

/** Where a month lies in a partner's active history. */
export interface MonthPosition {
  /** 0 for the partner's first active month. */
  readonly index: number;
  /** Number of active months up to and including the end month. */
  readonly count: number;
  /** 0 for the end month, 1 for the month before, ... */
  readonly fromEnd: number;
}

const progress = (position: MonthPosition) => (position.count > 1 ? position.index / (position.count - 1) : 1);

function rising(position: MonthPosition, random: Random): number {
  const climb = 0.7 + 0.6 * progress(position) + random.between(-0.04, 0.04);
  return position.fromEnd <= 2 ? Math.max(climb, random.between(1.21, 1.32)) : Math.min(climb, 1.34);
}

function atRisk(position: MonthPosition, random: Random): number {
  if (position.fromEnd <= 2) return random.between(0.36, 0.54);
  const fallFrom = Math.floor(position.count * 0.5);
  if (position.index < fallFrom) return random.between(0.95, 1.05);
  const fallLength = Math.max(1, position.count - 3 - fallFrom);
  const fallen = (position.index - fallFrom) / fallLength;
  return 1 - 0.5 * fallen + random.between(-0.03, 0.03);
}

/** Planned attainment of one month; 0 means no revenue lines at all. */
export function plannedAttainment(archetype: Archetype, position: MonthPosition, silentMonths: number, random: Random): number {
  switch (archetype) {
    case 'star':
      return random.between(1.32, 1.52);
    case 'rising':
      return rising(position, random);
    case 'steady':
      return random.between(0.925, 0.975);
    case 'at_risk':
      return atRisk(position, random);
    case 'dormant':
      return position.fromEnd < silentMonths ? 0 : random.between(0.55, 0.92);
    case 'new':
      return random.between(0.25, 0.7);
  }
}
