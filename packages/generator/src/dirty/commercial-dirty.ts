import { isoDate, lastDay } from '../calendar.js';
import { columnsOf, csvFile, jsonlFile } from '../output/file-spec.js';
import type { Row } from '../output/format.js';
import { currenciesWithoutRates } from '../world/geography.js';
import { DirtyFile } from './dirty-file.js';
import type { DirtyContext } from './dirty-files.js';
import { hostDay, hostMonth } from './host-dates.js';
import { unknownPartner } from './master-dirty.js';
import { messyEnum, nullMarker, padded, withThousands } from './messy.js';

const dealStatuses = ['won', 'lost', 'approved', 'submitted', 'rejected', 'expired'] as const;

/** A valid registration of the host: dates consistent with its status. */
function hostDeal(context: DirtyContext, k: number): Row {
  const registered = hostDay(context, k);
  const status = dealStatuses[k % dealStatuses.length] ?? 'won';
  const approved = status === 'submitted' || status === 'rejected' ? null : isoDate(registered + 3);
  const closed = status === 'won' || status === 'lost' || status === 'expired' ? isoDate(registered + 40) : null;
  return {
    deal_id: `D-DIRTY-${k}`, partner_id: context.hosts.steady.id, registered_at: isoDate(registered), status,
    approved_at: approved, closed_at: closed, amount: 1_200_000 + k * 10_000, currency: context.hosts.steady.currency,
  };
}

/** Registrations as JSON Lines: messy statuses and amounts as text, broken lines, bad values. */
export function dealsDirty(context: DirtyContext): DirtyFile {
  const file = new DirtyFile(jsonlFile('deal_registrations-dirty', 'deal_registrations', columnsOf('deal_registrations')), context.ledger);
  for (let k = 1; k <= 13; k++) {
    const deal = hostDeal(context, k);
    const messy = k % 2 === 0 ? { ...deal, status: messyEnum(String(deal.status), k), amount: withThousands(Number(deal.amount)) } : deal;
    file.addsRow(messy, deal);
  }
  file.duplicates(hostDeal(context, 14), 2, (row) => file.addsRow(row));
  const bad = (k: number, changes: Row): Row => ({ ...hostDeal(context, 20 + k), deal_id: `D-BAD-${k}`, ...changes });
  const registered = hostDay(context, 30);
  file.invalidJson('{"deal_id":"D-BAD-0","partner_id":"P0');
  file.invalidJson('["D-BAD-00","won"]');
  file.quarantines(bad(1, { registered_at: null }), 'missing_required');
  file.quarantines(bad(2, { registered_at: '2025-13-01' }), 'invalid_date');
  file.quarantines(bad(3, { status: 'closed' }), 'invalid_value');
  file.quarantines(bad(4, { amount: -50_000 }), 'negative_amount');
  file.quarantines(bad(5, { amount: 'abc' }), 'invalid_number');
  file.quarantines(bad(6, { currency: 'EURO' }), 'invalid_currency');
  file.quarantines(bad(7, { registered_at: '2099-02-01', status: 'submitted', approved_at: null, closed_at: null }), 'future_date');
  file.quarantines(bad(8, { registered_at: isoDate(registered), status: 'lost', approved_at: isoDate(registered + 2), closed_at: isoDate(registered - 5) }), 'date_order');
  file.quarantines(bad(9, { currency: currenciesWithoutRates[0] }), 'unknown_currency');
  file.quarantines(bad(10, { partner_id: unknownPartner }), 'unknown_partner');
  return file;
}

/** Pipeline: new opportunities of the host at a month end, and bad snapshots. */
export function pipelineDirty(context: DirtyContext): DirtyFile {
  const file = new DirtyFile(csvFile('pipeline-dirty', 'pipeline', columnsOf('pipeline')), context.ledger);
  const host = context.hosts.steady;
  const snapshot = isoDate(lastDay(hostMonth(context)));
  const opportunity = (k: number): Row => ({
    partner_id: host.id, opportunity_id: `OPP-DIRTY-${k}`, snapshot_date: snapshot, stage: 'proposal',
    amount: 2_000_000 + k * 50_000, currency: host.currency, expected_close_at: isoDate(lastDay(hostMonth(context) + 2)),
  });
  for (let k = 1; k <= 13; k++) {
    const row = opportunity(k);
    const messy = k % 3 === 0 ? { ...row, amount: withThousands(Number(row.amount)), expected_close_at: nullMarker } : { ...row, stage: padded('proposal') };
    file.addsRow(messy, k % 3 === 0 ? { ...row, expected_close_at: null } : row);
  }
  file.duplicates(opportunity(14), 3, (row) => file.addsRow(row));
  const bad = (k: number, changes: Row): Row => ({ ...opportunity(20 + k), opportunity_id: `OPP-BAD-${k}`, ...changes });
  file.quarantines(bad(1, { stage: null }), 'missing_required');
  file.quarantines(bad(2, { amount: '32k' }), 'invalid_number');
  file.quarantines(bad(3, { snapshot_date: '2025-06-31' }), 'invalid_date');
  file.quarantines(bad(4, { currency: 'US$' }), 'invalid_currency');
  file.quarantines(bad(5, { amount: -100_000 }), 'negative_amount');
  file.quarantines(bad(6, { snapshot_date: '2099-01-31', expected_close_at: null }), 'future_date');
  file.quarantines(bad(7, { currency: currenciesWithoutRates[1] }), 'unknown_currency');
  file.quarantines(bad(8, { partner_id: unknownPartner }), 'unknown_partner');
  file.malformed([host.id, 'OPP-BAD-9', snapshot]);
  return file;
}
