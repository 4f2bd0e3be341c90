import type { Knex } from 'knex';

/** Columns every core table carries: where the row came from and whether it changed. */
const lineage = `
  extra jsonb,
  row_hash text not null,
  load_id uuid not null,
  source_file text not null,
  source_line bigint,
  loaded_at timestamptz not null default now(),
  updated_at timestamptz not null default now()`;

const period = (name: string) => `
  ${name} text not null,
  ${name}_start date not null,
  ${name}_end date not null`;

const money = (name: string, required = true) => `
  ${name} numeric(20, 4)${required ? ' not null' : ''},
  ${name}_reporting numeric(20, 2)${required ? ' not null' : ''}`;

const tables: Record<string, string> = {
  fx_rates: `
    date date not null,
    currency char(3) not null,
    rate numeric(20, 10) not null check (rate > 0),
    ${lineage},
    primary key (currency, date)`,
  partner_history: `
    partner_id text not null,
    valid_from date not null,
    valid_to date,
    is_current boolean not null,
    name text not null,
    partner_type text not null,
    tier text not null,
    region text not null,
    country text not null,
    status text not null,
    onboarded_at date not null,
    parent_partner_id text,
    channel_account_manager text,
    ${lineage},
    primary key (partner_id, valid_from)`,
  revenue: `
    line_id text primary key,
    partner_id text not null,
    booked_at date not null,
    ${money('amount')},
    currency char(3) not null,
    fx_rate numeric(20, 10) not null,
    product text,
    deal_id text,
    ${lineage}`,
  targets: `
    partner_id text not null,
    ${period('period')},
    ${money('amount')},
    currency char(3) not null,
    fx_rate numeric(20, 10) not null,
    ${lineage},
    primary key (partner_id, period)`,
  deal_registrations: `
    deal_id text primary key,
    partner_id text not null,
    registered_at date not null,
    status text not null,
    approved_at date,
    closed_at date,
    ${money('amount')},
    currency char(3) not null,
    fx_rate numeric(20, 10) not null,
    ${lineage}`,
  pipeline: `
    opportunity_id text not null,
    snapshot_date date not null,
    partner_id text not null,
    stage text not null,
    ${money('amount')},
    currency char(3) not null,
    fx_rate numeric(20, 10) not null,
    expected_close_at date,
    ${lineage},
    primary key (opportunity_id, snapshot_date)`,
  training: `
    partner_id text not null,
    person_id text not null,
    course_id text not null,
    learning_path text,
    required boolean not null,
    assigned_at date not null,
    completed_at date,
    ${lineage},
    primary key (partner_id, person_id, course_id)`,
  certifications: `
    partner_id text not null,
    person_id text not null,
    certification text not null,
    level text not null,
    earned_at date not null,
    expires_at date,
    ${lineage},
    primary key (partner_id, person_id, certification, earned_at)`,
  engagement_events: `
    event_id text primary key,
    partner_id text not null,
    occurred_at timestamptz not null,
    kind text not null,
    count integer not null check (count >= 1),
    ${lineage}`,
  mdf: `
    partner_id text not null,
    fund_id text not null,
    ${period('period')},
    ${money('allocated')},
    ${money('requested', false)},
    ${money('approved', false)},
    ${money('claimed', false)},
    ${money('paid', false)},
    currency char(3) not null,
    fx_rate numeric(20, 10) not null,
    ${lineage},
    primary key (partner_id, fund_id, period)`,
  business_plans: `
    plan_id text primary key,
    partner_id text not null,
    ${period('period')},
    status text not null,
    created_at date not null,
    last_reviewed_at date,
    ${lineage}`,
  onboarding: `
    partner_id text not null,
    milestone text not null,
    completed_at date not null,
    ${lineage},
    primary key (partner_id, milestone)`,
};

// Only primary keys on the big fact tables: the models read them whole, and every extra
// index slows bulk loads down.
const indexes = ['create index partner_history_current on core.partner_history (partner_id) where is_current'];

export async function up(knex: Knex): Promise<void> {
  for (const [name, columns] of Object.entries(tables)) await knex.raw(`create table core.${name} (${columns})`);
  for (const statement of indexes) await knex.raw(statement);
  await knex.raw(`
    create view core.partners as
    select partner_id, name, partner_type, tier, region, country, status, onboarded_at,
           parent_partner_id, channel_account_manager, valid_from, updated_at
    from core.partner_history
    where is_current`);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('drop view if exists core.partners');
  for (const name of Object.keys(tables).reverse()) await knex.raw(`drop table if exists core.${name}`);
}
