import { isAbsolute, resolve } from 'node:path';
import { describeIssues, entity as entityDefinition, entityNames, type EntityName } from '@ppm/core';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { SourceConfigError } from './errors.js';
import { dateFormats } from './sql/date-formats.js';
import { decimalSeparators, standardFormats, type ValueFormats } from './sql/value-formats.js';

const sourceName = z.string().regex(/^[a-z][a-z0-9_-]*$/, 'use lowercase letters, digits, - and _ (it becomes part of workflow ids)');

type ContractFieldMaps = Partial<Record<EntityName, Record<string, unknown>>>;

const fieldsOf = (entity: string) => entityDefinition(entity as EntityName).fields;

/** `columns:` keys must be fields of their entity. */
function checkColumnFields(columns: ContractFieldMaps, context: z.RefinementCtx): void {
  for (const [entity, byField] of Object.entries(columns)) {
    const fields = fieldsOf(entity).map((field) => field.name);
    for (const field of Object.keys(byField ?? {})) {
      if (!fields.includes(field)) context.addIssue({ code: 'custom', path: ['columns', entity, field], message: `${entity} has no field ${field} (fields: ${fields.join(', ')})` });
    }
  }
}

/** `values:` keys must be fields with a fixed list of values (countries are one: their codes). */
function checkValueMapFields(values: ContractFieldMaps, context: z.RefinementCtx): void {
  for (const [entity, byField] of Object.entries(values)) {
    const fixedLists = fieldsOf(entity).filter((field) => field.type === 'enum' || field.type === 'country').map((field) => field.name);
    for (const field of Object.keys(byField ?? {})) {
      if (!fixedLists.includes(field)) {
        context.addIssue({ code: 'custom', path: ['values', entity, field], message: `${entity}.${field} is not a field with a fixed list of values (those are: ${fixedLists.join(', ') || 'none'})` });
      }
    }
  }
}

const filesSource = z
  .object({
    type: z.literal('files'),
    /** Folder of data files; relative paths are resolved against the configuration file's folder. */
    path: z.string().min(1),
    encoding: z.enum(['auto', 'utf-8', 'utf-16le', 'utf-16be', 'windows-1252']).default('auto'),
    delimiter: z.union([z.literal('auto'), z.string().length(1)]).default('auto'),
    /** Date layout of the files besides ISO 8601, e.g. DD/MM/YYYY for a European CRM export. */
    date_format: z.enum(dateFormats).default(standardFormats.dateFormat),
    /** `,` for exports with decimal commas (1.234,50); a point is then only a thousands separator. */
    decimal_separator: z.enum(decimalSeparators).default(standardFormats.decimalSeparator),
    full_snapshot: z.boolean().optional(),
    /** Per entity: contract field -> the export's column name, for headers no alias covers. */
    columns: z.partialRecord(z.enum(entityNames), z.record(z.string(), z.string().min(1))).optional(),
    /** Per entity and field of a fixed list: the export's own text -> the contract value, e.g. tier: { Gold Partner: gold }. */
    values: z.partialRecord(z.enum(entityNames), z.record(z.string(), z.record(z.string(), z.string().min(1)))).optional(),
    /** Glob patterns per entity for files not named after their entity, e.g. partners: "Partner_Accounts*.csv". */
    files: z.partialRecord(z.enum(entityNames), z.union([z.string().min(1).transform((pattern) => [pattern]), z.array(z.string().min(1)).min(1)])).optional(),
  })
  .strict()
  .superRefine((source, context) => {
    checkColumnFields(source.columns ?? {}, context);
    checkValueMapFields(source.values ?? {}, context);
  });

const entityQuery = z
  .object({
    /** A SELECT returning contract column names (or their aliases) and the watermark column. */
    query: z.string().min(1),
    /** Column that only grows (e.g. updated_at): each run loads rows above the last value seen. */
    watermark: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'a plain column name'),
  })
  .strict();

const postgresSource = z
  .object({
    type: z.literal('postgres'),
    /** Environment variable holding the connection URL (never the URL itself: it carries a password). */
    url_env: z.string().regex(/^[A-Z][A-Z0-9_]*$/),
    entities: z.partialRecord(z.enum(entityNames), entityQuery),
    full_snapshot: z.boolean().optional(),
  })
  .strict();

const sourcesSchema = z.object({ sources: z.record(sourceName, z.discriminatedUnion('type', [filesSource, postgresSource])) }).strict();

export type FilesSource = z.infer<typeof filesSource> & { readonly name: string };
export type PostgresSource = z.infer<typeof postgresSource> & { readonly name: string };
export type SourceDefinition = FilesSource | PostgresSource;
export type EntityQuery = z.infer<typeof entityQuery> & { readonly entity: EntityName };

/** Parses sources YAML; relative folder paths resolve against `baseDir` (the file's folder). */
export function parseSources(yamlText: string, fileName: string, baseDir: string): Map<string, SourceDefinition> {
  let raw: unknown;
  try {
    raw = parseYaml(yamlText);
  } catch (error) {
    throw new SourceConfigError(`${fileName}: not valid YAML: ${(error as Error).message}`);
  }
  const result = sourcesSchema.safeParse(raw);
  if (!result.success) throw new SourceConfigError(`Invalid sources configuration:\n${describeIssues(fileName, result.error.issues)}`);
  const sources = new Map<string, SourceDefinition>();
  for (const [name, definition] of Object.entries(result.data.sources)) {
    if (definition.type === 'files') {
      sources.set(name, { ...definition, name, path: isAbsolute(definition.path) ? definition.path : resolve(baseDir, definition.path) });
    } else {
      sources.set(name, { ...definition, name });
    }
  }
  return sources;
}

export function filesSourceAt(name: string, path: string, options: { fullSnapshot?: boolean; formats?: Partial<ValueFormats> } = {}): FilesSource {
  const formats = { ...standardFormats, ...options.formats };
  return { type: 'files', name, path, encoding: 'auto', delimiter: 'auto', date_format: formats.dateFormat, decimal_separator: formats.decimalSeparator, ...(options.fullSnapshot !== undefined ? { full_snapshot: options.fullSnapshot } : {}) };
}
