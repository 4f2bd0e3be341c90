import { hash } from 'node:crypto';

/** A short stable id: prefix + the first 32 hex digits of sha256 over the parts joined by US (0x1f). */
export function stableId(prefix: string, parts: readonly string[]): string {
  return `${prefix}_${hash('sha256', parts.join('\u001f'), 'hex').slice(0, 32)}`;
}

/** The de-duplication id of an alert: the same crossing in the same period always gets the same id. */
export function alertId(partnerId: string, kind: string, periodStart: string, direction: string): string {
  return stableId('alt', [partnerId, kind, periodStart, direction]);
}
