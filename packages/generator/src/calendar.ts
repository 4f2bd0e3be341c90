/**
 * Calendar arithmetic on plain numbers: a day is days since 1970-01-01 (UTC), a month
 * is year * 12 + (month - 1). Formatting is cached because the same few thousand
 * dates are printed millions of times.
 */
const msPerDay = 86_400_000;

export function dayOf(year: number, month: number, day: number): number {
  return Date.UTC(year, month - 1, day) / msPerDay;
}

export function monthIndex(year: number, month: number): number {
  return year * 12 + (month - 1);
}

export function yearOfMonth(month: number): number {
  return Math.floor(month / 12);
}

/** 1-based month of the year. */
export function monthOfYear(month: number): number {
  return (month % 12) + 1;
}

/** Months from 1900 to 2199 have their first day cached: the generators ask millions of times. */
const monthCacheFrom = monthIndex(1900, 1);
const firstDays = new Float64Array(monthIndex(2200, 1) - monthCacheFrom).fill(Number.NaN);

export function firstDay(month: number): number {
  const offset = month - monthCacheFrom;
  const cached = firstDays[offset];
  if (cached !== undefined && !Number.isNaN(cached)) return cached;
  const day = dayOf(yearOfMonth(month), monthOfYear(month), 1);
  if (offset >= 0 && offset < firstDays.length) firstDays[offset] = day;
  return day;
}

export function lastDay(month: number): number {
  return firstDay(month + 1) - 1;
}

export function daysIn(month: number): number {
  return lastDay(month) - firstDay(month) + 1;
}

export function monthOfDay(day: number): number {
  const date = new Date(day * msPerDay);
  return monthIndex(date.getUTCFullYear(), date.getUTCMonth() + 1);
}

/** 0 = Sunday ... 6 = Saturday (1970-01-01 was a Thursday). */
function weekday(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

export function isWeekend(day: number): boolean {
  const dow = weekday(day);
  return dow === 0 || dow === 6;
}

/** First month of the quarter the month lies in. */
export function quarterStart(month: number): number {
  return month - (month % 3);
}

/** Cached dates from 1900 to 2199, indexed by day - isoCacheFrom. */
const isoCacheFrom = dayOf(1900, 1, 1);
const isoCache: (string | undefined)[] = new Array<string | undefined>(dayOf(2200, 1, 1) - isoCacheFrom);

/** ISO 8601 date, e.g. 2026-02-17. */
export function isoDate(day: number): string {
  let text = isoCache[day - isoCacheFrom];
  if (text === undefined) {
    text = new Date(day * msPerDay).toISOString().slice(0, 10);
    if (day >= isoCacheFrom && day - isoCacheFrom < isoCache.length) isoCache[day - isoCacheFrom] = text;
  }
  return text;
}

const monthTexts = new Map<number, string>();

/** YYYY-MM */
export function monthPeriod(month: number): string {
  let text = monthTexts.get(month);
  if (text === undefined) {
    text = `${yearOfMonth(month)}-${String(monthOfYear(month)).padStart(2, '0')}`;
    monthTexts.set(month, text);
  }
  return text;
}

/** YYYY-Qn for the quarter that starts at (or contains) the month. */
export function quarterPeriod(month: number): string {
  return `${yearOfMonth(month)}-Q${Math.floor((month % 12) / 3) + 1}`;
}

export function parseMonth(text: string): number {
  const match = /^(\d{4})-(\d{2})$/.exec(text);
  if (!match) throw new Error(`"${text}" is not a month (YYYY-MM)`);
  return monthIndex(Number(match[1]), Number(match[2]));
}

function parseIsoDate(text: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(text);
  if (!match) throw new Error(`"${text}" is not an ISO date`);
  return dayOf(Number(match[1]), Number(match[2]), Number(match[3]));
}

const periodCache = new Map<string, number>();

/** First day of a period written YYYY-MM, YYYY-Qn or YYYY. */
export function periodFirstDay(period: string): number {
  let day = periodCache.get(period);
  if (day !== undefined) return day;
  const quarter = /^(\d{4})-Q([1-4])$/.exec(period);
  if (quarter) day = dayOf(Number(quarter[1]), (Number(quarter[2]) - 1) * 3 + 1, 1);
  else if (/^\d{4}$/.test(period)) day = dayOf(Number(period), 1, 1);
  else day = firstDay(parseMonth(period));
  periodCache.set(period, day);
  return day;
}

const dayCache = new Map<string, number>();

/** Day number of an ISO date (or the date part of an ISO timestamp), cached. */
export function dayOfIso(text: string): number {
  let day = dayCache.get(text);
  if (day === undefined) {
    day = parseIsoDate(text);
    dayCache.set(text, day);
  }
  return day;
}
