/**
 * The columns of docs/data-contract.md with their accepted aliases, written out from the
 * document rather than imported from @ppm/core, so that the reference stays independent.
 */
export const entityOrder = [
  'fx_rates',
  'partners',
  'revenue',
  'targets',
  'deal_registrations',
  'pipeline',
  'training',
  'certifications',
  'engagement_events',
  'mdf',
  'business_plans',
  'onboarding',
] as const;

export type Entity = (typeof entityOrder)[number];

const partnerId = { partner_id: ['partner', 'partner_number', 'account_id'] };
const currency = { currency: ['currency_code', 'ccy'] };
const personId = { person_id: ['person', 'user_id', 'learner_id', 'contact_id'] };

export const columnAliases: Record<Entity, Record<string, readonly string[]>> = {
  fx_rates: { date: ['rate_date', 'as_of'], ...currency, rate: ['rate_to_reporting', 'fx_rate'] },
  partners: {
    partner_id: ['partner', 'account_id', 'partner_number'],
    name: ['partner_name', 'company', 'account_name'],
    partner_type: ['type', 'partner_category'],
    tier: ['partner_tier', 'level'],
    region: ['sales_region', 'geo'],
    country: ['country_code'],
    status: ['partner_status'],
    onboarded_at: ['joined_at', 'enrolled_at', 'onboarding_date'],
    parent_partner_id: ['parent_id', 'distributor_id'],
    channel_account_manager: ['cam', 'account_manager', 'owner'],
    effective_from: ['valid_from', 'as_of'],
  },
  revenue: {
    line_id: ['id', 'transaction_id', 'invoice_line_id'],
    ...partnerId,
    booked_at: ['booking_date', 'invoice_date', 'date'],
    amount: ['revenue', 'value', 'net_amount'],
    ...currency,
    product: ['product_line', 'sku', 'product_name'],
    deal_id: ['registration_id', 'opportunity_id'],
  },
  targets: { ...partnerId, period: ['target_period', 'month', 'quarter'], amount: ['target', 'target_amount', 'quota'], ...currency },
  deal_registrations: {
    deal_id: ['registration_id', 'id'],
    ...partnerId,
    registered_at: ['submitted_at', 'registration_date'],
    status: ['registration_status', 'stage'],
    approved_at: ['approval_date'],
    closed_at: ['close_date'],
    amount: ['deal_value', 'deal_amount', 'value'],
    ...currency,
  },
  pipeline: {
    ...partnerId,
    opportunity_id: ['opportunity', 'opp_id'],
    snapshot_date: ['as_of', 'snapshot'],
    stage: ['opportunity_stage'],
    amount: ['value', 'opportunity_amount'],
    ...currency,
    expected_close_at: ['close_date', 'expected_close_date'],
  },
  training: {
    ...partnerId,
    ...personId,
    course_id: ['course'],
    learning_path: ['path', 'track'],
    required: ['mandatory', 'is_required'],
    assigned_at: ['enrolled_at', 'start_date'],
    completed_at: ['completion_date'],
  },
  certifications: {
    ...partnerId,
    ...personId,
    certification: ['certification_id', 'cert', 'credential'],
    level: ['cert_level'],
    earned_at: ['issued_at', 'certified_at'],
    expires_at: ['expiry_date', 'valid_until'],
  },
  engagement_events: {
    event_id: ['id', 'activity_id'],
    ...partnerId,
    occurred_at: ['timestamp', 'event_date', 'date'],
    kind: ['event_type', 'activity_type', 'type'],
    count: ['quantity', 'events'],
  },
  mdf: {
    ...partnerId,
    fund_id: ['fund', 'mdf_id'],
    period: ['fund_period'],
    allocated: [],
    requested: [],
    approved: [],
    claimed: [],
    paid: [],
    ...currency,
  },
  business_plans: {
    ...partnerId,
    plan_id: ['jbp_id', 'id'],
    period: ['plan_period', 'fiscal_year'],
    status: ['plan_status'],
    created_at: [],
    last_reviewed_at: ['reviewed_at'],
  },
  onboarding: { ...partnerId, milestone: ['step', 'onboarding_step'], completed_at: ['completion_date', 'date'] },
};

/** `Booking Date` -> `booking_date`: case-insensitive, spaces and hyphens read as underscores. */
export const normalizeColumn = (name: string): string => name.trim().toLowerCase().replace(/[\s-]+/g, '_');

/** The contract field a file column stands for, or undefined for a column the contract does not know. */
export function fieldOfColumn(entity: Entity, column: string): string | undefined {
  const normalized = normalizeColumn(column);
  const fields = columnAliases[entity];
  if (normalized in fields) return normalized;
  return Object.entries(fields).find(([, aliases]) => aliases.includes(normalized))?.[0];
}

/** `revenue-2026.csv.gz` -> revenue; undefined for files that hold no entity. */
export function entityOfFileName(fileName: string): Entity | undefined {
  const stem = /^([a-z_]+)(?:[-.])/.exec(fileName.toLowerCase())?.[1];
  return entityOrder.find((entity) => entity === stem);
}
