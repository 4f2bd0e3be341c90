import { describe, expect, it } from 'vitest';
import { countryCodes, countryKey, countryLookup } from '../src/countries.js';

const codeOf = (text: string) => countryLookup().get(countryKey(text));

describe('country texts read as ISO 3166-1 alpha-2 codes', () => {
  it.each([
    ['DE', 'DE'], ['deu', 'DE'], ['Germany', 'DE'], ['Deutschland', 'DE'], ['Allemagne', 'DE'],
    ['U.S.A.', 'US'], ['United States', 'US'], ['U.K.', 'GB'], ['England', 'GB'], ['Sverige', 'SE'],
    ['ÖSTERREICH', 'AT'], ["Côte d’Ivoire", 'CI'], ['Czech Rep.', 'CZ'], ['Polska', 'PL'], ['Türkiye', 'TR'],
  ])('%s is %s', (text, code) => {
    expect(codeOf(text)).toBe(code);
  });

  it('knows no code for texts that are no country', () => {
    for (const text of ['Atlantis', 'EMEA', 'Global', '', '---']) expect(codeOf(text)).toBeUndefined();
  });

  it('compares texts without case, accents, dots, apostrophes and runs of other marks', () => {
    expect(countryKey("  Côte d'IVOIRE ")).toBe(countryKey('Cote dIvoire'));
    expect(countryKey('Bosnia-and--Herzegovina')).toBe('bosnia and herzegovina');
  });

  it('lists the 249 assigned codes and Kosovo', () => {
    expect(countryCodes()).toHaveLength(250);
    expect(countryCodes()).toContain('XK');
  });
});
