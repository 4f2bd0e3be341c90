import { entities, entity as entityDefinition, field as fieldDefinition, type EntityName, type MoneyDefinition } from '@ppm/core';
import { dayOfIso, periodFirstDay } from '../calendar.js';
import { convertCents, ExactSum } from '../money.js';
import type { Row } from '../output/format.js';
import type { FxTable } from '../world/fx.js';

export interface MoneyTotals {
  /** Sum of the original amounts per currency, exact decimal strings. */
  readonly by_currency: Readonly<Record<string, string>>;
  /** Sum of round(amount * rate, 2) over rows, in the reporting currency. */
  readonly reporting: string;
}

export interface EntityTotals {
  /** Rows the warehouse table holds after loading every file (for partners: history rows). */
  readonly rows: number;
  /** partners only: distinct partner ids. */
  readonly distinct_partners?: number;
  readonly money: Readonly<Record<string, MoneyTotals>>;
}

class MoneyTally {
  readonly byCurrency = new Map<string, ExactSum>();
  readonly reporting = new ExactSum();
}

interface MoneyField {
  readonly definition: MoneyDefinition;
  readonly atIsPeriod: boolean;
}

class EntityTally {
  rows = 0;
  readonly money = new Map<string, MoneyTally>();
  readonly fields: readonly MoneyField[];

  constructor(name: EntityName) {
    const definition = entityDefinition(name);
    this.fields = definition.money.map((money) => ({
      definition: money,
      atIsPeriod: fieldDefinition(definition, money.at).type === 'period',
    }));
    for (const money of definition.money) this.money.set(money.amount, new MoneyTally());
  }
}

/**
 * What the warehouse must hold after loading: row counts and exact money sums per
 * entity. Rows are counted when a new key is loaded; a later row with a known key
 * replaces its predecessor's contribution.
 */
export class Ledger {
  private readonly tallies = new Map<EntityName, EntityTally>(entities.map((definition) => [definition.name, new EntityTally(definition.name)]));
  private partners = 0;

  constructor(private readonly fx: FxTable) {}

  /** A row with a key not loaded before. */
  add(entity: EntityName, row: Row): void {
    const tally = this.tally(entity);
    tally.rows += 1;
    this.count(tally, row, 1);
  }

  /** A row that loads over an earlier row with the same key. */
  replace(entity: EntityName, previous: Row, row: Row): void {
    const tally = this.tally(entity);
    this.count(tally, previous, -1);
    this.count(tally, row, 1);
  }

  /** A partner id seen for the first time. */
  addPartner(): void {
    this.partners += 1;
  }

  totals(): Record<EntityName, EntityTotals> {
    const result = {} as Record<EntityName, EntityTotals>;
    for (const [name, tally] of this.tallies) {
      const money: Record<string, MoneyTotals> = {};
      for (const [field, sums] of tally.money) {
        const byCurrency: Record<string, string> = {};
        for (const code of [...sums.byCurrency.keys()].sort()) byCurrency[code] = String(sums.byCurrency.get(code));
        money[field] = { by_currency: byCurrency, reporting: sums.reporting.toString() };
      }
      result[name] = { rows: tally.rows, ...(name === 'partners' ? { distinct_partners: this.partners } : {}), money };
    }
    return result;
  }

  private tally(entity: EntityName): EntityTally {
    const tally = this.tallies.get(entity);
    if (!tally) throw new Error(`No tally for entity ${entity}`);
    return tally;
  }

  private count(tally: EntityTally, row: Row, sign: 1 | -1): void {
    for (const { definition, atIsPeriod } of tally.fields) {
      const amount = row[definition.amount];
      if (amount === null || amount === undefined) continue;
      if (typeof amount !== 'number') throw new Error(`Ledger needs ${definition.amount} in cents, got "${String(amount)}"`);
      const currency = String(row[definition.currency]);
      const at = String(row[definition.at]);
      const day = atIsPeriod ? periodFirstDay(at) : dayOfIso(at);
      const sums = tally.money.get(definition.amount) as MoneyTally;
      let original = sums.byCurrency.get(currency);
      if (!original) sums.byCurrency.set(currency, (original = new ExactSum()));
      original.add(sign * amount);
      sums.reporting.add(sign * convertCents(amount, this.fx.knownRate(currency, day)));
    }
  }
}
