import { createHmac, timingSafeEqual } from 'node:crypto';
import { stableId } from '../ids.js';
import type { AlertRow } from '../types.js';

/**
 * Webhook delivery of alerts. The body is JSON carrying `sent_at` (ISO 8601, UTC): the
 * timestamp is inside the signed bytes, so it cannot be altered, and receivers reject
 * bodies whose sent_at is more than 5 minutes away from their clock (replays), then
 * de-duplicate by delivery_id and alert_id. The signature goes in
 * `X-PPM-Signature: sha256=<hex HMAC-SHA256 of the raw body bytes>`.
 */
export interface WebhookPayload {
  readonly type: 'ppm.alerts';
  /** Stable for the same alerts sent at the same time: retries of one delivery share it. */
  readonly delivery_id: string;
  readonly sent_at: string;
  readonly alerts: readonly AlertRow[];
}

export const signatureHeader = 'X-PPM-Signature';

/** The JSON body for a batch of alerts; `sentAt` comes from the caller so this stays pure. */
export function buildWebhookBody(alerts: readonly AlertRow[], sentAt: Date): string {
  const sent = sentAt.toISOString();
  const payload: WebhookPayload = {
    type: 'ppm.alerts',
    delivery_id: stableId('dlv', [sent, ...alerts.map((alert) => alert.alert_id)]),
    sent_at: sent,
    alerts,
  };
  return JSON.stringify(payload);
}

function checkSecret(secret: string): void {
  if (secret.length < 16) throw new Error('webhook secret is shorter than 16 characters; configure a longer random secret');
}

/** Hex HMAC-SHA256 of the body: send it as `X-PPM-Signature: sha256=<hex>`. */
export function signWebhookBody(body: string, secret: string): string {
  checkSecret(secret);
  return createHmac('sha256', secret).update(body, 'utf8').digest('hex');
}

/** Headers for a POST of `body`. */
export function webhookHeaders(body: string, secret: string): Record<string, string> {
  return { 'Content-Type': 'application/json', [signatureHeader]: `sha256=${signWebhookBody(body, secret)}` };
}

/** For receivers and tests: does `header` (`sha256=<hex>`) sign `body`? Compared in constant time. */
export function verifyWebhookSignature(body: string, header: string, secret: string): boolean {
  const expected = Buffer.from(`sha256=${signWebhookBody(body, secret)}`);
  const given = Buffer.from(header);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
