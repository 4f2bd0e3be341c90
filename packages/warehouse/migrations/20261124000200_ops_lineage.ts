import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    create table ops.load_batches (
      load_id uuid primary key,
      run_id text,
      source text not null,
      entity text not null,
      file_name text not null,
      content_sha256 text,
      encoding text,
      delimiter text,
      rows_read bigint not null default 0,
      rows_loaded bigint not null default 0,
      rows_updated bigint not null default 0,
      rows_unchanged bigint not null default 0,
      rows_quarantined bigint not null default 0,
      status text not null check (status in ('running', 'succeeded', 'failed', 'cancelled')),
      error text,
      started_at timestamptz not null default now(),
      finished_at timestamptz
    );
    create index load_batches_source_entity on ops.load_batches (source, entity, started_at desc);

    create table ops.quarantine (
      quarantine_id bigserial primary key,
      load_id uuid not null references ops.load_batches (load_id) on delete cascade,
      source text not null,
      entity text not null,
      file_name text not null,
      line_number bigint,
      field text,
      reason_code text not null,
      message text not null,
      problems jsonb not null,
      raw_row jsonb not null,
      quarantined_at timestamptz not null default now()
    );
    create index quarantine_load on ops.quarantine (load_id);
    create index quarantine_reason on ops.quarantine (entity, reason_code);

    create table ops.source_watermarks (
      source text not null,
      entity text not null,
      watermark text not null,
      updated_at timestamptz not null default now(),
      primary key (source, entity)
    );

    create table ops.pipeline_runs (
      run_id text primary key,
      workflow_id text not null,
      source text not null,
      period text not null,
      status text not null check (status in ('running', 'succeeded', 'failed', 'cancelled')),
      summary jsonb,
      started_at timestamptz not null default now(),
      finished_at timestamptz
    );
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('drop table if exists ops.pipeline_runs, ops.source_watermarks, ops.quarantine, ops.load_batches');
}
