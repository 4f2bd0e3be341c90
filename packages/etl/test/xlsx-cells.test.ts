import { describe, expect, it } from 'vitest';
import { cellText } from '../src/input/xlsx.js';

describe('Excel cells as the text a CSV export would hold', () => {
  it('writes date cells as ISO dates, and as timestamps when they carry a time', () => {
    expect(cellText(new Date(Date.UTC(2026, 1, 3)))).toBe('2026-02-03');
    expect(cellText(new Date(Date.UTC(2026, 1, 3, 9, 14)))).toBe('2026-02-03T09:14:00.000Z');
  });

  it('writes numbers, booleans and empty cells plainly', () => {
    expect(cellText(1234.5)).toBe('1234.5');
    expect(cellText(true)).toBe('true');
    expect(cellText(null)).toBe('');
    expect(cellText(undefined)).toBe('');
  });

  it('takes the result of a formula, the text of rich text and links, and errors as written', () => {
    expect(cellText({ formula: 'B2*2', result: 42 })).toBe('42');
    expect(cellText({ formula: 'TODAY()', result: new Date(Date.UTC(2026, 10, 24)) })).toBe('2026-11-24');
    expect(cellText({ richText: [{ text: 'Acme ' }, { text: 'GmbH', font: { bold: true } }] })).toBe('Acme GmbH');
    expect(cellText({ text: 'portal', hyperlink: 'https://example.com' })).toBe('portal');
    expect(cellText({ error: '#N/A' })).toBe('#N/A');
  });
});
