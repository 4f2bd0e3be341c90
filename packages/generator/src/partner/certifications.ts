import { isoDate } from '../calendar.js';
import { Random, streams } from '../random.js';
import type { Archetype } from '../world/archetypes.js';
import { certificationLevels, certificationValidityYears, certificationsByLevel, type CertificationLevel } from '../world/catalog.js';
import type { PartnerContext } from './context.js';
import { dateUnlessFuture } from './dates.js';
import type { Person } from './people.js';

const certifiedChance: Readonly<Record<Archetype, number>> = {
  star: 0.9, rising: 0.5, steady: 0.45, at_risk: 0.6, dormant: 0.3, new: 0.1,
};
const renewalChance: Readonly<Record<Archetype, number>> = {
  star: 0.9, rising: 0.7, steady: 0.6, at_risk: 0.7, dormant: 0, new: 0,
};
const advancedLevelWeights = [0, 0, 60, 40];
const levelWeights: Readonly<Record<'star' | 'other', readonly number[]>> = {
  star: [20, 30, 35, 15],
  other: [45, 35, 17, 3],
};
const validityDays = certificationValidityYears * 365;

function emitCertification(context: PartnerContext, person: Person, level: CertificationLevel, earned: number, random: Random): void {
  const certification = random.pick(certificationsByLevel[level]);
  const lastEarnDay = Math.min(context.settings.endDay - 5, context.silenceStartDay - 1);
  for (let day = earned; day <= lastEarnDay; ) {
    const expires = day + validityDays;
    context.emit('certifications', {
      partner_id: context.profile.id,
      person_id: person.id,
      certification,
      level,
      earned_at: isoDate(day),
      expires_at: dateUnlessFuture(context, 'certifications', 'expires_at', expires),
    });
    if (!random.chance(renewalChance[context.profile.archetype])) break;
    day = expires - random.int(0, 30);
  }
}

/**
 * Certifications people hold, renewed every two years by most; a star's first people
 * hold a recent professional or expert certification.
 */
export function emitCertifications(context: PartnerContext, people: readonly Person[]): void {
  const { archetype } = context.profile;
  const random = new Random(context.settings.seed, streams.certifications, context.profile.index);
  const endDay = context.settings.endDay;
  for (const person of people) {
    if (archetype === 'star' && person.index < 2) {
      const earned = random.int(Math.max(person.joined + 30, endDay - 600), endDay - 30);
      const level = certificationLevels[random.weightedIndex(advancedLevelWeights)] ?? 'professional';
      emitCertification(context, person, level, Math.min(earned, endDay - 30), random);
      continue;
    }
    if (!random.chance(certifiedChance[archetype])) continue;
    const level = certificationLevels[random.weightedIndex(levelWeights[archetype === 'star' ? 'star' : 'other'])] ?? 'foundation';
    emitCertification(context, person, level, person.joined + random.int(30, 400), random);
  }
}
