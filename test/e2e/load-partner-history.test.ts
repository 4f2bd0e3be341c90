import { defaultProgramConfig } from '@ppm/core';
import { filesSourceAt, loadSource } from '@ppm/etl';
import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../support/database.js';
import { lines, tempFolder, writeFiles } from '../support/files.js';

const test = useTestDatabase();

const header = 'partner_id,name,partner_type,tier,region,country,status,onboarded_at,channel_account_manager';
const load = (files: Record<string, string>, asOf: string, fullSnapshot = false) =>
  loadSource({ db: test.db, config: defaultProgramConfig, source: 'crm', asOf, fullSnapshot }, filesSourceAt('crm', writeFiles(tempFolder('scd'), files)));

async function history(partnerId: string) {
  return test.db('core.partner_history').where({ partner_id: partnerId }).orderBy('valid_from').select('valid_from', 'valid_to', 'is_current', 'tier', 'status');
}

/** The tier a report for `day` uses: the version in force on that day. */
async function tierOn(partnerId: string, day: string): Promise<string | undefined> {
  const row = await test.db('core.partner_history')
    .where({ partner_id: partnerId })
    .andWhere('valid_from', '<=', day)
    .andWhere((query) => {
      void query.whereNull('valid_to').orWhere('valid_to', '>', day);
    })
    .first('tier');
  return row?.tier;
}

describe('partner history (type-2)', () => {
  it('opens a new version when a snapshot changes an attribute, and not when nothing changed', async () => {
    await load({ 'partners.csv': lines(header, 'P1,Acme,reseller,silver,EMEA,DE,active,2025-01-01,ana@x.example') }, '2026-01-01');
    await load({ 'partners.csv': lines(header, 'P1,Acme,reseller,silver,EMEA,DE,active,2025-01-01,ana@x.example') }, '2026-02-01');
    const promoted = await load({ 'partners.csv': lines(header, 'P1,Acme,reseller,gold,EMEA,DE,active,2025-01-01,ana@x.example') }, '2026-03-01');
    expect(promoted.rowsLoaded).toBe(1);
    expect(await history('P1')).toEqual([
      { valid_from: '2026-01-01', valid_to: '2026-03-01', is_current: false, tier: 'silver', status: 'active' },
      { valid_from: '2026-03-01', valid_to: null, is_current: true, tier: 'gold', status: 'active' },
    ]);
    expect(await tierOn('P1', '2026-02-15')).toBe('silver');
    expect(await tierOn('P1', '2026-03-15')).toBe('gold');
  });

  it('builds history from effective dates, in any row order, and fits a late-arriving version in between', async () => {
    const withDates = `${header},effective_from`;
    await load({ 'partners.csv': lines(withDates, 'P2,Beta,msp,platinum,NA,US,active,2024-01-01,bo@x.example,2025-07-01', 'P2,Beta,msp,silver,NA,US,active,2024-01-01,bo@x.example,2024-01-01') }, '2026-03-01');
    const late = await load({ 'partners-late.csv': lines(withDates, 'P2,Beta,msp,gold,NA,US,active,2024-01-01,bo@x.example,2025-01-01') }, '2026-03-01');
    expect(late.rowsLoaded).toBe(1);
    expect((await history('P2')).map((version) => [version.valid_from, version.valid_to, version.tier])).toEqual([
      ['2024-01-01', '2025-01-01', 'silver'],
      ['2025-01-01', '2025-07-01', 'gold'],
      ['2025-07-01', null, 'platinum'],
    ]);
  });

  it('marks partners missing from a full snapshot as inactive from the snapshot date', async () => {
    await load({ 'partners.csv': lines(header, 'P3,Gamma,var,silver,APAC,AU,active,2025-01-01,cy@x.example', 'P4,Delta,var,silver,APAC,AU,active,2025-01-01,cy@x.example') }, '2026-01-01');
    await load({ 'partners.csv': lines(header, 'P3,Gamma,var,silver,APAC,AU,active,2025-01-01,cy@x.example') }, '2026-04-01', true);
    expect((await history('P4')).map((version) => [version.valid_from, version.status, version.is_current])).toEqual([
      ['2026-01-01', 'active', false],
      ['2026-04-01', 'inactive', true],
    ]);
    expect((await history('P3')).map((version) => version.status)).toEqual(['active']);
  });
});
