import type { EntityDefinition } from './types.js';
import { currencyField, partnerIdField } from './commercial.js';

const personIdField = {
  name: 'person_id',
  type: 'string',
  required: true,
  description: 'Stable id of the partner employee (pseudonymous ids are fine).',
  aliases: ['person', 'user_id', 'learner_id', 'contact_id'],
  example: 'U-5521',
} as const;

export const training: EntityDefinition = {
  name: 'training',
  description: 'Course assignments and completions of partner employees.',
  grain: 'one row per person per course',
  key: ['partner_id', 'person_id', 'course_id'],
  dependsOn: ['partners'],
  money: [],
  dateOrder: [['assigned_at', 'completed_at']],
  fields: [
    partnerIdField,
    personIdField,
    { name: 'course_id', type: 'string', required: true, description: 'Course id in the LMS.', aliases: ['course'], example: 'SALES-101' },
    { name: 'learning_path', type: 'string', required: false, description: 'Learning path the course belongs to, if any.', aliases: ['path', 'track'], example: 'sales_specialist' },
    { name: 'required', type: 'boolean', required: true, description: 'Whether the program requires this course of the partner.', unit: 'true/false, yes/no, 1/0', aliases: ['mandatory', 'is_required'], example: 'true' },
    { name: 'assigned_at', type: 'date', required: true, description: 'Date the course was assigned or started.', unit: 'ISO 8601 date', aliases: ['enrolled_at', 'start_date'], example: '2026-01-04' },
    { name: 'completed_at', type: 'date', required: false, description: 'Completion date; missing while not completed.', unit: 'ISO 8601 date', aliases: ['completion_date'], example: '2026-01-20' },
  ],
};

export const certifications: EntityDefinition = {
  name: 'certifications',
  description: 'Certifications held by partner employees.',
  grain: 'one row per person per certification per earned date',
  key: ['partner_id', 'person_id', 'certification', 'earned_at'],
  dependsOn: ['partners'],
  money: [],
  dateOrder: [['earned_at', 'expires_at']],
  fields: [
    partnerIdField,
    personIdField,
    { name: 'certification', type: 'string', required: true, description: 'Certification name or id.', aliases: ['certification_id', 'cert', 'credential'], example: 'cloud_architect' },
    { name: 'level', type: 'enum', required: true, values: ['foundation', 'associate', 'professional', 'expert'], description: 'Certification level; professional and expert count as advanced.', aliases: ['cert_level'], example: 'professional' },
    { name: 'earned_at', type: 'date', required: true, description: 'Date earned.', unit: 'ISO 8601 date', aliases: ['issued_at', 'certified_at'], example: '2025-11-02' },
    { name: 'expires_at', type: 'date', required: false, allowFuture: true, description: 'Expiry date; missing if it does not expire.', unit: 'ISO 8601 date', aliases: ['expiry_date', 'valid_until'], example: '2027-11-02' },
  ],
};

export const engagementEvents: EntityDefinition = {
  name: 'engagement_events',
  description: 'Partner activity in the program: portal logins, downloads, campaigns, communications, events.',
  grain: 'one row per partner per kind per timestamp (pre-aggregated counts allowed)',
  key: ['event_id'],
  derivedKeyFrom: ['partner_id', 'occurred_at', 'kind'],
  dependsOn: ['partners'],
  money: [],
  fields: [
    { name: 'event_id', type: 'string', required: false, description: 'Unique id of the event. Missing: derived from partner_id, occurred_at and kind.', aliases: ['id', 'activity_id'], example: 'EV-1029384' },
    partnerIdField,
    { name: 'occurred_at', type: 'timestamp', required: true, description: 'When it happened (a date is read as midnight UTC).', unit: 'ISO 8601 timestamp or date', aliases: ['timestamp', 'event_date', 'date'], example: '2026-02-03T09:14:00Z' },
    { name: 'kind', type: 'enum', required: true, valuesFrom: 'engagement_kinds', description: 'Kind of activity.', aliases: ['event_type', 'activity_type', 'type'], example: 'portal_login' },
    { name: 'count', type: 'integer', required: false, default: '1', description: 'Number of occurrences this row stands for (default 1); must be at least 1.', aliases: ['quantity', 'events'], example: '1' },
  ],
};

