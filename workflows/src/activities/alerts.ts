import { buildWebhookBody, webhookHeaders, type AlertRow } from '@ppm/scoring';
import type { Warehouse } from '@ppm/warehouse';
import { ApplicationFailure } from '@temporalio/activity';

export interface AlertWebhook {
  readonly url: string;
  readonly secret: string;
}

export interface AlertDelivery {
  readonly delivered: number;
  readonly webhook: 'not configured' | 'delivered';
}

const batchSize = 200;
const alertColumns = ['alert_id', 'partner_id', 'period_start', 'config_version', 'kind', 'direction', 'severity', 'owner', 'message', 'evidence'];

function toAlertRow(row: Record<string, unknown>): AlertRow {
  return { ...(row as unknown as AlertRow), period_start: String(row.period_start) };
}

/**
 * Posts undelivered alerts to the configured webhook as signed JSON (HMAC-SHA256 in
 * X-PPM-Signature), in batches, and marks them delivered. A refused or failed POST throws,
 * so the activity's retry policy retries with backoff; receivers de-duplicate by alert_id.
 */
export function createAlertActivities(dependencies: { db: Warehouse; alertWebhook?: AlertWebhook }) {
  return {
    async deliverAlerts(): Promise<AlertDelivery> {
      const { db, alertWebhook } = dependencies;
      if (!alertWebhook) return { delivered: 0, webhook: 'not configured' };
      let delivered = 0;
      for (;;) {
        const rows: Record<string, unknown>[] = await db('scores.alerts')
          .whereNull('delivered_at')
          .orderBy(['created_at', 'alert_id'])
          .limit(batchSize)
          .select(alertColumns);
        if (rows.length === 0) return { delivered, webhook: 'delivered' };
        const alerts = rows.map(toAlertRow);
        const ids = alerts.map((alert) => alert.alert_id);
        const body = buildWebhookBody(alerts, new Date());
        let failure: string | undefined;
        try {
          const response = await fetch(alertWebhook.url, { method: 'POST', headers: webhookHeaders(body, alertWebhook.secret), body, signal: AbortSignal.timeout(30_000) });
          if (!response.ok) failure = `HTTP ${response.status} ${response.statusText}`;
        } catch (error) {
          failure = (error as Error).message;
        }
        if (failure) {
          await db('scores.alerts').whereIn('alert_id', ids).update({ delivery_attempts: db.raw('delivery_attempts + 1'), last_delivery_error: failure });
          throw ApplicationFailure.retryable(`Alert webhook ${alertWebhook.url} refused ${ids.length} alert(s): ${failure}`, 'AlertDeliveryFailed');
        }
        await db('scores.alerts').whereIn('alert_id', ids).update({ delivered_at: db.fn.now(), delivery_attempts: db.raw('delivery_attempts + 1'), last_delivery_error: null });
        delivered += ids.length;
      }
    },
  };
}
