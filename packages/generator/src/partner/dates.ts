import { entity as entityDefinition, field as fieldDefinition, type EntityName } from '@ppm/core';
import { isoDate } from '../calendar.js';
import type { PartnerContext } from './context.js';

const allowsFuture = new Map<string, boolean>();

/**
 * A date after the end month only where the contract expects future dates (an expiry,
 * an expected close); elsewhere such a date is left out, since the loader would
 * quarantine it as future_date.
 */
export function dateUnlessFuture(context: PartnerContext, entity: EntityName, field: string, day: number): string | null {
  if (day <= context.settings.endDay) return isoDate(day);
  const key = `${entity}.${field}`;
  let allowed = allowsFuture.get(key);
  if (allowed === undefined) {
    allowed = fieldDefinition(entityDefinition(entity), field).allowFuture === true;
    allowsFuture.set(key, allowed);
  }
  return allowed ? isoDate(day) : null;
}
