import type { Knex } from 'knex';

/** Where a file's header row was: below 1 when the rows above it were a report's title, passed over. */
export async function up(knex: Knex): Promise<void> {
  await knex.raw('alter table ops.load_batches add column header_line integer');
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('alter table ops.load_batches drop column header_line');
}
