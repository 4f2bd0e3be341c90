/**
 * Date layouts a files source may declare (`date_format` in sources.yml) for exports that
 * do not write ISO dates. ISO 8601 is always read; a declared layout is read besides it,
 * never guessed: 03/04/2026 is March in one country and April in another.
 */
export const dateFormats = ['YYYY-MM-DD', 'DD/MM/YYYY', 'MM/DD/YYYY', 'DD.MM.YYYY', 'DD-MM-YYYY', 'MM-DD-YYYY', 'YYYY/MM/DD'] as const;
export type DateFormat = (typeof dateFormats)[number];

export const isoDateFormat: DateFormat = 'YYYY-MM-DD';

/** A layout as a PostgreSQL regex and the replacement that rewrites a match to ISO text. */
export interface DateLayout {
  readonly format: DateFormat;
  readonly pattern: string;
  readonly toIso: string;
}

const partPatterns: Record<string, string> = { YYYY: '([0-9]{4})', MM: '([0-9]{1,2})', DD: '([0-9]{1,2})' };
/** An optional 24-hour time after a space or T (read as UTC, like ISO timestamps without a zone). */
const optionalTime = String.raw`((?:[ T][0-9]{1,2}:[0-9]{2}(?::[0-9]{2}(?:\.[0-9]+)?)?)?)`;

/** The layout to read besides ISO, or undefined when the source writes ISO dates. */
export function dateLayout(format: DateFormat): DateLayout | undefined {
  if (format === isoDateFormat) return undefined;
  const separator = format.charAt(format.search(/[^A-Z]/));
  const parts = format.split(separator);
  const pattern = `^${parts.map((part) => partPatterns[part]).join(separator === '.' ? String.raw`\.` : separator)}${optionalTime}$`;
  const group = (part: string) => `\\${parts.indexOf(part) + 1}`;
  return { format, pattern, toIso: `${group('YYYY')}-${group('MM')}-${group('DD')}\\4` };
}
