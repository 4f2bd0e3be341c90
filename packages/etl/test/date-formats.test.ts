import { describe, expect, it } from 'vitest';
import { dateLayout, type DateFormat } from '../src/sql/date-formats.js';

/** The layout's regex and ISO rewrite, applied with JavaScript's regex engine (same syntax for these patterns). */
function toIso(format: DateFormat, text: string): string | null {
  const layout = dateLayout(format);
  if (!layout) throw new Error(`${format} has no layout`);
  const match = new RegExp(layout.pattern).exec(text);
  if (!match) return null;
  return layout.toIso.replace(/\\(\d)/g, (_, group: string) => match[Number(group)] ?? '');
}

describe('date layouts a source may declare', () => {
  it('reads ISO without a layout', () => {
    expect(dateLayout('YYYY-MM-DD')).toBeUndefined();
  });

  it.each([
    ['DD/MM/YYYY', '24/11/2026', '2026-11-24'],
    ['MM/DD/YYYY', '11/24/2026', '2026-11-24'],
    ['DD.MM.YYYY', '3.4.2026', '2026-4-3'],
    ['DD-MM-YYYY', '1-1-2026', '2026-1-1'],
    ['MM-DD-YYYY', '12-31-2026', '2026-12-31'],
    ['YYYY/MM/DD', '2026/02/03', '2026-02-03'],
  ] as const)('%s rewrites %s to ISO order', (format, text, iso) => {
    expect(toIso(format, text)).toBe(iso);
  });

  it('keeps a 24-hour time after the date', () => {
    expect(toIso('DD/MM/YYYY', '24/11/2026 09:15')).toBe('2026-11-24 09:15');
    expect(toIso('MM/DD/YYYY', '11/24/2026T09:15:30.5')).toBe('2026-11-24T09:15:30.5');
  });

  it.each([
    ['DD/MM/YYYY', '24/11/26'],
    ['DD/MM/YYYY', '24-11-2026'],
    ['DD.MM.YYYY', '24x11x2026'],
    ['MM/DD/YYYY', '11/24/2026 9am'],
    ['MM/DD/YYYY', ' 11/24/2026'],
  ] as const)('%s does not match %s', (format, text) => {
    expect(toIso(format, text)).toBeNull();
  });
});
