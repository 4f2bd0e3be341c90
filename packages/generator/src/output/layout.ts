import type { EntityName } from '@ppm/core';
import { columnsOf, csvFile, jsonlFile, type FileSpec } from './file-spec.js';
import type { Row } from './format.js';

/**
 * The clean files and the variety they give the loader: gzip for the big entities,
 * JSON Lines for registrations and onboarding, every delimiter, a BOM, CRLF, aliased
 * headers with an unknown extra column. Names sort so that each entity's clean files
 * load before its dirty file (digits sort before letters), and partners without a
 * parent load before the resellers that name one.
 */
const fixed: Readonly<Partial<Record<EntityName, FileSpec>>> = {
  fx_rates: csvFile('fx_rates-1', 'fx_rates', columnsOf('fx_rates'), { crlf: true }),
  targets: csvFile(
    'targets-1',
    'targets',
    columnsOf('targets', undefined, { partner_id: 'Partner', period: 'TARGET_PERIOD', amount: 'Quota', currency: 'CCY' }),
    { extraColumns: [{ header: 'source_system', value: 'planning-tool' }] },
  ),
  deal_registrations: jsonlFile('deal_registrations-1', 'deal_registrations', columnsOf('deal_registrations'), true),
  pipeline: csvFile('pipeline-1', 'pipeline', columnsOf('pipeline'), { gzip: true, delimiter: '\t' }),
  training: csvFile('training-1', 'training', columnsOf('training'), { gzip: true, delimiter: '|' }),
  certifications: csvFile('certifications-1', 'certifications', columnsOf('certifications')),
  mdf: csvFile('mdf-1', 'mdf', columnsOf('mdf'), { delimiter: ';' }),
  business_plans: csvFile('business_plans-1', 'business_plans', columnsOf('business_plans')),
  onboarding: jsonlFile('onboarding-1', 'onboarding', columnsOf('onboarding')),
};

const partnersDirect = csvFile('partners-1-direct', 'partners', columnsOf('partners'), { bom: true });
const partnersTwoTier = csvFile('partners-2-two_tier', 'partners', columnsOf('partners'));
const revenueColumns = columnsOf('revenue');
const engagementColumns = columnsOf('engagement_events', ['partner_id', 'occurred_at', 'kind', 'count']);
const byYear = { revenue: new Map<string, FileSpec>(), engagement_events: new Map<string, FileSpec>() };

/** One gzip CSV per calendar year, as exports are often cut. */
function yearly(entity: 'revenue' | 'engagement_events', date: string): FileSpec {
  const year = date.slice(0, 4);
  let spec = byYear[entity].get(year);
  if (!spec) {
    spec = csvFile(`${entity}-${year}`, entity, entity === 'revenue' ? revenueColumns : engagementColumns, { gzip: true });
    byYear[entity].set(year, spec);
  }
  return spec;
}

/** The clean file a row belongs in. */
export function cleanFileFor(entity: EntityName, row: Row): FileSpec {
  switch (entity) {
    case 'partners':
      return row.parent_partner_id ? partnersTwoTier : partnersDirect;
    case 'revenue':
      return yearly(entity, String(row.booked_at));
    case 'engagement_events':
      return yearly(entity, String(row.occurred_at));
    default: {
      const spec = fixed[entity];
      if (!spec) throw new Error(`No clean file for entity ${entity}`);
      return spec;
    }
  }
}
