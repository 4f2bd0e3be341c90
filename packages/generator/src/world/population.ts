import { defaultProgramConfig } from '@ppm/core';
import type { Settings } from '../options.js';
import { Random, streams } from '../random.js';
import { archetypeMix, archetypes, type Archetype } from './archetypes.js';
import { regionWeights, regions, type Region } from './geography.js';
import { camEmail } from './names.js';

const partnerTypes = defaultProgramConfig.partner_types;
export const tiers = defaultProgramConfig.tiers;

/** Share of each partner type in the program; types a configuration adds get a small share. */
const typeShares: Readonly<Record<string, number>> = {
  reseller: 34, var: 20, msp: 15, system_integrator: 11, distributor: 4, referral: 10, isv: 6,
};

/** Partners per channel account manager. */
const partnersPerCam = 120;

/** Exact archetype counts for n partners (largest remainder), so the mix is as close as n allows. */
export function archetypeCounts(n: number): Record<Archetype, number> {
  const raw = archetypes.map((name) => ({ name, exact: n * archetypeMix[name] }));
  const counts = Object.fromEntries(raw.map(({ name, exact }) => [name, Math.floor(exact)])) as Record<Archetype, number>;
  let left = n - Object.values(counts).reduce((sum, count) => sum + count, 0);
  const byRemainder = [...raw].sort((a, b) => (b.exact % 1) - (a.exact % 1) || archetypes.indexOf(a.name) - archetypes.indexOf(b.name));
  for (const { name } of byRemainder) {
    if (left-- <= 0) break;
    counts[name] += 1;
  }
  return counts;
}

/**
 * The few facts about every partner that other partners depend on (archetype, type,
 * region: for distributor parents and CAM pools), held in typed arrays: a few bytes
 * per partner. Everything else is derived per partner when it is written.
 */
export class Population {
  readonly archetype: Uint8Array;
  readonly type: Uint8Array;
  readonly region: Uint8Array;
  readonly idWidth: number;
  private readonly distributors = new Map<Region, number[]>();
  private readonly cams = new Map<Region, string[]>();

  constructor(readonly settings: Settings) {
    const n = settings.partners;
    this.idWidth = Math.max(6, String(n).length);
    this.archetype = this.assignArchetypes(n);
    this.type = new Uint8Array(n);
    this.region = new Uint8Array(n);
    const typeWeights = partnerTypes.map((type) => typeShares[type] ?? 3);
    const regionShares = regions.map((region) => regionWeights[region]);
    const perRegion = new Map<Region, number>();
    for (let i = 0; i < n; i++) {
      const random = new Random(settings.seed, streams.profile, i, 0);
      this.type[i] = random.weightedIndex(typeWeights);
      this.region[i] = random.weightedIndex(regionShares);
      const region = this.regionOf(i);
      perRegion.set(region, (perRegion.get(region) ?? 0) + 1);
      if (this.typeOf(i) === 'distributor' && this.archetypeOf(i) !== 'new') this.distributorsIn(region).push(i);
    }
    this.assignCams(perRegion);
  }

  partnerId(index: number): string {
    return `P${String(index + 1).padStart(this.idWidth, '0')}`;
  }

  archetypeOf(index: number): Archetype {
    return archetypes[this.archetype[index] ?? 0] as Archetype;
  }

  typeOf(index: number): string {
    return partnerTypes[this.type[index] ?? 0] as string;
  }

  regionOf(index: number): Region {
    return regions[this.region[index] ?? 0] as Region;
  }

  distributorsIn(region: Region): number[] {
    let list = this.distributors.get(region);
    if (!list) this.distributors.set(region, (list = []));
    return list;
  }

  camsIn(region: Region): readonly string[] {
    return this.cams.get(region) ?? [];
  }

  private assignArchetypes(n: number): Uint8Array {
    const counts = archetypeCounts(n);
    const list: number[] = [];
    archetypes.forEach((name, code) => {
      for (let k = 0; k < counts[name]; k++) list.push(code);
    });
    return Uint8Array.from(new Random(this.settings.seed, streams.assignment).shuffle(list));
  }

  private assignCams(perRegion: ReadonlyMap<Region, number>): void {
    let next = 0;
    for (const region of regions) {
      const size = Math.max(1, Math.ceil((perRegion.get(region) ?? 0) / partnersPerCam));
      this.cams.set(region, Array.from({ length: size }, () => camEmail(next++)));
    }
  }
}
