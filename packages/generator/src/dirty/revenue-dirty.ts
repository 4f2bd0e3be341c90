import { isoDate, monthPeriod } from '../calendar.js';
import { formatCents } from '../money.js';
import { columnsOf, csvFile } from '../output/file-spec.js';
import type { Row } from '../output/format.js';
import { products } from '../world/catalog.js';
import { currenciesWithoutRates } from '../world/geography.js';
import { DirtyFile } from './dirty-file.js';
import { sampleOf, type DirtyContext } from './dirty-files.js';
import { hostDay, hostMonth } from './host-dates.js';
import { unknownPartner } from './master-dirty.js';
import { nullMarker, padded, withThousands } from './messy.js';

const multilineProduct = products.find((product) => product.includes('\n')) ?? 'Professional Services\nImplementation';

/**
 * A line and its credit note on the same day in the same currency: both load, and
 * the host's revenue (and attainment) is unchanged to the cent.
 */
function nettingPair(context: DirtyContext, file: DirtyFile, k: number, cents: number, style: (row: Row) => Row): void {
  const host = context.hosts.steady;
  const base = { partner_id: host.id, booked_at: isoDate(hostDay(context, k)), currency: host.currency, product: 'Data Platform', deal_id: null };
  const line = { ...base, line_id: `INV-DIRTY-${k}A`, amount: cents };
  const credit = { ...base, line_id: `INV-DIRTY-${k}B`, amount: -cents };
  file.addsRow(style(line), line);
  file.addsRow(style(credit), credit);
}

function goodRevenue(context: DirtyContext, file: DirtyFile): void {
  const same = (row: Row) => row;
  nettingPair(context, file, 1, 105_000, (row) => ({ ...row, amount: Number(row.amount) > 0 ? withThousands(Number(row.amount)) : formatCents(Number(row.amount)) }));
  nettingPair(context, file, 2, 25_000, (row) => ({ ...row, amount: padded(formatCents(Number(row.amount))), product: nullMarker }));
  nettingPair(context, file, 3, 78_000, (row) => ({ ...row, product: multilineProduct }));
  nettingPair(context, file, 4, 31_500, (row) => ({ ...row, line_id: null }));
  nettingPair(context, file, 5, 250_000, (row) => ({ ...row, amount: Number(row.amount) > 0 ? withThousands(Number(row.amount)) : formatCents(Number(row.amount)), deal_id: '' }));
  nettingPair(context, file, 6, 12_345, same);
  nettingPair(context, file, 7, 9_900, same);
  const host = context.hosts.steady;
  const repeated = { line_id: 'INV-DIRTY-8A', partner_id: host.id, booked_at: isoDate(hostDay(context, 8)), amount: 40_000, currency: host.currency, product: 'Backup & Recovery', deal_id: null };
  file.duplicates(repeated, 3, (row) => file.addsRow(row));
  file.addsRow({ ...repeated, line_id: 'INV-DIRTY-8B', amount: -40_000 });
  const corrected = sampleOf(context, host.id, 'revenue').find((row) => Number(row.amount) > 100 && !row.deal_id);
  if (corrected) {
    const fixed = { ...corrected, amount: Number(corrected.amount) + 100 };
    file.replacesRow(fixed, corrected, fixed);
  }
}

function badRevenue(context: DirtyContext, file: DirtyFile): void {
  const host = context.hosts.steady;
  const day = isoDate(hostDay(context, 12));
  let n = 0;
  const bad = (changes: Row): Row => ({
    line_id: `INV-BAD-${++n}`, partner_id: host.id, booked_at: day, amount: '100.00', currency: host.currency, product: 'Data Platform', deal_id: null, ...changes,
  });
  file.malformed([`INV-BAD-M1`, host.id, day, '100.00', host.currency, 'Data Platform', '', 'EXTRA']);
  file.malformed([`INV-BAD-M2`, host.id, day, '100.00']);
  file.quarantines(bad({ partner_id: null }), 'missing_required');
  file.quarantines(bad({ booked_at: '' }), 'missing_required');
  file.quarantines(bad({ amount: null }), 'missing_required');
  file.quarantines(bad({ amount: '12.5.0' }), 'invalid_number');
  file.quarantines(bad({ amount: '1.234,56' }), 'invalid_number');
  file.quarantines(bad({ booked_at: '2026-02-30' }), 'invalid_date');
  file.quarantines(bad({ booked_at: '15/03/2025' }), 'invalid_date');
  file.quarantines(bad({ currency: 'EURO' }), 'invalid_currency');
  file.quarantines(bad({ currency: 'E1' }), 'invalid_currency');
  file.quarantines(bad({ amount: `100.00 ${host.currency === 'EUR' ? 'USD' : 'EUR'}` }), 'currency_mismatch');
  file.quarantines(bad({ booked_at: '2099-01-15' }), 'future_date');
  file.quarantines(bad({ currency: 'XYZ' }), 'unknown_currency');
  file.quarantines(bad({ currency: currenciesWithoutRates[0] }), 'unknown_currency');
  file.quarantines(bad({ partner_id: unknownPartner }), 'unknown_partner');
}

/** Revenue: netting pairs written messily, a duplicated line, a corrected line, and bad lines. */
export function revenueDirty(context: DirtyContext): DirtyFile {
  const file = new DirtyFile(csvFile('revenue-dirty', 'revenue', columnsOf('revenue')), context.ledger);
  goodRevenue(context, file);
  badRevenue(context, file);
  return file;
}

/** Targets: the host's targets restated with thousands separators, and bad targets of other partners. */
export function targetsDirty(context: DirtyContext): DirtyFile {
  const columns = columnsOf('targets', undefined, { partner_id: 'PARTNER_ID', period: 'Period', amount: 'AMOUNT', currency: 'Currency' });
  const file = new DirtyFile(csvFile('targets-dirty', 'targets', columns), context.ledger);
  const host = context.hosts.steady;
  const [repeated, ...restated] = sampleOf(context, host.id, 'targets').slice(0, 15);
  restated.forEach((row) => file.restatesRow({ ...row, amount: withThousands(Number(row.amount)) }));
  if (repeated) file.duplicates(repeated, 2, (row) => file.restatesRow(row));
  const others = context.hosts.restated.filter((profile) => profile.id !== host.id);
  let n = 0;
  const bad = (changes: Row): Row => {
    const partner = others[n % others.length] ?? host;
    const period = monthPeriod(hostMonth(context) - Math.floor(n++ / Math.max(1, others.length)));
    return { partner_id: partner.id, period, amount: '5000.00', currency: partner.currency, ...changes };
  };
  file.quarantines(bad({ amount: null }), 'missing_required');
  file.quarantines(bad({ amount: 'twelve thousand' }), 'invalid_number');
  file.quarantines(bad({ period: '2025-Q5' }), 'invalid_period');
  file.quarantines(bad({ period: '2025-13' }), 'invalid_period');
  file.quarantines(bad({ currency: 'EURO' }), 'invalid_currency');
  file.quarantines(bad({ amount: '-5000.00' }), 'negative_amount');
  file.quarantines(bad({ currency: 'XYZ' }), 'unknown_currency');
  file.quarantines(bad({ partner_id: unknownPartner }), 'unknown_partner');
  file.malformed([host.id, monthPeriod(hostMonth(context))]);
  return file;
}
