import { isoDate } from '../calendar.js';
import { columnsOf, csvFile } from '../output/file-spec.js';
import type { Row } from '../output/format.js';
import { DirtyFile } from './dirty-file.js';
import { sampleOf, type DirtyContext } from './dirty-files.js';
import { hostDay } from './host-dates.js';
import { messyEnum, nullMarker, padded } from './messy.js';

const unknownPartner = 'PX99999';

/** FX: restated rates (loading changes nothing) and rates that must never load. */
export function fxDirty(context: DirtyContext): DirtyFile {
  const file = new DirtyFile(csvFile('fx_rates-dirty', 'fx_rates', columnsOf('fx_rates')), context.ledger);
  const rows = context.fx.rows();
  for (let k = 0; k < 14; k++) {
    const next = rows.next();
    if (next.done) break;
    const { day, currency, rateMicro } = next.value;
    const raw = { date: isoDate(day), currency, rate: rateMicro };
    if (k === 13) file.duplicates(raw, 2, (row) => file.restatesRow(row));
    else file.restatesRow(k % 3 === 0 ? { ...raw, rate: padded((rateMicro / 1e6).toFixed(6)) } : raw);
  }
  const day = (offset: number) => isoDate(hostDay(context, offset));
  file.quarantines({ date: day(0), currency: 'EUR', rate: '0' }, 'out_of_range');
  file.quarantines({ date: day(1), currency: 'EUR', rate: '-1.05' }, 'out_of_range');
  file.quarantines({ date: day(2), currency: 'EUR', rate: '1,0842' }, 'invalid_number');
  file.quarantines({ date: '2025-02-30', currency: 'GBP', rate: '1.2650' }, 'invalid_date');
  file.quarantines({ date: day(3), currency: 'EURO', rate: '1.0842' }, 'invalid_currency');
  file.quarantines({ date: day(4), currency: 'CHF', rate: null }, 'missing_required');
  file.quarantines({ date: '2099-01-15', currency: 'EUR', rate: '1.0842' }, 'future_date');
  file.malformed([day(5), 'SEK']);
  return file;
}

function messyVersion(row: Row, k: number): Row {
  return {
    ...row,
    partner_type: messyEnum(String(row.partner_type), k === 0 ? 1 : k),
    tier: messyEnum(String(row.tier), k + 1),
    status: messyEnum(String(row.status), k + 2),
    parent_partner_id: row.parent_partner_id ?? nullMarker,
  };
}

function badPartner(context: DirtyContext, k: number): Row {
  const names = ['Société Générale Réseaux', 'Zürcher Handels € AG', 'Informática Peña Ltda.', 'Åkesson “Nordic” Data AB'];
  return {
    partner_id: `PX0000${k}`,
    name: names[k % names.length],
    partner_type: 'reseller',
    tier: 'silver',
    region: 'EMEA',
    country: 'DE',
    status: 'active',
    onboarded_at: isoDate(hostDay(context, -400)),
    parent_partner_id: null,
    channel_account_manager: context.population.camsIn('EMEA')[0] ?? null,
    effective_from: isoDate(context.settings.startDay),
  };
}

/**
 * Partners in Windows-1252 with semicolons, CRLF and aliased headers: restated
 * versions with messy enum spellings (they load and change nothing), then bad rows.
 */
export function partnersDirty(context: DirtyContext): DirtyFile {
  const columns = columnsOf('partners', undefined, {
    partner_id: 'Partner_ID', name: 'Partner_Name', partner_type: 'Type', tier: 'LEVEL', region: 'Geo',
    country: 'Country_Code', status: 'Partner_Status', onboarded_at: 'Joined_At', parent_partner_id: 'Distributor_ID',
    channel_account_manager: 'Owner', effective_from: 'Valid_From',
  });
  const spec = csvFile('partners-dirty', 'partners', columns, { delimiter: ';', crlf: true, encoding: 'windows-1252' });
  const file = new DirtyFile(spec, context.ledger);
  const versions = context.hosts.restated.flatMap((profile) => sampleOf(context, profile.id, 'partners'));
  const [first, ...others] = versions;
  others.forEach((row, k) => file.restatesRow(messyVersion(row, k)));
  if (first) file.duplicates(first, 2, (row) => file.restatesRow(row));
  file.quarantines({ ...badPartner(context, 1), name: null }, 'missing_required');
  file.quarantines({ ...badPartner(context, 2), country: '' }, 'missing_required');
  file.quarantines({ ...badPartner(context, 3), onboarded_at: '2024-13-01' }, 'invalid_date');
  file.quarantines({ ...badPartner(context, 4), partner_type: 'wholesaler' }, 'invalid_value');
  file.quarantines({ ...badPartner(context, 5), tier: 'diamond' }, 'invalid_value');
  file.quarantines({ ...badPartner(context, 6), status: 'pending' }, 'invalid_value');
  file.quarantines({ ...badPartner(context, 7), onboarded_at: '2099-03-01' }, 'future_date');
  file.quarantines({ ...badPartner(context, 8), parent_partner_id: unknownPartner }, 'unknown_partner');
  file.quarantines({ ...badPartner(context, 10), country: 'Atlantis' }, 'invalid_country');
  file.malformed(['PX00009', 'Fewer Fields Ltd', 'reseller', 'silver', 'EMEA']);
  return file;
}

export { unknownPartner };
