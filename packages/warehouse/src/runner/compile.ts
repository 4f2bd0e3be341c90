import { templateContext, varResolver } from './context.js';
import type { Materialization, Model, ModelsProject, SingularTest, VarValue } from './model.js';
import { selectModels, type Selection } from './selection.js';
import { renderTemplate } from './template.js';

export interface CompileOptions extends Selection {
  /** Run variables; they override project.yml's `vars:`. */
  readonly vars?: Readonly<Record<string, VarValue>>;
}

export interface CompiledModel {
  readonly name: string;
  readonly path: string;
  readonly relation: string;
  readonly materialized: Materialization;
  readonly sql: string;
}

/** Renders the selected models as a first (non-incremental) build would: is_incremental() is false. */
export function compileModels(project: ModelsProject, options: CompileOptions = {}): CompiledModel[] {
  return selectModels(project, options).map((model) => ({
    name: model.name,
    path: model.path,
    relation: model.relation,
    materialized: model.materialized,
    sql: renderModel(project, model, { vars: options.vars, isIncremental: false }),
  }));
}

export interface RenderRequest {
  readonly vars?: Readonly<Record<string, VarValue>>;
  readonly isIncremental: boolean;
  /** The typed literal incremental_max() renders (incremental runs of models with a filter_column). */
  readonly incrementalMax?: string;
}

export function renderModel(project: ModelsProject, model: Model, request: RenderRequest): string {
  const context = templateContext(scopeOf(project), {
    self: model.relation,
    isIncremental: request.isIncremental,
    ...(request.incrementalMax === undefined ? {} : { incrementalMax: request.incrementalMax }),
    resolveVar: varResolver(project.vars, request.vars),
  });
  return renderTemplate({ label: `Model ${model.name}`, path: model.path, text: model.template }, context);
}

export function renderSingularTest(project: ModelsProject, test: SingularTest, vars?: Readonly<Record<string, VarValue>>): string {
  const context = templateContext(scopeOf(project), { isIncremental: false, resolveVar: varResolver(project.vars, vars) });
  return renderTemplate({ label: `Test ${test.name}`, path: test.path, text: test.template }, context);
}

function scopeOf(project: ModelsProject) {
  return { relations: new Map(project.models.map((model) => [model.name, model.relation])), sources: project.sources };
}
