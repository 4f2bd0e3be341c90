import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { z } from 'zod';
import type { TemplateScope } from './context.js';
import { recordDependencies } from './dependencies.js';
import { discoverFiles, projectFileName, sourcesFileName, type ModelFiles, type SingularTestFile } from './discover.js';
import { ModelsConfigError } from './errors.js';
import { topologicalOrder } from './graph.js';
import type { Model, ModelsProject, SingularTest, SourceDefinition } from './model.js';
import { defaultModelsDir } from './paths.js';
import { modelFileSchema, projectFileSchema, sourcesFileSchema, type ProjectFile } from './schemas.js';
import { relationName } from './sql.js';
import { expandTests } from './test-definitions.js';
import { parseYamlText, readYamlFile } from './yaml-file.js';

type ModelDraft = Omit<Model, 'dependsOn' | 'sources'>;

/** Reads a models folder (default: the package's models/), validates it and orders the models by their refs. */
export async function loadProject(modelsDir: string = defaultModelsDir()): Promise<ModelsProject> {
  const dir = resolve(modelsDir);
  const files = await discoverFiles(dir);
  const settings = await readOptionalYaml(dir, projectFileName, projectFileSchema);
  const sources = sourceDefinitions((await readOptionalYaml(dir, sourcesFileName, sourcesFileSchema)).sources);
  const drafts = await Promise.all(files.models.map((modelFiles) => readModel(modelFiles, settings)));
  checkUniqueNames(drafts);
  checkNoSourceOverwritten(drafts, sources);
  const scope: TemplateScope = { relations: new Map(drafts.map((draft) => [draft.name, draft.relation])), sources };
  const models = drafts.map((draft): Model => {
    const found = recordDependencies(scope, { label: `Model ${draft.name}`, path: draft.path, text: draft.template }, settings.vars, draft);
    return { ...draft, dependsOn: found.models, sources: found.sources };
  });
  checkRelationshipTargets(models);
  const byName = new Map(models.map((model) => [model.name, model]));
  const order = topologicalOrder(new Map(models.map((model) => [model.name, model.dependsOn])));
  return {
    dir,
    vars: settings.vars,
    sources,
    models: order.map((name) => byName.get(name) as Model),
    singularTests: await Promise.all(files.singularTests.map((test) => readSingularTest(test, scope, settings))),
  };
}

/** project.yml and sources.yml may be left out; their defaults apply. */
async function readOptionalYaml<Schema extends z.ZodType>(dir: string, name: string, schema: Schema): Promise<z.output<Schema>> {
  const file = join(dir, name);
  return existsSync(file) ? readYamlFile(file, name, schema) : parseYamlText('', name, schema);
}

function sourceDefinitions(sources: Record<string, { schema?: string; description?: string; tables: string[] }>): Record<string, SourceDefinition> {
  return Object.fromEntries(Object.entries(sources).map(([name, source]) => [name, { ...source, name, schema: source.schema ?? name }]));
}

async function readModel(files: ModelFiles, settings: ProjectFile): Promise<ModelDraft> {
  const ymlPath = files.path.replace(/\.sql$/, '.yml');
  const config = files.ymlFile ? await readYamlFile(files.ymlFile, ymlPath, modelFileSchema) : modelFileSchema.parse({});
  const folder = files.path.includes('/') ? (files.path.split('/')[0] ?? '') : '';
  const defaults = settings.folders[folder] ?? {};
  const schema = config.schema ?? defaults.schema;
  if (!schema) throw new ModelsConfigError(`${files.path}: no schema: set schema: in ${ymlPath}, or folders: ${folder || '<folder>'}: schema: in project.yml.`);
  const materialized = config.materialized ?? defaults.materialized ?? 'view';
  if (materialized === 'incremental' && !config.unique_key) {
    throw new ModelsConfigError(`${ymlPath}: unique_key: required for an incremental model (the columns that identify a row, e.g. [partner_id, period_start]).`);
  }
  return {
    name: files.name,
    path: files.path,
    folder,
    schema,
    relation: relationName(schema, files.name),
    materialized,
    uniqueKey: config.unique_key ?? [],
    indexes: config.indexes,
    ...(config.incremental?.filter_column ? { filterColumn: config.incremental.filter_column } : {}),
    settings: Object.fromEntries(Object.entries(config.settings).map(([name, value]) => [name, String(value)])),
    description: config.description,
    grain: config.grain,
    tags: config.tags,
    columns: config.columns,
    tests: expandTests(files.name, files.path, config.tests),
    template: await readFile(files.sqlFile, 'utf8'),
  };
}

function checkUniqueNames(models: readonly ModelDraft[]): void {
  const seen = new Map<string, string>();
  for (const model of models) {
    const other = seen.get(model.name);
    if (other) throw new ModelsConfigError(`Two models are named ${model.name} (${other} and ${model.path}); model names must be unique across folders.`);
    seen.set(model.name, model.path);
  }
}

/** A model built onto a declared source table would replace the data it reads. */
function checkNoSourceOverwritten(models: readonly ModelDraft[], sources: Readonly<Record<string, SourceDefinition>>): void {
  for (const source of Object.values(sources)) {
    const clash = models.find((model) => model.schema === source.schema && source.tables.includes(model.name));
    if (clash) {
      throw new ModelsConfigError(
        `${clash.path}: builds ${clash.relation}, which sources.yml declares as source ${source.name}.${clash.name}; rename the model or give it another schema.`,
      );
    }
  }
}

function checkRelationshipTargets(models: readonly Model[]): void {
  const names = new Set(models.map((model) => model.name));
  for (const model of models) {
    for (const test of model.tests) {
      if (test.kind === 'relationships' && !names.has(test.to)) {
        throw new ModelsConfigError(`${model.path.replace(/\.sql$/, '.yml')}: tests: relationships: to: ${test.to} names no model.`);
      }
    }
  }
}

async function readSingularTest(test: SingularTestFile, scope: TemplateScope, settings: ProjectFile): Promise<SingularTest> {
  const template = await readFile(test.file, 'utf8');
  const found = recordDependencies(scope, { label: `Test ${test.name}`, path: test.path, text: template }, settings.vars);
  return { name: test.name, path: test.path, dependsOn: found.models, template };
}
