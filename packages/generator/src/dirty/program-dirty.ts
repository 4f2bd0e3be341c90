import { isoDate, quarterPeriod, quarterStart, yearOfMonth } from '../calendar.js';
import { columnsOf, csvFile } from '../output/file-spec.js';
import type { Row } from '../output/format.js';
import { DirtyFile } from './dirty-file.js';
import { sampleOf, type DirtyContext } from './dirty-files.js';
import { hostDay, hostMonth } from './host-dates.js';
import { unknownPartner } from './master-dirty.js';
import { messyEnum, nullMarker, withThousands } from './messy.js';

/** MDF: extra funds of the host with thousands separators and empty stages, and bad funds. */
export function mdfDirty(context: DirtyContext): DirtyFile {
  const file = new DirtyFile(csvFile('mdf-dirty', 'mdf', columnsOf('mdf')), context.ledger);
  const host = context.hosts.steady;
  const fund = (k: number): Row => ({
    partner_id: host.id, fund_id: `MDF-DIRTY-${k}`, period: quarterPeriod(quarterStart(hostMonth(context))),
    allocated: 1_250_000 + k * 10_000, requested: 1_000_000, approved: 900_000, claimed: k % 2 === 0 ? 800_000 : null, paid: null, currency: host.currency,
  });
  for (let k = 0; k < 12; k++) {
    const row = fund(k);
    const messy = { ...row, allocated: withThousands(Number(row.allocated)), claimed: row.claimed ?? nullMarker, requested: k % 3 === 0 ? withThousands(Number(row.requested)) : row.requested };
    file.addsRow(messy, row);
  }
  file.duplicates(fund(12), 2, (row) => file.addsRow(row));
  file.quarantines({ ...fund(20), allocated: '-100.00' }, 'negative_amount');
  file.quarantines({ ...fund(21), claimed: '-50.00' }, 'negative_amount');
  file.quarantines({ ...fund(22), period: '2025-Q0' }, 'invalid_period');
  file.quarantines({ ...fund(23), requested: '12,50' }, 'invalid_number');
  file.quarantines({ ...fund(24), allocated: null }, 'missing_required');
  file.quarantines({ ...fund(25), currency: 'XYZ' }, 'unknown_currency');
  file.quarantines({ ...fund(26), currency: 'EURO' }, 'invalid_currency');
  file.quarantines({ ...fund(27), partner_id: unknownPartner }, 'unknown_partner');
  file.malformed([host.id, 'MDF-DIRTY-28', '2025-Q1', '100.00']);
  return file;
}

/** Business plans: drafts and closed plans of the host in loose spellings, and bad plans. */
export function businessPlansDirty(context: DirtyContext): DirtyFile {
  const file = new DirtyFile(csvFile('business_plans-dirty', 'business_plans', columnsOf('business_plans')), context.ledger);
  const statuses = ['draft', 'completed', 'cancelled'];
  const plan = (k: number): Row => ({
    partner_id: context.hosts.steady.id, plan_id: `JBP-DIRTY-${k}`, period: String(yearOfMonth(hostMonth(context))),
    status: statuses[k % statuses.length], created_at: isoDate(hostDay(context, k)), last_reviewed_at: isoDate(hostDay(context, k + 20)),
  });
  for (let k = 0; k < 12; k++) {
    const row = plan(k);
    file.addsRow({ ...row, status: messyEnum(String(row.status), k), last_reviewed_at: k % 4 === 1 ? nullMarker : row.last_reviewed_at });
  }
  file.duplicates(plan(12), 2, (row) => file.addsRow(row));
  file.quarantines({ ...plan(20), status: 'ongoing' }, 'invalid_value');
  file.quarantines({ ...plan(21), last_reviewed_at: isoDate(hostDay(context, 1)) }, 'date_order');
  file.quarantines({ ...plan(22), period: 'FY2025' }, 'invalid_period');
  file.quarantines({ ...plan(23), created_at: '2025-02-29' }, 'invalid_date');
  file.quarantines({ ...plan(24), created_at: '2099-01-10', last_reviewed_at: null }, 'future_date');
  file.quarantines({ ...plan(25), plan_id: null }, 'missing_required');
  file.quarantines({ ...plan(26), partner_id: unknownPartner }, 'unknown_partner');
  file.malformed([context.hosts.steady.id, 'JBP-DIRTY-27']);
  return file;
}

/** Onboarding: milestones restated with full timestamps (same dates), new milestones of the host, bad ones. */
export function onboardingDirty(context: DirtyContext): DirtyFile {
  const file = new DirtyFile(csvFile('onboarding-dirty', 'onboarding', columnsOf('onboarding')), context.ledger);
  const host = context.hosts.steady;
  const milestones = context.hosts.restated.flatMap((profile) => sampleOf(context, profile.id, 'onboarding')).slice(0, 15);
  const [repeated, ...restated] = milestones;
  restated.forEach((row) => file.restatesRow({ ...row, completed_at: `${String(row.completed_at)}T00:00:00Z` }));
  if (repeated) file.duplicates(repeated, 2, (row) => file.restatesRow(row));
  file.addsRow({ partner_id: host.id, milestone: 'kickoff_call', completed_at: isoDate(hostDay(context, 0)) });
  file.addsRow({ partner_id: host.id, milestone: 'first_business_review', completed_at: isoDate(hostDay(context, 5)) });
  const bad = (k: number, changes: Row): Row => ({ partner_id: host.id, milestone: `extra_step_${k}`, completed_at: isoDate(hostDay(context, k)), ...changes });
  file.quarantines(bad(1, { completed_at: '2024-02-30' }), 'invalid_date');
  file.quarantines(bad(2, { completed_at: null }), 'missing_required');
  file.quarantines(bad(3, { partner_id: unknownPartner }), 'unknown_partner');
  file.quarantines(bad(4, { completed_at: '2099-05-01' }), 'future_date');
  file.malformed([host.id, 'extra_step_5']);
  return file;
}