export const mdf: EntityDefinition = {
  name: 'mdf',
  description: 'Market development funds per partner and fund period: the money trail from allocation to payment.',
  grain: 'one row per partner per fund per period',
  key: ['partner_id', 'fund_id', 'period'],
  dependsOn: ['partners', 'fx_rates'],
  money: [
    { amount: 'allocated', currency: 'currency', at: 'period' },
    { amount: 'requested', currency: 'currency', at: 'period' },
    { amount: 'approved', currency: 'currency', at: 'period' },
    { amount: 'claimed', currency: 'currency', at: 'period' },
    { amount: 'paid', currency: 'currency', at: 'period' },
  ],
  fields: [
    partnerIdField,
    { name: 'fund_id', type: 'string', required: true, description: 'Fund or program id.', aliases: ['fund', 'mdf_id'], example: 'MDF-2026-EMEA' },
    { name: 'period', type: 'period', required: true, description: 'Fund period.', unit: 'YYYY-MM, YYYY-Qn or YYYY', aliases: ['fund_period'], example: '2026-Q1' },
    { name: 'allocated', type: 'decimal', required: true, description: 'Amount allocated to the partner.', unit: 'currency', example: '20000' },
    { name: 'requested', type: 'decimal', required: false, description: 'Amount the partner requested for activities.', unit: 'currency', example: '15000' },
    { name: 'approved', type: 'decimal', required: false, description: 'Amount approved.', unit: 'currency', example: '14000' },
    { name: 'claimed', type: 'decimal', required: false, description: 'Amount claimed with proof of performance.', unit: 'currency', example: '12000' },
    { name: 'paid', type: 'decimal', required: false, description: 'Amount paid out.', unit: 'currency', example: '12000' },
    currencyField('Currency of all amounts in the row.'),
  ],
};

export const businessPlans: EntityDefinition = {
  name: 'business_plans',
  description: 'Joint business plans agreed between the vendor and the partner.',
  grain: 'one row per plan',
  key: ['plan_id'],
  dependsOn: ['partners'],
  money: [],
  dateOrder: [['created_at', 'last_reviewed_at']],
  fields: [
    partnerIdField,
    { name: 'plan_id', type: 'string', required: true, description: 'Plan id.', aliases: ['jbp_id', 'id'], example: 'JBP-2026-0101' },
    { name: 'period', type: 'period', required: true, description: 'Period the plan covers (a year is written YYYY).', unit: 'YYYY-MM, YYYY-Qn or YYYY', aliases: ['plan_period', 'fiscal_year'], example: '2026' },
    { name: 'status', type: 'enum', required: true, values: ['draft', 'active', 'completed', 'cancelled'], description: 'Plan status.', aliases: ['plan_status'], example: 'active' },
    { name: 'created_at', type: 'date', required: true, description: 'Date the plan was created.', unit: 'ISO 8601 date', example: '2025-12-10' },
    { name: 'last_reviewed_at', type: 'date', required: false, description: 'Date of the latest joint review.', unit: 'ISO 8601 date', aliases: ['reviewed_at'], example: '2026-03-28' },
  ],
};

export const onboarding: EntityDefinition = {
  name: 'onboarding',
  description: 'Onboarding milestones a partner has completed.',
  grain: 'one row per partner per milestone',
  key: ['partner_id', 'milestone'],
  dependsOn: ['partners'],
  money: [],
  fields: [
    partnerIdField,
    { name: 'milestone', type: 'string', required: true, description: 'Milestone name; the program configuration lists the ones that count for onboarding completion.', aliases: ['step', 'onboarding_step'], example: 'agreement_signed' },
    { name: 'completed_at', type: 'date', required: true, description: 'Completion date.', unit: 'ISO 8601 date', aliases: ['completion_date', 'date'], example: '2024-03-20' },
  ],
};

