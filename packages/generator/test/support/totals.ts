import { entities, type EntityDefinition, type EntityName } from '@ppm/core';
import type { Warehouse } from './mini-loader.js';
import { parseScaled, type Values } from './validate.js';

export interface RecomputedTotals {
  rows: number;
  distinct_partners?: number;
  money: Record<string, { by_currency: Record<string, string>; reporting: string }>;
}

const historyAttributes = ['name', 'partner_type', 'tier', 'region', 'country', 'status', 'parent_partner_id', 'channel_account_manager'];

export function decimal(cents: bigint): string {
  const negative = cents < 0n;
  const digits = (negative ? -cents : cents).toString().padStart(3, '0');
  return `${negative ? '-' : ''}${digits.slice(0, -2)}.${digits.slice(-2)}`;
}

export function toReporting(cents: bigint, rateMicro: bigint): bigint {
  const product = cents * rateMicro;
  const magnitude = product < 0n ? -product : product;
  const rounded = (magnitude + 500_000n) / 1_000_000n;
  return product < 0n ? -rounded : rounded;
}

/** Partner versions after collapsing consecutive versions with identical attributes. */
function partnerHistory(rows: Iterable<Values>): { versions: number; partners: number } {
  const byPartner = new Map<string, Values[]>();
  for (const row of rows) {
    const list = byPartner.get(String(row.partner_id)) ?? [];
    list.push(row);
    byPartner.set(String(row.partner_id), list);
  }
  let versions = 0;
  for (const list of byPartner.values()) {
    list.sort((a, b) => String(a.effective_from).localeCompare(String(b.effective_from)));
    list.forEach((row, index) => {
      const previous = list[index - 1];
      if (!previous || historyAttributes.some((name) => (row[name] ?? null) !== (previous[name] ?? null))) versions += 1;
    });
  }
  return { versions, partners: byPartner.size };
}

function moneyTotals(entity: EntityDefinition, rows: Iterable<Values>, warehouse: Warehouse): RecomputedTotals['money'] {
  const result: RecomputedTotals['money'] = {};
  for (const money of entity.money) {
    const byCurrency = new Map<string, bigint>();
    let reporting = 0n;
    for (const row of rows) {
      const amount = row[money.amount];
      if (!amount) continue;
      const cents = parseScaled(amount, 2) ?? 0n;
      const currency = String(row[money.currency]).toUpperCase();
      const rate = warehouse.fx.rate(currency, warehouse.fx.dayOfPeriodOrDate(String(row[money.at])) ?? 0);
      if (rate === undefined) throw new Error(`No rate for ${currency} at ${String(row[money.at])}`);
      byCurrency.set(currency, (byCurrency.get(currency) ?? 0n) + cents);
      reporting += toReporting(cents, rate);
    }
    const sorted = [...byCurrency.keys()].sort();
    result[money.amount] = { by_currency: Object.fromEntries(sorted.map((code) => [code, decimal(byCurrency.get(code) ?? 0n)])), reporting: decimal(reporting) };
  }
  return result;
}

/** What the warehouse tables hold, recomputed from the loaded rows. */
export function recomputeTotals(warehouse: Warehouse): Record<EntityName, RecomputedTotals> {
  const result = {} as Record<EntityName, RecomputedTotals>;
  for (const entity of entities) {
    const rows = [...(warehouse.tables.get(entity.name)?.values() ?? [])];
    if (entity.name === 'partners') {
      const history = partnerHistory(rows);
      result.partners = { rows: history.versions, distinct_partners: history.partners, money: {} };
    } else {
      result[entity.name] = { rows: rows.length, money: moneyTotals(entity, rows, warehouse) };
    }
  }
  return result;
}
