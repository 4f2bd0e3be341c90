import { firstDay, monthOfYear, monthPeriod, quarterPeriod } from '../calendar.js';
import { convertCents } from '../money.js';
import type { PartnerContext } from './context.js';

/** Target weight of each calendar month: a Q4 peak, a summer dip, quarter-end pushes. */
const seasonality = [0.85, 0.9, 1.05, 0.95, 0.97, 1.05, 0.85, 0.8, 1.05, 1, 1.1, 1.35];

function monthTargetUsd(context: PartnerContext, month: number): number {
  const { profile, settings } = context;
  const growth = (1 + profile.annualGrowth) ** ((month - settings.startMonth) / 12);
  return profile.baselineUsd * (seasonality[monthOfYear(month) - 1] ?? 1) * growth;
}

/** Rounds to three significant digits in whole local units, as targets are agreed; returns cents. */
function roundTarget(context: PartnerContext, usd: number, day: number): number {
  const rate = context.fx.knownRate(context.profile.currency, day);
  const units = (usd * 1_000_000) / rate;
  const step = Math.max(1, 10 ** (Math.floor(Math.log10(Math.max(units, 1))) - 2));
  return Math.max(1, Math.round(units / step)) * step * 100;
}

function emitTarget(context: PartnerContext, period: string, day: number, usd: number): number {
  const amount = roundTarget(context, usd, day);
  context.emit('targets', { partner_id: context.profile.id, period, amount, currency: context.profile.currency });
  return convertCents(amount, context.fx.knownRate(context.profile.currency, day));
}

/**
 * Targets from the partner's first month, per month or per full quarter, up to the
 * period that starts in the month after the end month (the plan ahead, for forward
 * metrics); records each month's USD target for the revenue plan.
 */
export function emitTargets(context: PartnerContext): void {
  const { profile, settings } = context;
  let month = profile.firstMonth;
  while (month <= settings.lastTargetStartMonth) {
    const quarter = profile.targetGrain === 'quarter' && month % 3 === 0;
    const span = quarter ? 3 : 1;
    let usd = 0;
    for (let k = 0; k < span; k++) usd += monthTargetUsd(context, month + k);
    const period = quarter ? quarterPeriod(month) : monthPeriod(month);
    const usdCents = emitTarget(context, period, firstDay(month), usd);
    for (let k = 0; k < span; k++) context.targetUsd.set(month + k, usdCents / span);
    month += span;
  }
}
