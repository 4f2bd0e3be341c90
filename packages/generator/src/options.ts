import { z } from 'zod';
import { describeIssues } from '@ppm/core';
import { firstDay, lastDay, monthIndex, monthPeriod, parseMonth } from './calendar.js';

/** The options were invalid; the message names the option and what to pass instead. */
export class GeneratorOptionsError extends Error {
  override readonly name = 'GeneratorOptionsError';
}

/** Fewer months leave no room for a dormant partner's activity before its silent stretch. */
export const minimumMonths = 12;
export const minimumDirtyPartners = 20;

export const generateOptionsSchema = z
  .object({
    partners: z.number().int().min(1).max(9_999_999),
    months: z.number().int().min(minimumMonths, `use at least ${minimumMonths} months so every archetype fits`).max(240),
    seed: z.number().int().min(0).max(2 ** 32 - 1, 'use a seed between 0 and 4294967295'),
    out: z.string().min(1, 'name the output directory'),
    dirty: z.boolean().default(false),
    /** Replace the files of an earlier run in `out` (otherwise a non-empty out/data is an error). */
    overwrite: z.boolean().default(false),
    end: z
      .string()
      .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'write the end month as YYYY-MM, e.g. 2026-03')
      .optional(),
    /** The run's clock; only the default end month and the future check depend on it. */
    now: z.date().optional(),
  })
  .strict();

export type GenerateOptions = z.input<typeof generateOptionsSchema>;

/** Everything derived from the options that the generators need. */
export interface Settings {
  readonly seed: number;
  readonly partners: number;
  readonly months: number;
  readonly dirty: boolean;
  readonly out: string;
  readonly overwrite: boolean;
  readonly startMonth: number;
  readonly endMonth: number;
  readonly startDay: number;
  /** Last day of the end month: no generated event lies after it. */
  readonly endDay: number;
  /** The last month a target period may start in: the loader's FX rates reach only this far ahead. */
  readonly lastTargetStartMonth: number;
  /** FX history starts here, ahead of the first dated row. */
  readonly fxFirstDay: number;
}

function currentMonth(now: Date): number {
  return monthIndex(now.getUTCFullYear(), now.getUTCMonth() + 1);
}

export function resolveSettings(input: GenerateOptions): Settings {
  const parsed = generateOptionsSchema.safeParse(input);
  if (!parsed.success) throw new GeneratorOptionsError(`Invalid generator options:\n${describeIssues('generate', parsed.error.issues)}`);
  const options = parsed.data;
  const now = options.now ?? new Date();
  const endMonth = options.end ? parseMonth(options.end) : currentMonth(now) - 1;
  if (endMonth > currentMonth(now)) {
    throw new GeneratorOptionsError(
      `generate: end: ${monthPeriod(endMonth)} lies in the future, so every row would be quarantined as future_date; pass the current month or an earlier one`,
    );
  }
  if (options.dirty && options.partners < minimumDirtyPartners) {
    throw new GeneratorOptionsError(`generate: partners: dirty files restate rows of several partners; use at least ${minimumDirtyPartners} partners with dirty`);
  }
  const startMonth = endMonth - options.months + 1;
  return {
    seed: options.seed,
    partners: options.partners,
    months: options.months,
    dirty: options.dirty,
    out: options.out,
    overwrite: options.overwrite,
    startMonth,
    endMonth,
    startDay: firstDay(startMonth),
    endDay: lastDay(endMonth),
    lastTargetStartMonth: endMonth + 1,
    fxFirstDay: firstDay(startMonth - 3),
  };
}
