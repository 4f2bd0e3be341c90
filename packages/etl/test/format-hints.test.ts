import { describe, expect, it } from 'vitest';
import { dateFormatsReading, readAsDecimalComma } from '../src/format-hints.js';

describe('hints for a source whose formats need declaring', () => {
  it('names the one layout that reads every quarantined date, with or without a time', () => {
    expect(dateFormatsReading(['24/11/2026', '03/12/2026 14:05'])).toEqual(['DD/MM/YYYY']);
    expect(dateFormatsReading(['11/24/2026', '12/03/2026'])).toEqual(['MM/DD/YYYY']);
    expect(dateFormatsReading(['24.11.2026'])).toEqual(['DD.MM.YYYY']);
  });

  it('names every layout when no day above 12 tells them apart, and none for values no layout reads', () => {
    expect(dateFormatsReading(['03/04/2026', '05/06/2026'])).toEqual(['DD/MM/YYYY', 'MM/DD/YYYY']);
    expect(dateFormatsReading(['24/11/2026', 'someday'])).toEqual([]);
    expect(dateFormatsReading(['31/02/2026'])).toEqual([]);
    expect(dateFormatsReading([])).toEqual([]);
  });

  it('recognises decimal commas, with thousands points, signs and currency decorations', () => {
    expect(readAsDecimalComma(['1.234,50', '12,5', '€ -7,00'])).toBe(true);
    expect(readAsDecimalComma(['1.234,50', 'twelve'])).toBe(false);
    expect(readAsDecimalComma([])).toBe(false);
  });
});
