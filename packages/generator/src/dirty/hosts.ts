import type { Population } from '../world/population.js';
import { buildProfile, type PartnerProfile } from '../world/profile.js';

/** How many partner versions the dirty partners file restates (they also open the file with well-formed rows). */
const restatedPartners = 12;

/** The partners the dirty files build on. */
export interface Hosts {
  /** A steady partner active through the whole history: dirty rows that load land here, netting out. */
  readonly steady: PartnerProfile;
  /** Partners without a parent whose versions are restated with messy but valid values. */
  readonly restated: readonly PartnerProfile[];
}

function isSteadyHost(profile: PartnerProfile, population: Population): boolean {
  return profile.archetype === 'steady' && profile.parentId === null && profile.onboardedDay < population.settings.startDay;
}

export function chooseHosts(population: Population): Hosts {
  let steady: PartnerProfile | undefined;
  const restated: PartnerProfile[] = [];
  for (let index = 0; index < population.settings.partners; index++) {
    if (steady && restated.length >= restatedPartners) break;
    const profile = buildProfile(population, index);
    if (!steady && isSteadyHost(profile, population)) steady = profile;
    if (profile.parentId === null && restated.length < restatedPartners) restated.push(profile);
  }
  const fallback = restated[0] ?? buildProfile(population, 0);
  return { steady: steady ?? fallback, restated };
}

export function sampledPartners(hosts: Hosts): string[] {
  return [...new Set([hosts.steady.id, ...hosts.restated.map((profile) => profile.id)])];
}
