import { firstDay, isoDate } from '../calendar.js';
import { Random, streams } from '../random.js';
import { tiers } from '../world/population.js';
import type { Population } from '../world/population.js';
import type { PartnerContext } from './context.js';

interface Version {
  readonly day: number;
  readonly tier: number;
  readonly cam: string;
}

interface Change {
  readonly day: number;
  readonly tier?: number;
  readonly cam?: string;
}

/** Tier reviews (promotions of rising partners, demotions of dormant ones) take effect on the first of a month. */
function tierChanges(context: PartnerContext, random: Random): Change[] {
  const { profile, settings } = context;
  const top = tiers.length - 1;
  const count = settings.endMonth - profile.firstMonth + 1;
  const at = (offset: number) => firstDay(profile.firstMonth + offset);
  switch (profile.archetype) {
    case 'rising':
      return profile.tier < top ? [{ day: at(Math.round(count * 0.66)), tier: profile.tier + 1 }] : [];
    case 'star':
      return profile.tier < top && random.chance(0.3) ? [{ day: at(random.int(2, count - 2)), tier: profile.tier + 1 }] : [];
    case 'dormant': {
      const demotion = settings.endMonth - profile.silentMonths + 3;
      return profile.tier > 0 && demotion <= settings.endMonth ? [{ day: firstDay(demotion), tier: profile.tier - 1 }] : [];
    }
    default:
      return [];
  }
}

function camChange(context: PartnerContext, population: Population, random: Random): Change[] {
  const pool = population.camsIn(context.profile.region).filter((cam) => cam !== context.profile.cam);
  if (pool.length === 0 || !random.chance(0.1)) return [];
  return [{ day: random.int(context.settings.startDay + 1, context.settings.endDay), cam: random.pick(pool) }];
}

/** The partner's attribute history: a first version, then one per change (changes on one day merge). */
function partnerVersions(context: PartnerContext, population: Population): Version[] {
  const { profile, settings } = context;
  const random = new Random(settings.seed, streams.partners, profile.index);
  const start = Math.max(profile.onboardedDay, settings.startDay);
  const changes = [...tierChanges(context, random), ...camChange(context, population, random)]
    .filter((change) => change.day > start && change.day <= settings.endDay)
    .sort((a, b) => a.day - b.day);
  const versions: Version[] = [{ day: start, tier: profile.tier, cam: profile.cam }];
  for (const change of changes) {
    const last = versions[versions.length - 1] as Version;
    const next = { day: change.day, tier: change.tier ?? last.tier, cam: change.cam ?? last.cam };
    if (next.day === last.day) versions[versions.length - 1] = next;
    else versions.push(next);
  }
  return versions;
}

export function emitPartnerVersions(context: PartnerContext, population: Population): void {
  const { profile } = context;
  for (const version of partnerVersions(context, population)) {
    context.emit('partners', {
      partner_id: profile.id,
      name: profile.name,
      partner_type: profile.type,
      tier: tiers[version.tier],
      region: profile.region,
      country: profile.country,
      status: 'active',
      onboarded_at: isoDate(profile.onboardedDay),
      parent_partner_id: profile.parentId,
      channel_account_manager: version.cam,
      effective_from: isoDate(version.day),
    });
  }
}
