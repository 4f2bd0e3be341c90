import { defaultProgramConfig } from '@ppm/core';
import { isoDate } from '../calendar.js';
import { Random, streams } from '../random.js';
import type { PartnerContext } from './context.js';

const milestones = defaultProgramConfig.onboarding.milestones;

/**
 * When each configured milestone was reached, consistent with the other files: the
 * first completed course and the first registration where those lie in the history.
 */
function milestoneDays(context: PartnerContext, firstCompletion: number | null): Record<string, number | null> {
  const { profile, settings } = context;
  const random = new Random(settings.seed, streams.onboarding, profile.index, 1);
  const before = profile.onboardedDay < settings.startDay;
  const earlyDeal = before ? Math.min(profile.onboardedDay + random.int(20, 90), settings.startDay - 1) : null;
  return {
    agreement_signed: profile.onboardedDay,
    portal_access: context.onboarding.portalAccessDay,
    first_training_completed: firstCompletion,
    first_deal_registered: earlyDeal ?? context.firstRegistrationDay ?? null,
  };
}

export function emitOnboarding(context: PartnerContext, firstCompletion: number | null): void {
  const days = milestoneDays(context, firstCompletion);
  for (const milestone of milestones) {
    const day = days[milestone];
    if (day === null || day === undefined || day > context.settings.endDay) continue;
    context.emit('onboarding', { partner_id: context.profile.id, milestone, completed_at: isoDate(day) });
  }
}
