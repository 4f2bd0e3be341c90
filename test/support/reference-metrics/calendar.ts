/**
 * Dates as whole days since 1970-01-01 (UTC) and months as `year * 12 + month - 1`, so
 * the metrics below are integer arithmetic with no time zones involved.
 */
export type Day = number;
export type Month = number;

const msPerDay = 86_400_000;

export function parseIsoDay(text: string): Day {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) throw new Error(`reference: "${text}" is not an ISO date (YYYY-MM-DD)`);
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const ms = Date.UTC(year, month - 1, day);
  if (new Date(ms).getUTCDate() !== day) throw new Error(`reference: "${text}" is not a calendar date`);
  return ms / msPerDay;
}

export const isoDay = (day: Day): string => new Date(day * msPerDay).toISOString().slice(0, 10);

export function monthOfDay(day: Day): Month {
  const date = new Date(day * msPerDay);
  return date.getUTCFullYear() * 12 + date.getUTCMonth();
}

export const firstDayOfMonth = (month: Month): Day => Date.UTC(Math.floor(month / 12), month % 12, 1) / msPerDay;
export const lastDayOfMonth = (month: Month): Day => firstDayOfMonth(month + 1) - 1;
export const quarterOfMonth = (month: Month): Month => month - (month % 3);

export function parseIsoMonth(text: string): Month {
  const match = /^(\d{4})-(\d{2})$/.exec(text);
  if (!match || Number(match[2]) < 1 || Number(match[2]) > 12) throw new Error(`reference: "${text}" is not a month (YYYY-MM)`);
  return Number(match[1]) * 12 + Number(match[2]) - 1;
}

/** A calendar month, quarter or year as written in the contract (`YYYY-MM`, `YYYY-Qn`, `YYYY`). */
export interface CalendarPeriod {
  readonly firstMonth: Month;
  readonly months: number;
  readonly start: Day;
  readonly end: Day;
}

export function parseCalendarPeriod(text: string): CalendarPeriod {
  const upper = text.toUpperCase();
  const quarter = /^(\d{4})-Q([1-4])$/.exec(upper);
  const year = /^(\d{4})$/.exec(upper);
  const span = (firstMonth: Month, months: number): CalendarPeriod => ({
    firstMonth,
    months,
    start: firstDayOfMonth(firstMonth),
    end: lastDayOfMonth(firstMonth + months - 1),
  });
  if (quarter) return span(Number(quarter[1]) * 12 + (Number(quarter[2]) - 1) * 3, 3);
  if (year) return span(Number(year[1]) * 12, 12);
  return span(parseIsoMonth(upper), 1);
}

export const periodKey = (period: CalendarPeriod): string => `${period.firstMonth}/${period.months}`;
