import { ensureSchema, relationKind } from '../catalog.js';
import { replaceRelation } from '../replace.js';
import { quoteIdentifier, relationName } from '../sql.js';
import { executeWithBody } from '../sql-errors.js';
import type { Build } from './build.js';

const newSuffix = '__ppm_new';
const maxIdentifierLength = 63;

/** Builds the new table beside the old one, then swaps them: readers see the old table until commit. */
export async function buildTable(build: Build): Promise<void> {
  const { trx, model } = build;
  await ensureSchema(trx, model.schema);
  const newName = `${model.name.slice(0, maxIdentifierLength - newSuffix.length)}${newSuffix}`;
  const newRelation = relationName(model.schema, newName);
  await executeWithBody(trx, `create table ${newRelation} as`, build.sql);
  // Indexes are built under temporary names and take their final names once the old table is gone.
  const indexName = (position: number) => `${model.name.slice(0, 40)}__idx${position + 1}`;
  for (const [position, columns] of model.indexes.entries()) {
    await trx.raw(`create index ${quoteIdentifier(`${indexName(position)}__new`)} on ${newRelation} (${columns.map(quoteIdentifier).join(', ')})`);
  }
  const rename = async () => {
    await trx.raw(`alter table ${newRelation} rename to ${quoteIdentifier(model.name)}`);
    for (const position of model.indexes.keys()) {
      await trx.raw(`alter index ${relationName(model.schema, `${indexName(position)}__new`)} rename to ${quoteIdentifier(indexName(position))}`);
    }
  };
  const existing = await relationKind(trx, model.schema, model.name);
  if (existing === undefined) await rename();
  else await replaceRelation({ ...build, relation: model.relation, kind: existing, create: rename });
}
