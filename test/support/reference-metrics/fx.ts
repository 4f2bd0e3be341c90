import { isoDay, type Day } from './calendar.js';
import type { RawRecord } from './read-files.js';
import { Fields, one, parseDecimal, toReportingCents, type Decimal } from './values.js';

interface Rate {
  readonly from: Day;
  readonly rate: Decimal;
}

/** fx_rates: a money amount dated D uses the latest rate of its currency on or before D; the reporting currency has rate 1. */
export class FxTable {
  private readonly rates = new Map<string, Rate[]>();

  constructor(
    private readonly reportingCurrency: string,
    records: readonly RawRecord[],
  ) {
    const byKey = new Map<string, { currency: string; rate: Rate }>();
    records.forEach((record, index) => {
      const fields = new Fields(record, `fx_rates record ${index + 1}`);
      const currency = fields.required('currency').toUpperCase();
      const from = fields.day('date');
      byKey.set(`${currency}|${from}`, { currency, rate: { from, rate: parseDecimal(fields.required('rate')) } });
    });
    for (const { currency, rate } of byKey.values()) {
      const list = this.rates.get(currency) ?? [];
      list.push(rate);
      this.rates.set(currency, list);
    }
    for (const list of this.rates.values()) list.sort((a, b) => a.from - b.from);
  }

  rateOn(currencyCode: string, day: Day): Decimal {
    const currency = currencyCode.toUpperCase();
    if (currency === this.reportingCurrency) return one;
    const list = this.rates.get(currency) ?? [];
    let low = 0;
    let high = list.length - 1;
    let found: Rate | undefined;
    while (low <= high) {
      const middle = (low + high) >> 1;
      const candidate = list[middle];
      if (candidate && candidate.from <= day) {
        found = candidate;
        low = middle + 1;
      } else {
        high = middle - 1;
      }
    }
    if (!found) throw new Error(`reference: no ${currency} rate on or before ${isoDay(day)}; the reference reads valid rows only`);
    return found.rate;
  }

  toCents(amount: Decimal, currency: string, day: Day): number {
    return toReportingCents(amount, this.rateOn(currency, day));
  }
}
