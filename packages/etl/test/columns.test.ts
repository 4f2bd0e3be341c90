import { entities } from '@ppm/core';
import { describe, expect, it } from 'vitest';
import { mapHeader } from '../src/input/columns.js';

const revenue = entities.find((entity) => entity.name === 'revenue')!;
const fieldIndex = (name: string) => revenue.fields.findIndex((field) => field.name === name);

describe('mapping a header row onto the contract', () => {
  it('reads headers in any case, with spaces, hyphens and zero-width characters', () => {
    const { targets } = mapHeader(revenue, ['Line-ID', 'PARTNER ID', 'Booked\u200b At', '\ufeffAmount', 'Currency\u200b'], 'revenue.csv');
    expect(targets).toEqual(['line_id', 'partner_id', 'booked_at', 'amount', 'currency'].map(fieldIndex));
  });

  it('reads camelCase, PascalCase and punctuated headers as the words they join', () => {
    const { targets } = mapHeader(revenue, ['lineId', 'PartnerID', 'Booked.At', 'AMOUNT', '  currency / ', 'dealID'], 'revenue.csv');
    expect(targets).toEqual(['line_id', 'partner_id', 'booked_at', 'amount', 'currency', 'deal_id'].map(fieldIndex));
  });

  it('fills a field from its configured column, then its own name, then an alias; the others go to extra', () => {
    const byName = mapHeader(revenue, ['Account ID', 'Partner ID', 'booked_at', 'amount', 'currency'], 'revenue.csv');
    expect(byName.targets.slice(0, 2)).toEqual([-1, fieldIndex('partner_id')]);
    const configured = mapHeader(revenue, ['Partner ID', 'Reseller Code', 'booked_at', 'amount', 'currency'], 'revenue.csv', { partner_id: 'Reseller Code' });
    expect(configured.targets.slice(0, 2)).toEqual([-1, fieldIndex('partner_id')]);
  });

  it('refuses two columns naming a field alike, saying how to choose one', () => {
    expect(() => mapHeader(revenue, ['Account ID', 'partner_number', 'booked_at', 'amount', 'currency'], 'revenue.csv')).toThrow(
      /columns "Account ID" and "partner_number" both map to field partner_id; keep one, or name the one to use under columns: partner_id/,
    );
  });

  it('marks columns without a name, whose values are kept by position', () => {
    expect(mapHeader(revenue, ['partner_id', 'booked_at', 'amount', 'currency', ' '], 'revenue.csv').targets.at(-1)).toBe(-2);
  });
});
