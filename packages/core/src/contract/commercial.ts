import type { EntityDefinition, FieldDefinition } from './types.js';

export const partnerIdField: FieldDefinition = {
  name: 'partner_id',
  type: 'string',
  required: true,
  references: 'partners',
  description: 'The partner this row belongs to; must match a partner_id in partners.',
  aliases: ['partner', 'partner_number', 'account_id'],
  example: 'P000123',
};

export const currencyField = (description: string): FieldDefinition => ({
  name: 'currency',
  type: 'currency',
  required: true,
  description,
  unit: 'ISO 4217 code',
  aliases: ['currency_code', 'ccy'],
  example: 'EUR',
});

export const fxRates: EntityDefinition = {
  name: 'fx_rates',
  description:
    'Exchange rates to the reporting currency. A money amount dated D uses the latest rate of its currency on or before D.',
  grain: 'one row per currency per date',
  key: ['date', 'currency'],
  dependsOn: [],
  money: [],
  fields: [
    { name: 'date', type: 'date', required: true, description: 'Date from which the rate applies.', unit: 'ISO 8601 date', aliases: ['rate_date', 'as_of'], example: '2026-01-01' },
    currencyField('Currency converted from.'),
    { name: 'rate', type: 'decimal', required: true, description: 'Units of reporting currency for one unit of currency; must be greater than 0.', unit: 'reporting currency per unit', aliases: ['rate_to_reporting', 'fx_rate'], example: '1.0842' },
  ],
};

export const partners: EntityDefinition = {
  name: 'partners',
  description:
    'Partner master data. Each row is the state of a partner from effective_from on; attribute changes build a type-2 history (valid_from / valid_to).',
  grain: 'one row per partner per effective date',
  key: ['partner_id', 'effective_from'],
  dependsOn: [],
  money: [],
  fields: [
    { name: 'partner_id', type: 'string', required: true, description: 'Stable partner identifier from the PRM/CRM.', aliases: ['partner', 'account_id', 'partner_number'], example: 'P000123' },
    { name: 'name', type: 'string', required: true, description: 'Partner company name.', aliases: ['partner_name', 'company', 'account_name'], example: 'Northwind Systems GmbH' },
    { name: 'partner_type', type: 'enum', required: true, valuesFrom: 'partner_types', description: 'Business model of the partner.', aliases: ['type', 'partner_category'], example: 'reseller' },
    { name: 'tier', type: 'enum', required: true, valuesFrom: 'tiers', description: 'Current program tier.', aliases: ['partner_tier', 'level'], example: 'gold' },
    { name: 'region', type: 'string', required: true, description: 'Sales region the partner is managed in (e.g. NA, LATAM, EMEA, APAC).', aliases: ['sales_region', 'geo'], example: 'EMEA' },
    { name: 'country', type: 'country', required: true, description: 'Country of the partner headquarters.', unit: 'ISO 3166-1 alpha-2', aliases: ['country_code'], example: 'DE' },
    { name: 'status', type: 'enum', required: true, values: ['active', 'inactive', 'suspended', 'terminated'], description: 'Program membership status.', aliases: ['partner_status'], example: 'active' },
    { name: 'onboarded_at', type: 'date', required: true, description: 'Date the partner joined the program.', unit: 'ISO 8601 date', aliases: ['joined_at', 'enrolled_at', 'onboarding_date'], example: '2024-03-15' },
    { name: 'parent_partner_id', type: 'string', required: false, references: 'partners', description: 'For two-tier distribution: the distributor this reseller buys through.', aliases: ['parent_id', 'distributor_id'], example: 'P000007' },
    { name: 'channel_account_manager', type: 'string', required: false, description: 'Owner at the vendor (email preferred); receives this partner\'s alerts.', aliases: ['cam', 'account_manager', 'owner'], example: 'ana.ruiz@vendor.example' },
    { name: 'effective_from', type: 'date', required: false, description: 'Date from which this row\'s attributes hold. Missing: the load date (the file is a current snapshot).', unit: 'ISO 8601 date', aliases: ['valid_from', 'as_of'], example: '2026-01-01' },
  ],
};

