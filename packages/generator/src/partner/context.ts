import type { EntityName } from '@ppm/core';
import { firstDay, lastDay } from '../calendar.js';
import type { Settings } from '../options.js';
import type { Row } from '../output/format.js';
import { Random, streams } from '../random.js';
import { plannedAttainment, type MonthPosition } from '../world/archetypes.js';
import { behaviourAt, type MonthBehaviour } from '../world/behaviour.js';
import type { FxTable } from '../world/fx.js';
import { currencyDefinition } from '../world/geography.js';
import type { PartnerProfile } from '../world/profile.js';

export type Emit = (entity: EntityName, row: Row) => void;

export interface MonthPlan {
  readonly month: number;
  readonly position: MonthPosition;
  /** dormant partners: inside the silent stretch (no revenue, no registrations). */
  readonly silent: boolean;
  /** Planned revenue / target in USD; 0 means no revenue lines. */
  readonly attainment: number;
  readonly behaviour: MonthBehaviour;
  /** First and last day of the month on which the partner can act. */
  readonly from: number;
  readonly to: number;
}

/** Which onboarding steps a partner has taken by the end month. */
export interface OnboardingPlan {
  readonly portalAccessDay: number | null;
  /** Whether anybody at the partner may complete a course. */
  readonly trainingAllowed: boolean;
}

/** Everything the entity generators of one partner share. */
export interface PartnerContext {
  readonly settings: Settings;
  readonly fx: FxTable;
  readonly profile: PartnerProfile;
  readonly months: readonly MonthPlan[];
  readonly onboarding: OnboardingPlan;
  /** First day of a dormant partner's silent stretch; no commercial date may reach it. */
  readonly silenceStartDay: number;
  readonly emit: Emit;
  /** Target of each month in USD cents (quarter targets spread evenly), as the warehouse computes it. */
  readonly targetUsd: Map<number, number>;
  firstRegistrationDay: number | undefined;
  nextDeal: number;
}

function planMonths(settings: Settings, profile: PartnerProfile): MonthPlan[] {
  const random = new Random(settings.seed, streams.attainment, profile.index);
  const count = settings.endMonth - profile.firstMonth + 1;
  const plans: MonthPlan[] = [];
  for (let month = profile.firstMonth; month <= settings.endMonth; month++) {
    const position = { index: month - profile.firstMonth, count, fromEnd: settings.endMonth - month };
    const silent = position.fromEnd < profile.silentMonths;
    plans.push({
      month,
      position,
      silent,
      attainment: plannedAttainment(profile.archetype, position, profile.silentMonths, random),
      behaviour: behaviourAt(profile.archetype, position, silent),
      from: Math.max(firstDay(month), profile.onboardedDay),
      to: lastDay(month),
    });
  }
  return plans;
}

/** New partners have taken one to three of the four steps; everyone else all of them. */
function planOnboarding(settings: Settings, profile: PartnerProfile): OnboardingPlan {
  const random = new Random(settings.seed, streams.onboarding, profile.index, 0);
  const portalAccessDay = profile.onboardedDay + random.int(1, 7);
  if (profile.archetype !== 'new') return { portalAccessDay, trainingAllowed: true };
  const steps = random.weightedIndex([20, 40, 40]) + 1;
  return {
    portalAccessDay: steps >= 2 && portalAccessDay <= settings.endDay ? portalAccessDay : null,
    trainingAllowed: steps >= 3,
  };
}

export function createContext(settings: Settings, fx: FxTable, profile: PartnerProfile, emit: Emit): PartnerContext {
  return {
    settings,
    fx,
    profile,
    months: planMonths(settings, profile),
    onboarding: planOnboarding(settings, profile),
    silenceStartDay: profile.silentMonths > 0 ? firstDay(settings.endMonth - profile.silentMonths + 1) : Number.POSITIVE_INFINITY,
    emit,
    targetUsd: new Map(),
    firstRegistrationDay: undefined,
    nextDeal: 1,
  };
}

const smallestUnit = new Map<string, number>();

/** Cents of the smallest amount written in the currency: 100 where invoices carry no cents (yen). */
function smallestCents(currency: string): number {
  let cents = smallestUnit.get(currency);
  if (cents === undefined) {
    cents = currencyDefinition(currency)?.wholeUnits ? 100 : 1;
    smallestUnit.set(currency, cents);
  }
  return cents;
}

/** Local cents for USD cents on a day, rounded to `unit` cents (or the currency's smallest unit). */
export function localCents(context: PartnerContext, usdCents: number, day: number, unit = 1): number {
  const rate = context.fx.knownRate(context.profile.currency, day);
  const cents = (usdCents * 1_000_000) / rate;
  const step = Math.max(unit, smallestCents(context.profile.currency));
  return Math.round(cents / step) * step;
}
