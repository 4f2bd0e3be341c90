import { ensureSchema, relationKind } from '../catalog.js';
import { replaceRelation } from '../replace.js';
import { executeWithBody, isDatabaseError } from '../sql-errors.js';
import type { Build } from './build.js';

/** invalid_table_definition: `create or replace view` cannot drop, rename or retype a column. */
const viewColumnsChanged = '42P16';

export async function buildView(build: Build): Promise<void> {
  const { trx, model } = build;
  await ensureSchema(trx, model.schema);
  const existing = await relationKind(trx, model.schema, model.name);
  const create = (prefix: string) => () => executeWithBody(trx, `${prefix} ${model.relation} as`, build.sql);
  if (existing !== undefined && existing !== 'view') {
    await replaceRelation({ ...build, relation: model.relation, kind: existing, create: create('create view') });
    return;
  }
  try {
    await trx.transaction((savepoint) => executeWithBody(savepoint, `create or replace view ${model.relation} as`, build.sql));
  } catch (error) {
    if (!isDatabaseError((error as Error).cause, viewColumnsChanged)) throw error;
    await replaceRelation({ ...build, relation: model.relation, kind: 'view', create: create('create view') });
  }
}
