import type { Knex } from 'knex';

const schemas = ['ops', 'staging', 'core', 'marts', 'scores'];

export async function up(knex: Knex): Promise<void> {
  for (const schema of schemas) await knex.raw('create schema if not exists ??', [schema]);
}

export async function down(knex: Knex): Promise<void> {
  for (const schema of [...schemas].reverse()) await knex.raw('drop schema if exists ?? cascade', [schema]);
}
