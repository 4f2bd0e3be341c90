import { daysIn, firstDay, monthOfDay } from '../calendar.js';
import type { Settings } from '../options.js';
import { Random, streams } from '../random.js';
import { attainmentBands, type Archetype } from './archetypes.js';
import { countriesOf, type Region } from './geography.js';
import { companyName } from './names.js';
import { tiers, type Population } from './population.js';

/** One partner as planted: everything its rows are derived from. */
export interface PartnerProfile {
  readonly index: number;
  readonly id: string;
  /** The id's digits, used inside other ids (line, deal, opportunity ids). */
  readonly number: string;
  readonly archetype: Archetype;
  readonly type: string;
  readonly region: Region;
  readonly country: string;
  readonly currency: string;
  /** Index into the configured tiers at the start of the history. */
  readonly tier: number;
  readonly name: string;
  readonly cam: string;
  readonly parentId: string | null;
  readonly onboardedDay: number;
  /** First month of the history with activity (the start month or the onboarding month). */
  readonly firstMonth: number;
  /** Monthly target in USD at the start of the history, before seasonality and growth. */
  readonly baselineUsd: number;
  readonly annualGrowth: number;
  readonly targetGrain: 'month' | 'quarter';
  /** dormant: months without revenue or registrations at the end of the history. */
  readonly silentMonths: number;
  readonly people: number;
}

/** Tier mix per archetype (registered, silver, gold, platinum): the program stays a pyramid. */
const tierWeights: Readonly<Record<Archetype, readonly number[]>> = {
  star: [5, 20, 45, 30],
  rising: [40, 40, 20, 0],
  steady: [45, 32, 17, 6],
  at_risk: [30, 35, 25, 10],
  dormant: [50, 30, 15, 5],
  new: [85, 15, 0, 0],
};
const tierBaselineUsd = [6_000, 20_000, 60_000, 180_000];
const typeSize: Readonly<Record<string, number>> = {
  distributor: 4, system_integrator: 1.4, var: 1.1, reseller: 1, msp: 0.8, isv: 0.7, referral: 0.3,
};
const peopleByTier: readonly (readonly [number, number])[] = [[1, 2], [2, 3], [3, 5], [4, 7]];
const twoTierTypes = new Set(['reseller', 'var']);

function onboardedDay(settings: Settings, archetype: Archetype, random: Random): number {
  if (archetype === 'new') {
    const { min, max } = attainmentBands.newOnboardedMonthsAgo;
    const month = settings.endMonth - random.int(min, max);
    return firstDay(month) + random.int(0, daysIn(month) - 1);
  }
  const canJoinLate = archetype !== 'dormant' && settings.months >= 24;
  if (canJoinLate && random.chance(0.12)) {
    const month = random.int(settings.startMonth + 1, settings.endMonth - 15);
    return firstDay(month) + random.int(0, daysIn(month) - 1);
  }
  return random.int(settings.startDay - 6 * 365, settings.startDay - 90);
}

function pickCountry(region: Region, random: Random) {
  const options = countriesOf(region);
  return options[random.weightedIndex(options.map((country) => country.weight))] ?? options[0];
}

function pickParent(population: Population, index: number, type: string, region: Region, random: Random): string | null {
  const candidates = population.distributorsIn(region);
  if (!twoTierTypes.has(type) || candidates.length === 0 || !random.chance(0.45)) return null;
  return population.partnerId(random.pick(candidates));
}

function tierFor(archetype: Archetype, random: Random): number {
  const weights = tierWeights[archetype].slice(0, tiers.length);
  return Math.min(random.weightedIndex(weights), tiers.length - 1);
}

export function buildProfile(population: Population, index: number): PartnerProfile {
  const settings = population.settings;
  const random = new Random(settings.seed, streams.profile, index, 1);
  const archetype = population.archetypeOf(index);
  const type = population.typeOf(index);
  const region = population.regionOf(index);
  const country = pickCountry(region, random);
  if (!country) throw new Error(`No countries configured for region ${region}`);
  const tier = tierFor(archetype, random);
  const onboarded = onboardedDay(settings, archetype, random);
  const [fewest, most] = peopleByTier[tier] ?? [1, 2];
  const size = (tierBaselineUsd[tier] ?? 6_000) * (typeSize[type] ?? 1) * random.lognormal(0.45);
  const id = population.partnerId(index);
  return {
    index,
    id,
    number: id.slice(1),
    archetype,
    type,
    region,
    country: country.code,
    currency: random.chance(country.usdShare) ? 'USD' : country.currency,
    tier,
    name: companyName(country.code, random),
    cam: random.pick(population.camsIn(region)),
    parentId: pickParent(population, index, type, region, random),
    onboardedDay: onboarded,
    firstMonth: Math.max(settings.startMonth, monthOfDay(onboarded)),
    baselineUsd: archetype === 'new' ? size * 0.5 : size,
    annualGrowth: random.between(0, 0.12),
    targetGrain: random.chance(0.4) ? 'quarter' : 'month',
    silentMonths: archetype === 'dormant' ? random.int(attainmentBands.dormantSilentMonths.min, attainmentBands.dormantSilentMonths.max) : 0,
    people: archetype === 'star' ? Math.max(3, random.int(fewest, most) + 1) : random.int(fewest, most),
  };
}
