import type { Knex } from 'knex';

/**
 * The semantic layer checks `max(updated_at)` of every table behind a cube each minute
 * (its refresh keys). The marts built as views read these core tables, and the scores
 * tables are written by the pipeline: an index makes that check a lookup instead of a scan
 * of millions of rows at 100k partners.
 */
const tables = ['core.training', 'core.certifications', 'core.mdf', 'core.business_plans', 'core.onboarding', 'scores.health_scores', 'scores.segments', 'scores.tier_recommendations', 'scores.alerts', 'scores.program_findings'];

const indexName = (table: string) => `${table.split('.')[1]}_updated_at`;

export async function up(knex: Knex): Promise<void> {
  for (const table of tables) await knex.raw(`create index ${indexName(table)} on ${table} (updated_at)`);
}

export async function down(knex: Knex): Promise<void> {
  for (const table of tables) await knex.raw(`drop index if exists ${table.split('.')[0]}.${indexName(table)}`);
}
