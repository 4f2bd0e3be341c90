import { isWeekend } from '../calendar.js';
import { rateScale } from '../money.js';
import { Random, streams } from '../random.js';
import { currencies, reportingCurrency } from './geography.js';

/** Pull of the log rate back towards its start value per business day: keeps drift within a few percent. */
const meanReversion = 0.012;

export interface FxRow {
  readonly day: number;
  readonly currency: string;
  /** USD per unit, in millionths. */
  readonly rateMicro: number;
}

/**
 * Daily rates on business days (weekends have no rows, as in most feeds); a lookup
 * takes the latest rate on or before the day, exactly as the warehouse does.
 */
export class FxTable {
  private readonly series = new Map<string, Int32Array>();

  private constructor(
    readonly firstDay: number,
    readonly lastDay: number,
  ) {}

  /** Rates from the first business day on or after `from` through `to`. */
  static generate(seed: number, from: number, to: number): FxTable {
    let first = from;
    while (isWeekend(first)) first++;
    const table = new FxTable(first, to);
    currencies.forEach((currency, index) => {
      const random = new Random(seed, streams.fx, index);
      const values = new Int32Array(to - first + 1);
      let deviation = 0;
      for (let day = first; day <= to; day++) {
        const offset = day - first;
        if (isWeekend(day)) {
          values[offset] = values[offset - 1] ?? 0;
          continue;
        }
        deviation = deviation * (1 - meanReversion) + currency.volatility * random.normal();
        values[offset] = Math.max(1, Math.round(currency.usd * Math.exp(deviation) * rateScale));
      }
      table.series.set(currency.code, values);
    });
    return table;
  }

  /** Rate in millionths of USD per unit on the latest business day on or before `day`; undefined when none. */
  rate(currency: string, day: number): number | undefined {
    if (currency === reportingCurrency) return rateScale;
    const values = this.series.get(currency);
    if (!values || day < this.firstDay) return undefined;
    return values[Math.min(day, this.lastDay) - this.firstDay];
  }

  /** Like rate(), for currencies and days the generator itself chose. */
  knownRate(currency: string, day: number): number {
    const rate = this.rate(currency, day);
    if (rate === undefined) throw new Error(`No FX rate for ${currency} on day ${day}: the generator chose a date outside the FX history`);
    return rate;
  }

  *rows(): Generator<FxRow> {
    for (let day = this.firstDay; day <= this.lastDay; day++) {
      if (isWeekend(day)) continue;
      for (const currency of currencies) {
        yield { day, currency: currency.code, rateMicro: this.knownRate(currency.code, day) };
      }
    }
  }
}
