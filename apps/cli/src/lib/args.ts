import { addMonths, isMonth, monthOf } from '@ppm/core';
import { InvalidArgumentError } from 'commander';

/** Commander parser for a YYYY-MM month argument. */
export function monthArgument(value: string): string {
  if (!isMonth(value)) throw new InvalidArgumentError('expected a month as YYYY-MM, e.g. 2026-10');
  return value;
}

export function positiveInteger(value: string): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 1) throw new InvalidArgumentError('expected a whole number of at least 1');
  return parsed;
}

/** The last complete month: what a pipeline run scores by default. */
export function previousMonth(today = new Date()): string {
  return addMonths(monthOf(today), -1);
}