export const revenue: EntityDefinition = {
  name: 'revenue',
  description: 'Booked revenue transaction lines sold through the partner (sell-through or sell-in).',
  grain: 'one row per revenue line',
  key: ['line_id'],
  derivedKeyFrom: ['partner_id', 'booked_at', 'product', 'deal_id', 'amount', 'currency'],
  dependsOn: ['partners', 'fx_rates'],
  money: [{ amount: 'amount', currency: 'currency', at: 'booked_at' }],
  fields: [
    { name: 'line_id', type: 'string', required: false, description: 'Unique id of the line in the source. Missing: derived from the other fields, so two identical lines in one batch count as a duplicate; supply line_id to load them both or to correct a line later.', aliases: ['id', 'transaction_id', 'invoice_line_id'], example: 'INV-88121-2' },
    partnerIdField,
    { name: 'booked_at', type: 'date', required: true, description: 'Booking (invoice) date.', unit: 'ISO 8601 date', aliases: ['booking_date', 'invoice_date', 'date'], example: '2026-02-17' },
    { name: 'amount', type: 'decimal', required: true, allowNegative: true, description: 'Line amount in currency; negative for credit notes.', unit: 'currency', aliases: ['revenue', 'value', 'net_amount'], example: '12500.00' },
    currencyField('Currency of amount.'),
    { name: 'product', type: 'string', required: false, description: 'Product or product line.', aliases: ['product_line', 'sku', 'product_name'], example: 'Cloud Suite' },
    { name: 'deal_id', type: 'string', required: false, description: 'Registered deal this line closes, if any.', aliases: ['registration_id', 'opportunity_id'], example: 'D-2026-00042' },
  ],
};

export const targets: EntityDefinition = {
  name: 'targets',
  description: 'Revenue targets agreed with the partner, per month, quarter or year. A target for a quarter or year is spread evenly over its months.',
  grain: 'one row per partner per period',
  key: ['partner_id', 'period'],
  dependsOn: ['partners', 'fx_rates'],
  money: [{ amount: 'amount', currency: 'currency', at: 'period' }],
  fields: [
    partnerIdField,
    { name: 'period', type: 'period', required: true, description: 'Target period.', unit: 'YYYY-MM, YYYY-Qn or YYYY', aliases: ['target_period', 'month', 'quarter'], example: '2026-Q1' },
    { name: 'amount', type: 'decimal', required: true, description: 'Revenue target for the period.', unit: 'currency', aliases: ['target', 'target_amount', 'quota'], example: '150000' },
    currencyField('Currency of amount.'),
  ],
};

export const dealRegistrations: EntityDefinition = {
  name: 'deal_registrations',
  description: 'Deals registered by partners, with their approval and outcome.',
  grain: 'one row per registered deal (latest state)',
  key: ['deal_id'],
  dependsOn: ['partners', 'fx_rates'],
  money: [{ amount: 'amount', currency: 'currency', at: 'registered_at' }],
  dateOrder: [['registered_at', 'approved_at'], ['registered_at', 'closed_at']],
  fields: [
    { name: 'deal_id', type: 'string', required: true, description: 'Registration id.', aliases: ['registration_id', 'id'], example: 'D-2026-00042' },
    partnerIdField,
    { name: 'registered_at', type: 'date', required: true, description: 'Date the partner submitted the registration.', unit: 'ISO 8601 date', aliases: ['submitted_at', 'registration_date'], example: '2026-01-09' },
    { name: 'status', type: 'enum', required: true, values: ['submitted', 'approved', 'rejected', 'won', 'lost', 'expired'], description: 'Current state. won and lost imply an earlier approval.', aliases: ['registration_status', 'stage'], example: 'won' },
    { name: 'approved_at', type: 'date', required: false, description: 'Approval date, if approved.', unit: 'ISO 8601 date', aliases: ['approval_date'], example: '2026-01-12' },
    { name: 'closed_at', type: 'date', required: false, description: 'Date the deal was won, lost or expired.', unit: 'ISO 8601 date', aliases: ['close_date'], example: '2026-03-02' },
    { name: 'amount', type: 'decimal', required: true, description: 'Deal value.', unit: 'currency', aliases: ['deal_value', 'deal_amount', 'value'], example: '48000' },
    currencyField('Currency of amount.'),
  ],
};

export const pipeline: EntityDefinition = {
  name: 'pipeline',
  description: 'Snapshots of open opportunities the partner works on. Open pipeline for a period is the latest snapshot on or before its last day.',
  grain: 'one row per opportunity per snapshot date',
  key: ['opportunity_id', 'snapshot_date'],
  dependsOn: ['partners', 'fx_rates'],
  money: [{ amount: 'amount', currency: 'currency', at: 'snapshot_date' }],
  fields: [
    partnerIdField,
    { name: 'opportunity_id', type: 'string', required: true, description: 'Opportunity id in the CRM.', aliases: ['opportunity', 'opp_id'], example: 'OPP-77812' },
    { name: 'snapshot_date', type: 'date', required: true, description: 'Date of the snapshot.', unit: 'ISO 8601 date', aliases: ['as_of', 'snapshot'], example: '2026-03-31' },
    { name: 'stage', type: 'string', required: true, description: 'Sales stage in the CRM\'s own terms.', aliases: ['opportunity_stage'], example: 'proposal' },
    { name: 'amount', type: 'decimal', required: true, description: 'Opportunity value.', unit: 'currency', aliases: ['value', 'opportunity_amount'], example: '32000' },
    currencyField('Currency of amount.'),
    { name: 'expected_close_at', type: 'date', required: false, allowFuture: true, description: 'Expected close date.', unit: 'ISO 8601 date', aliases: ['close_date', 'expected_close_date'], example: '2026-05-15' },
  ],
};
