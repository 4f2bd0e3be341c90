import { dayNumber, parseScaled, type Values } from './validate.js';

/** The loaded FX rates: the latest rate on or before a day, in millionths of USD per unit. */
export class FxIndex {
  private readonly series = new Map<string, { days: number[]; rates: bigint[] }>();

  rebuild(rows: ReadonlyMap<string, Values>): void {
    this.series.clear();
    const sorted = [...rows.values()].sort((a, b) => String(a.date).localeCompare(String(b.date)));
    for (const row of sorted) {
      const currency = String(row.currency).toUpperCase();
      let entry = this.series.get(currency);
      if (!entry) this.series.set(currency, (entry = { days: [], rates: [] }));
      entry.days.push(dayNumber(String(row.date)) ?? 0);
      entry.rates.push(parseScaled(String(row.rate), 6) ?? 0n);
    }
  }

  rate(currency: string, day: number): bigint | undefined {
    if (currency === 'USD') return 1_000_000n;
    const entry = this.series.get(currency);
    if (!entry) return undefined;
    let low = 0;
    let high = entry.days.length - 1;
    let found = -1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      if ((entry.days[middle] ?? 0) <= day) {
        found = middle;
        low = middle + 1;
      } else high = middle - 1;
    }
    return found < 0 ? undefined : entry.rates[found];
  }

  /** First day of a period (YYYY, YYYY-MM, YYYY-Qn) or the day of a date. */
  dayOfPeriodOrDate(text: string): number | null {
    const quarter = /^(\d{4})-Q([1-4])$/.exec(text);
    if (quarter) return Date.UTC(Number(quarter[1]), (Number(quarter[2]) - 1) * 3, 1) / 86_400_000;
    if (/^\d{4}$/.test(text)) return Date.UTC(Number(text), 0, 1) / 86_400_000;
    if (/^\d{4}-\d{2}$/.test(text)) return dayNumber(`${text}-01`);
    return dayNumber(text);
  }
}
