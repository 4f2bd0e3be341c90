import { defaultProgramConfig } from '@ppm/core';
import { firstDay, isoDate } from '../calendar.js';
import { Random, streams } from '../random.js';
import type { MonthPlan, PartnerContext } from './context.js';

const kinds = new Set(defaultProgramConfig.engagement_kinds);

/** An engagement kind of the program configuration (fails fast if the configuration renames it). */
function kind(name: string): string {
  if (!kinds.has(name)) throw new Error(`Engagement kind "${name}" is not in the program configuration's engagement_kinds`);
  return name;
}

const portalLogin = kind('portal_login');
const communicationSent = kind('communication_sent');
const communicationResponse = kind('communication_response');
const contentDownload = kind('content_download');
const webinarAttendance = kind('webinar_attendance');
const eventAttendance = kind('event_attendance');
const campaignLaunch = kind('campaign_launch');

/** Communications the program sends every partner in a monthly mailing. */
const mailingsPerMonth = 2;
const mailingDayOfMonth = 9;

interface Activity {
  readonly day: number;
  readonly kind: string;
  readonly count: number;
}

function onDistinctDays(kindName: string, days: number, from: number, to: number, random: Random, maxCount: number): Activity[] {
  if (to < from || days <= 0) return [];
  return random.distinctInts(Math.min(days, to - from + 1), from, to).map((day) => ({ day, kind: kindName, count: random.int(1, maxCount) }));
}

function communications(plan: MonthPlan, random: Random): Activity[] {
  const mailing = Math.min(plan.to, Math.max(plan.from, firstDay(plan.month) + mailingDayOfMonth - 1));
  const sent: Activity = { day: mailing, kind: communicationSent, count: mailingsPerMonth };
  let responses = 0;
  for (let k = 0; k < mailingsPerMonth; k++) if (random.chance(plan.behaviour.responseRate)) responses += 1;
  if (responses === 0) return [sent];
  // Partners answer a mailing within days, both of its messages in one sitting.
  return [sent, { day: Math.min(plan.to, mailing + random.int(0, 6)), kind: communicationResponse, count: responses }];
}

function monthActivities(context: PartnerContext, plan: MonthPlan, random: Random): Activity[] {
  const behaviour = plan.behaviour;
  const portalFrom = Math.max(plan.from, context.onboarding.portalAccessDay ?? Number.POSITIVE_INFINITY);
  const activities = [
    ...onDistinctDays(portalLogin, random.poisson(behaviour.portalDays), portalFrom, plan.to, random, 4),
    ...communications(plan, random),
    ...onDistinctDays(contentDownload, random.poisson(behaviour.downloadDays), portalFrom, plan.to, random, 3),
    ...onDistinctDays(webinarAttendance, random.chance(behaviour.webinarChance) ? 1 : 0, plan.from, plan.to, random, 2),
  ];
  if (!plan.silent && random.chance(0.03)) activities.push(...onDistinctDays(eventAttendance, 1, plan.from, plan.to, random, 3));
  if (!plan.silent && random.chance(0.04)) activities.push(...onDistinctDays(campaignLaunch, 1, plan.from, plan.to, random, 1));
  return activities.sort((a, b) => a.day - b.day || (a.kind < b.kind ? -1 : 1));
}

/** Pre-aggregated activity: one row per partner per day per kind, with a count. */
export function emitEngagement(context: PartnerContext): void {
  const random = new Random(context.settings.seed, streams.engagement, context.profile.index);
  for (const plan of context.months) {
    for (const activity of monthActivities(context, plan, random)) {
      context.emit('engagement_events', {
        partner_id: context.profile.id,
        occurred_at: isoDate(activity.day),
        kind: activity.kind,
        count: activity.count,
      });
    }
  }
}
