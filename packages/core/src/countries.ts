import { createRequire } from 'node:module';

/** Languages in Latin script whose country names are read besides the codes: those of most partner-program exports. */
export const countryNameLanguages = ['en', 'de', 'fr', 'es', 'it', 'nl', 'pt', 'ca', 'sv', 'da', 'nb', 'fi', 'pl', 'cs', 'sk', 'hu', 'ro', 'hr', 'sl', 'et', 'lv', 'lt', 'tr', 'id', 'ms'] as const;

/**
 * Accented Latin letters and the plain letter each stands for, in both cases: countryKey and
 * the loader's SQL (whose lower() may leave non-ASCII letters alone) drop accents with this table.
 */
export const accentedLetters = 'áàâäãåçéèêëíìîïñóòôöõøúùûüýÿÁÀÂÄÃÅÇÉÈÊËÍÌÎÏÑÓÒÔÖÕØÚÙÛÜÝ';
/** The plain letter of each of accentedLetters, at the same position (ø has no decomposition). */
export const plainLetters = [...accentedLetters].map((letter) => (letter.toLowerCase() === 'ø' ? 'o' : letter.normalize('NFD').replace(/\p{M}/gu, ''))).join('');

/** Marks dropped without a trace, so that U.K. reads as UK and d'Ivoire as dIvoire on both sides of a comparison. */
export const droppedMarks = ".'’";

const plainOf = new Map<string, string>([...[...accentedLetters].map((letter, index): [string, string] => [letter, plainLetters[index] ?? letter]), ...[...droppedMarks].map((mark): [string, string] => [mark, ''])]);

/**
 * How a country text is compared: accents and the droppedMarks dropped, lower case, anything
 * else but ASCII letters and digits as one space (letters of other alphabets too: the same
 * on both sides, so a name still meets its own spelling).
 */
export function countryKey(text: string): string {
  const plain = [...text].map((letter) => plainOf.get(letter) ?? letter).join('');
  return plain
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

interface CountryData {
  getAlpha2Codes(): Record<string, string>;
  getAlpha3Codes(): Record<string, string>;
  getNames(language: string, options: { select: 'all' }): Record<string, string[]>;
  registerLocale(locale: unknown): void;
}

function loadCountryData(): CountryData {
  const require = createRequire(import.meta.url);
  // The library's main entry registers ~80 languages; the index and the languages read here are enough.
  const data = require('i18n-iso-countries/index') as CountryData;
  for (const language of countryNameLanguages) data.registerLocale(require(`i18n-iso-countries/langs/${language}.json`));
  return data;
}

/** Names exports use that the library's name lists lack. */
const commonNames: Readonly<Record<string, string>> = {
  England: 'GB',
  Scotland: 'GB',
  Wales: 'GB',
  'Northern Ireland': 'GB',
  Britain: 'GB',
  Holland: 'NL',
  Korea: 'KR',
  'Korea (South)': 'KR',
  Macedonia: 'MK',
  'Viet Nam': 'VN',
  'Czech Rep': 'CZ',
  'Slovak Republic': 'SK',
  'Kyrgyz Republic': 'KG',
  'Lao PDR': 'LA',
  Moldova: 'MD',
  Syria: 'SY',
  Burma: 'MM',
  'East Timor': 'TL',
  Vatican: 'VA',
  'Hong Kong SAR': 'HK',
  'Macau SAR': 'MO',
  'Republic of Ireland': 'IE',
  Bosnia: 'BA',
};

let lookup: ReadonlyMap<string, string> | undefined;

/** A key for the name, unless two countries share it (then neither gets it). */
function addName(names: Map<string, string | null>, name: string, code: string): void {
  const key = countryKey(name);
  if (key === '') return;
  const known = names.get(key);
  names.set(key, known === undefined || known === code ? code : null);
}

/**
 * Country texts read as ISO 3166-1 alpha-2 codes, by countryKey: the alpha-2 codes, the
 * alpha-3 codes (DEU) and the names in countryNameLanguages (Germany, Deutschland,
 * Allemagne, United States, USA, UK, ...) and commonNames. Codes win over names; a name two
 * countries share is left out.
 */
export function countryLookup(): ReadonlyMap<string, string> {
  if (lookup) return lookup;
  const data = loadCountryData();
  const names = new Map<string, string | null>();
  for (const language of countryNameLanguages) {
    for (const [code, spellings] of Object.entries(data.getNames(language, { select: 'all' }))) for (const name of spellings) addName(names, name, code);
  }
  for (const [name, code] of Object.entries(commonNames)) if (!names.has(countryKey(name))) names.set(countryKey(name), code);
  const result = new Map<string, string>();
  for (const [key, code] of names) if (code !== null) result.set(key, code);
  for (const [alpha3, alpha2] of Object.entries(data.getAlpha3Codes())) result.set(countryKey(alpha3), alpha2);
  for (const alpha2 of Object.keys(data.getAlpha2Codes())) result.set(countryKey(alpha2), alpha2);
  lookup = result;
  return result;
}

/** The ISO 3166-1 alpha-2 codes, sorted. */
export function countryCodes(): readonly string[] {
  return [...new Set(countryLookup().values())].sort();
}
