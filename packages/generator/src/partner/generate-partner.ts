import type { FxTable } from '../world/fx.js';
import type { Population } from '../world/population.js';
import { buildProfile, type PartnerProfile } from '../world/profile.js';
import { emitBusinessPlans } from './business-plans.js';
import { emitCertifications } from './certifications.js';
import { createContext, type Emit } from './context.js';
import { emitOtherDeals } from './deals.js';
import { emitEngagement } from './engagement.js';
import { emitMdf } from './mdf.js';
import { emitOnboarding } from './onboarding.js';
import { peopleOf } from './people.js';
import { emitPipeline } from './pipeline.js';
import { emitRevenue } from './revenue.js';
import { emitTargets } from './targets.js';
import { emitTraining } from './training.js';
import { emitPartnerVersions } from './versions.js';

/**
 * Every row of one partner, in every entity. Targets come before revenue (revenue is
 * planned against them) and registrations before onboarding (its milestone dates
 * follow them); nothing but the partner's profile outlives the call.
 */
export function generatePartner(population: Population, fx: FxTable, index: number, emit: Emit): PartnerProfile {
  const profile = buildProfile(population, index);
  const context = createContext(population.settings, fx, profile, emit);
  emitPartnerVersions(context, population);
  emitTargets(context);
  emitRevenue(context);
  emitOtherDeals(context);
  emitPipeline(context);
  const people = peopleOf(context);
  const firstCompletion = emitTraining(context, people);
  emitCertifications(context, people);
  emitEngagement(context);
  emitMdf(context);
  emitBusinessPlans(context);
  emitOnboarding(context, firstCompletion);
  return profile;
}
