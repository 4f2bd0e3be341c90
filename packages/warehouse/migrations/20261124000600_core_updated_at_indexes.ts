import type { Knex } from 'knex';

/**
 * The incremental fact marts read the rows changed since their last build. On the big fact
 * tables that needs an index on updated_at; loads add to it at its end, which costs little.
 */
const tables = ['revenue', 'deal_registrations', 'pipeline', 'engagement_events'];

export async function up(knex: Knex): Promise<void> {
  for (const table of tables) await knex.raw(`create index ${table}_updated_at on core.${table} (updated_at)`);
}

export async function down(knex: Knex): Promise<void> {
  for (const table of tables) await knex.raw(`drop index if exists core.${table}_updated_at`);
}
