import { firstDay } from '../calendar.js';
import type { DirtyContext } from './dirty-files.js';

/** The month in the middle of the history, where dirty rows for the steady host partner land. */
export function hostMonth(context: DirtyContext): number {
  return context.settings.startMonth + Math.floor(context.settings.months / 2);
}

/** A day around the 10th of the host month, shifted by `offset` days. */
export function hostDay(context: DirtyContext, offset = 0): number {
  return firstDay(hostMonth(context)) + 9 + offset;
}
