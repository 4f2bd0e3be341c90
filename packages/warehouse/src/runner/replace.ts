import type { Knex } from 'knex';
import { dependentViews, otherDependents, type DependentView, type RelationKind } from './catalog.js';
import { escapePlaceholders, relationName } from './sql.js';
import { databaseMessage } from './sql-errors.js';

export interface Replacement {
  readonly trx: Knex.Transaction;
  readonly relation: string;
  readonly kind: RelationKind;
  /** Puts the new relation in place once the old one is dropped. */
  readonly create: () => Promise<unknown>;
  /** Relations this run builds later; a dependent among them may stay dropped until then. */
  readonly rebuiltLater: ReadonlySet<string>;
}

/**
 * Drops a relation and creates its replacement inside the caller's transaction. Views built on it
 * are recreated from their definitions afterwards, so the cascade drops no model silently; if one
 * no longer fits the new columns (and this run does not rebuild it), the transaction fails with a
 * message naming it and the old version stays.
 */
export async function replaceRelation(replacement: Replacement): Promise<void> {
  const { trx, relation } = replacement;
  const blockers = await otherDependents(trx, relation);
  if (blockers.length > 0) {
    throw new Error(`cannot replace ${relation}: ${blockers.join(', ')} depend(s) on it; drop or change them first.`);
  }
  const views = await dependentViews(trx, relation);
  await trx.raw(`drop ${replacement.kind} ${relation} cascade`);
  await replacement.create();
  for (const view of views) await recreateView(replacement, view);
}

async function recreateView({ trx, relation, rebuiltLater }: Replacement, view: DependentView): Promise<void> {
  const target = relationName(view.schema, view.name);
  const statement = `create ${view.kind === 'm' ? 'materialized view' : 'view'} ${target} as ${view.definition}`;
  try {
    await trx.transaction((savepoint) => savepoint.raw(escapePlaceholders(statement)));
  } catch (error) {
    if (rebuiltLater.has(target)) return;
    const problem = databaseMessage(error, statement);
    const advice = `change ${target} and build it in the same run (select it too), or drop it first`;
    throw new Error(`${target} is built on ${relation} and no longer fits its new columns (${problem}); ${advice}.`, { cause: error });
  }
}
