import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { buildWebhookBody, signWebhookBody, verifyWebhookSignature, webhookHeaders, type AlertRow, type WebhookPayload } from '../src/index.js';

const secret = 'a-long-random-webhook-secret';
const alert: AlertRow = {
  alert_id: 'alt_1',
  partner_id: 'p1',
  period_start: '2026-05-01',
  config_version: 'abc',
  kind: 'inactivity',
  direction: 'up',
  severity: 'warning',
  owner: 'cam_1',
  message: 'Partner 1 has had no commercial activity for 64 days (alert at 60)',
  evidence: { days_since_last_commercial_activity: 64 },
};

describe('webhook payload', () => {
  const body = buildWebhookBody([alert], new Date('2026-06-01T08:00:00Z'));

  it('carries the alerts and the send time inside the signed body', () => {
    const payload = JSON.parse(body) as WebhookPayload;
    expect(payload).toMatchObject({ type: 'ppm.alerts', sent_at: '2026-06-01T08:00:00.000Z', alerts: [alert] });
    expect(payload.delivery_id).toBe((JSON.parse(buildWebhookBody([alert], new Date('2026-06-01T08:00:00Z'))) as WebhookPayload).delivery_id);
  });

  it('signs the raw body with HMAC-SHA256 as hex', () => {
    expect(signWebhookBody(body, secret)).toBe(createHmac('sha256', secret).update(body).digest('hex'));
    expect(webhookHeaders(body, secret)['X-PPM-Signature']).toBe(`sha256=${signWebhookBody(body, secret)}`);
  });

  it('verifies a signature and rejects a changed body', () => {
    const header = `sha256=${signWebhookBody(body, secret)}`;
    expect(verifyWebhookSignature(body, header, secret)).toBe(true);
    expect(verifyWebhookSignature(body.replace('64 days', '65 days'), header, secret)).toBe(false);
  });

  it('refuses a short secret', () => {
    expect(() => signWebhookBody(body, 'short')).toThrowError(/shorter than 16 characters/);
  });
});
