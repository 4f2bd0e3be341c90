import { z } from 'zod';

const identifier = z.string().regex(/^[a-z_][a-z0-9_]*$/, 'use lowercase letters, digits and underscores (e.g. partner_id)');
const columnList = z.array(identifier).min(1);
const materialization = z.enum(['view', 'table', 'incremental']);
const varValue = z.union([z.string(), z.number(), z.boolean()]);

export type Materialization = z.infer<typeof materialization>;
export type VarValue = z.infer<typeof varValue>;

export const projectFileSchema = z
  .object({
    folders: z
      .record(z.string(), z.object({ schema: identifier.optional(), materialized: materialization.optional() }).strict())
      .default({}),
    vars: z.record(z.string(), varValue).default({}),
  })
  .strict();

export const sourcesFileSchema = z
  .object({
    sources: z
      .record(
        identifier,
        z
          .object({ schema: identifier.optional(), description: z.string().optional(), tables: z.array(identifier).min(1) })
          .strict(),
      )
      .default({}),
  })
  .strict();

export const testKinds = ['unique', 'not_null', 'accepted_values', 'relationships', 'expression'] as const;

const testEntrySchema = z
  .object({
    unique: columnList.optional(),
    not_null: columnList.optional(),
    accepted_values: z.object({ column: identifier, values: z.array(varValue).min(1) }).strict().optional(),
    relationships: z.object({ column: identifier, to: identifier, field: identifier }).strict().optional(),
    expression: z.string().trim().min(1).optional(),
    name: identifier.optional(),
  })
  .strict()
  .superRefine((entry, context) => {
    const given = testKinds.filter((kind) => entry[kind] !== undefined);
    if (given.length !== 1) {
      context.addIssue({
        code: 'custom',
        message: `give exactly one of ${testKinds.join(', ')} (found ${given.length ? given.join(', ') : 'none'})`,
      });
    }
  });

export type TestEntry = z.infer<typeof testEntrySchema>;

export const modelFileSchema = z
  .object({
    description: z.string().optional(),
    materialized: materialization.optional(),
    schema: identifier.optional(),
    unique_key: columnList.optional(),
    /** Indexes built on tables and incremental models (each a column list). */
    indexes: z.array(columnList).default([]),
    grain: z.string().optional(),
    tags: z.array(z.string().regex(/^[a-z0-9_-]+$/, 'use lowercase letters, digits, - and _')).default([]),
    incremental: z.object({ filter_column: identifier.optional() }).strict().optional(),
    /** PostgreSQL settings for this model's build only (`set local`), e.g. { work_mem: 256MB }. */
    settings: z
      .record(z.string(), varValue)
      .superRefine((settings, context) => {
        for (const name of Object.keys(settings).filter((key) => !/^[a-z_][a-z0-9_.]*$/.test(key))) {
          context.addIssue({ code: 'custom', path: [name], message: 'use a PostgreSQL setting name, e.g. work_mem' });
        }
      })
      .default({}),
    columns: z.record(identifier, z.string()).default({}),
    tests: z.array(testEntrySchema).default([]),
  })
  .strict();

export type ProjectFile = z.infer<typeof projectFileSchema>;
export type SourcesFile = z.infer<typeof sourcesFileSchema>;
export type ModelFile = z.infer<typeof modelFileSchema>;
