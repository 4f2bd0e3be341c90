import type { Knex } from 'knex';
import { relationName } from './sql.js';

export type RelationKind = 'table' | 'view' | 'materialized view';

const kinds: Record<string, RelationKind> = { r: 'table', p: 'table', v: 'view', m: 'materialized view' };

export async function relationKind(db: Knex, schema: string, name: string): Promise<RelationKind | undefined> {
  const result = await db.raw<{ rows: { kind: string }[] }>(
    `select class.relkind as kind
    from pg_class as class
    join pg_namespace as namespace on namespace.oid = class.relnamespace
    where namespace.nspname = ? and class.relname = ?`,
    [schema, name],
  );
  const kind = result.rows[0]?.kind;
  return kind === undefined ? undefined : kinds[kind];
}

export async function ensureSchema(db: Knex, schema: string): Promise<void> {
  await db.raw('create schema if not exists ??', [schema]);
}

export interface DependentView {
  readonly schema: string;
  readonly name: string;
  readonly kind: 'v' | 'm';
  readonly definition: string;
}

/** Views (and materialized views) built on the relation, directly or through other views, each after those it reads. */
export async function dependentViews(db: Knex, relation: string): Promise<DependentView[]> {
  const result = await db.raw<{ rows: DependentView[] }>(
    `with recursive dependents (oid, depth) as (
      select rewrite.ev_class, 1
      from pg_depend as dependency
      join pg_rewrite as rewrite on rewrite.oid = dependency.objid
      where dependency.classid = 'pg_rewrite'::regclass
        and dependency.refobjid = ?::regclass
        and rewrite.ev_class <> dependency.refobjid
      union
      select rewrite.ev_class, dependents.depth + 1
      from dependents
      join pg_depend as dependency on dependency.refobjid = dependents.oid
      join pg_rewrite as rewrite on rewrite.oid = dependency.objid
      where dependency.classid = 'pg_rewrite'::regclass
        and rewrite.ev_class <> dependency.refobjid
    ),
    deepest as (
      select oid, max(depth) as depth
      from dependents
      group by oid
    )
    select
      namespace.nspname as schema,
      class.relname as name,
      class.relkind as kind,
      pg_get_viewdef(class.oid) as definition
    from deepest
    join pg_class as class on class.oid = deepest.oid
    join pg_namespace as namespace on namespace.oid = class.relnamespace
    order by deepest.depth, namespace.nspname, class.relname`,
    [relation],
  );
  return result.rows;
}

/** Objects other than views that depend on the relation (foreign keys, SQL functions): a cascade would drop them. */
export async function otherDependents(db: Knex, relation: string): Promise<string[]> {
  const result = await db.raw<{ rows: { description: string }[] }>(
    `select distinct pg_describe_object(classid, objid, objsubid) as description
    from pg_depend
    where refobjid = ?::regclass
      and deptype = 'n'
      and classid <> 'pg_rewrite'::regclass
    order by 1`,
    [relation],
  );
  return result.rows.map((row) => row.description);
}

export async function columnNames(db: Knex, schema: string, name: string): Promise<string[]> {
  const result = await db.raw<{ rows: { name: string }[] }>(
    `select attribute.attname as name
    from pg_attribute as attribute
    where attribute.attrelid = ?::regclass
      and attribute.attnum > 0
      and not attribute.attisdropped
    order by attribute.attnum`,
    [relationName(schema, name)],
  );
  return result.rows.map((row) => row.name);
}
