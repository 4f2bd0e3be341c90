import { dateLayout, isoDateFormat, type DateFormat, type DateLayout } from './date-formats.js';

export const decimalSeparators = ['.', ','] as const;
export type DecimalSeparator = (typeof decimalSeparators)[number];

/** How a source writes the values the contract types: declared per files source, never guessed. */
export interface ValueFormats {
  readonly dateFormat: DateFormat;
  readonly decimalSeparator: DecimalSeparator;
}

export const standardFormats: ValueFormats = { dateFormat: isoDateFormat, decimalSeparator: '.' };

export const layoutOf = (formats: ValueFormats): DateLayout | undefined => dateLayout(formats.dateFormat);

/** A source's own texts for a fixed list's values (e.g. "Gold Partner") -> the contract value ("gold"). */
export type ValueMap = Readonly<Record<string, string>>;
/** Field -> its value map, for one entity. */
export type EntityValueMaps = Readonly<Record<string, ValueMap>>;
