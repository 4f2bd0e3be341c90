import { parseArgs } from 'node:util';

/** Reads `--name value` options with defaults; numbers are parsed and checked. */
export function numberOptions<T extends Record<string, number>>(defaults: T): T {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: Object.fromEntries(Object.keys(defaults).map((name) => [name, { type: 'string' as const }])),
    strict: true,
  });
  const result: Record<string, number> = { ...defaults };
  for (const [name, raw] of Object.entries(values)) {
    const parsed = Number(raw);
    if (!Number.isFinite(parsed) || parsed <= 0) throw new Error(`--${name} must be a positive number`);
    result[name] = parsed;
  }
  return result as T;
}
