import type { Warehouse } from './mini-loader.js';
import type { Values } from './validate.js';

/** Per-partner engagement facts over a set of months (YYYY-MM), from the loaded rows. */
export interface PartnerEngagement {
  portalDaysPerMonth: number;
  responseRate: number;
  requiredCompletion: number;
  advancedCertifiedPeople: number;
  activePlan: boolean;
  mdfUtilization: number;
  wonRegistrations: number;
}

function rowsOf(warehouse: Warehouse, entity: 'engagement_events' | 'training' | 'certifications' | 'business_plans' | 'mdf' | 'deal_registrations'): Values[] {
  return [...(warehouse.tables.get(entity)?.values() ?? [])];
}

function group(rows: Values[]): Map<string, Values[]> {
  const byPartner = new Map<string, Values[]>();
  for (const row of rows) byPartner.set(String(row.partner_id), [...(byPartner.get(String(row.partner_id)) ?? []), row]);
  return byPartner;
}

const sumCounts = (rows: Values[], kind: string, months: Set<string>) =>
  rows.filter((row) => row.kind === kind && months.has(String(row.occurred_at).slice(0, 7))).reduce((sum, row) => sum + Number(row.count ?? 1), 0);

export function engagementOf(warehouse: Warehouse, months: readonly string[], endDate: string): Map<string, PartnerEngagement> {
  const window = new Set(months);
  const events = group(rowsOf(warehouse, 'engagement_events'));
  const training = group(rowsOf(warehouse, 'training'));
  const certifications = group(rowsOf(warehouse, 'certifications'));
  const plans = group(rowsOf(warehouse, 'business_plans'));
  const mdf = group(rowsOf(warehouse, 'mdf'));
  const deals = group(rowsOf(warehouse, 'deal_registrations'));
  const result = new Map<string, PartnerEngagement>();
  for (const partner of warehouse.partnerIds) {
    const own = events.get(partner) ?? [];
    const portal = own.filter((row) => row.kind === 'portal_login' && window.has(String(row.occurred_at).slice(0, 7))).length;
    const required = (training.get(partner) ?? []).filter((row) => ['true', 'yes', 'y', '1', 't'].includes(String(row.required).toLowerCase()));
    const advanced = new Set(
      (certifications.get(partner) ?? [])
        .filter((row) => (row.level === 'professional' || row.level === 'expert') && String(row.earned_at) <= endDate && (!row.expires_at || String(row.expires_at) > endDate))
        .map((row) => row.person_id),
    );
    const funds = (mdf.get(partner) ?? []).slice(-4);
    const allocated = funds.reduce((sum, row) => sum + Number(row.allocated ?? 0), 0);
    result.set(partner, {
      portalDaysPerMonth: portal / months.length,
      responseRate: sumCounts(own, 'communication_response', window) / Math.max(1, sumCounts(own, 'communication_sent', window)),
      requiredCompletion: required.length ? required.filter((row) => row.completed_at).length / required.length : 0,
      advancedCertifiedPeople: advanced.size,
      activePlan: (plans.get(partner) ?? []).some((row) => row.status === 'active' && String(row.period) === endDate.slice(0, 4)),
      mdfUtilization: allocated > 0 ? funds.reduce((sum, row) => sum + Number(row.claimed ?? 0), 0) / allocated : 0,
      wonRegistrations: (deals.get(partner) ?? []).filter((row) => row.status === 'won').length,
    });
  }
  return result;
}
