import { isoDate } from '../calendar.js';
import { columnsOf, csvFile, jsonlFile } from '../output/file-spec.js';
import type { Row } from '../output/format.js';
import { DirtyFile } from './dirty-file.js';
import { sampleOf, type DirtyContext } from './dirty-files.js';
import { hostDay } from './host-dates.js';
import { unknownPartner } from './master-dirty.js';
import { messyEnum, nullMarker, padded } from './messy.js';

const booleanSpellings = ['yes', 'no', 'Y', 'N', '1', '0', 'TRUE', 'False', 't', 'f'];

function hostPerson(context: DirtyContext): string {
  const host = context.hosts.steady;
  return String(sampleOf(context, host.id, 'training')[0]?.person_id ?? `U-${host.number}-1`);
}

/** Training: extra courses for the host with every boolean spelling, and bad assignments. */
export function trainingDirty(context: DirtyContext): DirtyFile {
  const file = new DirtyFile(csvFile('training-dirty', 'training', columnsOf('training')), context.ledger);
  const course = (k: number): Row => ({
    partner_id: context.hosts.steady.id, person_id: hostPerson(context), course_id: `ELECTIVE-${100 + k}`, learning_path: null,
    required: false, assigned_at: isoDate(hostDay(context, k)), completed_at: isoDate(hostDay(context, k + 9)),
  });
  booleanSpellings.forEach((spelling, k) => file.addsRow({ ...course(k), required: spelling, learning_path: nullMarker }));
  file.addsRow({ ...course(10), completed_at: nullMarker });
  file.addsRow({ ...course(11), learning_path: 'elective_path' });
  file.duplicates(course(12), 2, (row) => file.addsRow(row));
  file.quarantines({ ...course(20), required: 'maybe' }, 'invalid_boolean');
  file.quarantines({ ...course(21), completed_at: isoDate(hostDay(context, 10)) }, 'date_order');
  file.quarantines({ ...course(22), assigned_at: '2025-04-31' }, 'invalid_date');
  file.quarantines({ ...course(23), course_id: null }, 'missing_required');
  file.quarantines({ ...course(24), assigned_at: '2099-01-10', completed_at: null }, 'future_date');
  file.quarantines({ ...course(25), partner_id: unknownPartner }, 'unknown_partner');
  file.malformed([context.hosts.steady.id, hostPerson(context), 'ELECTIVE-126']);
  return file;
}

/** Certifications: levels in other cases, and bad certifications. */
export function certificationsDirty(context: DirtyContext): DirtyFile {
  const file = new DirtyFile(csvFile('certifications-dirty', 'certifications', columnsOf('certifications')), context.ledger);
  const levels = ['foundation', 'associate', 'professional', 'expert'];
  const certification = (k: number): Row => ({
    partner_id: context.hosts.steady.id, person_id: hostPerson(context), certification: `partner_elective_${k}`,
    level: levels[k % levels.length], earned_at: isoDate(hostDay(context, k)), expires_at: isoDate(hostDay(context, k + 60)),
  });
  for (let k = 0; k < 12; k++) file.addsRow({ ...certification(k), level: messyEnum(String(certification(k).level), k), expires_at: k % 4 === 0 ? nullMarker : certification(k).expires_at });
  file.duplicates(certification(12), 2, (row) => file.addsRow(row));
  file.quarantines({ ...certification(20), level: 'master' }, 'invalid_value');
  file.quarantines({ ...certification(21), expires_at: isoDate(hostDay(context, 0)) }, 'date_order');
  file.quarantines({ ...certification(22), earned_at: '2025-11-31' }, 'invalid_date');
  file.quarantines({ ...certification(23), person_id: '' }, 'missing_required');
  file.quarantines({ ...certification(24), earned_at: '2099-05-05', expires_at: null }, 'future_date');
  file.quarantines({ ...certification(25), partner_id: unknownPartner }, 'unknown_partner');
  file.malformed([context.hosts.steady.id, hostPerson(context), 'partner_elective_26', 'expert', isoDate(hostDay(context, 26)), '', 'EXTRA']);
  return file;
}

/** Engagement as JSON Lines: timestamps with times, kinds spelled loosely, bad counts and kinds. */
export function engagementDirty(context: DirtyContext): DirtyFile {
  const columns = columnsOf('engagement_events', ['event_id', 'partner_id', 'occurred_at', 'kind', 'count']);
  const file = new DirtyFile(jsonlFile('engagement_events-dirty', 'engagement_events', columns), context.ledger);
  const kinds = ['portal_login', 'content_download', 'webinar_attendance', 'event_attendance'];
  const event = (k: number): Row => ({
    event_id: k % 2 === 0 ? `EV-DIRTY-${k}` : null, partner_id: context.hosts.steady.id,
    occurred_at: `${isoDate(hostDay(context, k))}T${String(8 + (k % 10)).padStart(2, '0')}:15:00Z`, kind: kinds[k % kinds.length], count: 1 + (k % 3),
  });
  for (let k = 0; k < 12; k++) {
    const row = event(k);
    file.addsRow({ ...row, kind: messyEnum(String(row.kind), k), count: k % 3 === 0 ? padded(String(row.count)) : row.count }, row);
  }
  file.duplicates({ ...event(12), event_id: 'EV-DIRTY-12' }, 2, (row) => file.addsRow(row));
  file.invalidJson('{"partner_id":"P0","occurred_at":"2025-01-01","kind":"portal_lo');
  file.quarantines({ ...event(20), occurred_at: 'yesterday' }, 'invalid_timestamp');
  file.quarantines({ ...event(21), occurred_at: '2025-13-45T99:00:00Z' }, 'invalid_timestamp');
  file.quarantines({ ...event(22), count: 2.5 }, 'invalid_integer');
  file.quarantines({ ...event(23), count: 'two' }, 'invalid_integer');
  file.quarantines({ ...event(24), count: 0 }, 'out_of_range');
  file.quarantines({ ...event(25), kind: 'tweet' }, 'invalid_value');
  file.quarantines({ ...event(26), kind: null }, 'missing_required');
  file.quarantines({ ...event(27), occurred_at: '2099-06-01T08:00:00Z' }, 'future_date');
  file.quarantines({ ...event(28), partner_id: unknownPartner }, 'unknown_partner');
  return file;
}
