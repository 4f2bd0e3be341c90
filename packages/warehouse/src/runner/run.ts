import type { Knex } from 'knex';
import { relationKind } from './catalog.js';
import { renderModel } from './compile.js';
import { ModelCompileError } from './errors.js';
import { reachable } from './graph.js';
import { builtMax, mergeIncremental } from './materialize/incremental.js';
import { buildTable } from './materialize/table.js';
import { buildView } from './materialize/view.js';
import type { Materialization, Model, ModelsProject, VarValue } from './model.js';
import { projectGraph, selectModels, type Selection } from './selection.js';
import { selectBody } from './sql.js';
import { databaseMessage } from './sql-errors.js';
import { withModelsLock } from './lock.js';

export interface RunOptions extends Selection {
  /** Rebuild incremental models from scratch instead of merging new rows. */
  readonly fullRefresh?: boolean;
  /** Run variables; they override project.yml's `vars:`. */
  readonly vars?: Readonly<Record<string, VarValue>>;
  readonly onEvent?: (event: RunEvent) => void;
}

export type ModelRunStatus = 'success' | 'error' | 'skipped';

export interface ModelRunResult {
  readonly name: string;
  readonly materialized: Materialization;
  readonly status: ModelRunStatus;
  /** Rows in the table after a full build; rows merged by an incremental run; absent for views. */
  readonly rows?: number;
  readonly durationMs: number;
  /** Why it failed, or which upstream model made it skip. */
  readonly error?: string;
}

interface RunProgress {
  /** 0-based position among the selected models. */
  readonly index: number;
  readonly total: number;
}

export type RunEvent =
  | (RunProgress & { readonly type: 'model_started'; readonly model: string; readonly materialized: Materialization })
  | (RunProgress & { readonly type: 'model_finished'; readonly result: ModelRunResult });

/**
 * Builds the selected models in dependency order, each in its own transaction, so a failing model
 * keeps its previous version; models downstream of a failure are skipped. Templates are all rendered
 * first: an unset var or a template error stops the run before anything is built.
 */
export async function runModels(db: Knex, project: ModelsProject, options: RunOptions = {}): Promise<ModelRunResult[]> {
  const models = selectModels(project, options);
  for (const model of models) renderModel(project, model, { vars: options.vars, isIncremental: false });
  return withModelsLock(db, () => buildInOrder(db, project, models, options));
}

async function buildInOrder(db: Knex, project: ModelsProject, models: readonly Model[], options: RunOptions): Promise<ModelRunResult[]> {
  const { dependencies } = projectGraph(project);
  const blocked = new Set<string>();
  const results: ModelRunResult[] = [];
  for (const [index, model] of models.entries()) {
    const progress = { index, total: models.length };
    const failedUpstream = [...reachable(model.name, dependencies)].sort().find((name) => blocked.has(name));
    let result: ModelRunResult;
    if (failedUpstream === undefined) {
      options.onEvent?.({ type: 'model_started', model: model.name, materialized: model.materialized, ...progress });
      const rebuiltLater = new Set(models.slice(index + 1).map((later) => later.relation));
      result = await buildModel({ db, project, options, model, rebuiltLater });
    } else {
      result = skipped(model, failedUpstream);
    }
    if (result.status !== 'success') blocked.add(model.name);
    results.push(result);
    options.onEvent?.({ type: 'model_finished', result, ...progress });
  }
  return results;
}

interface ModelBuild {
  readonly db: Knex;
  readonly project: ModelsProject;
  readonly options: RunOptions;
  readonly model: Model;
  /** Relations this run builds after this model. */
  readonly rebuiltLater: ReadonlySet<string>;
}

function skipped(model: Model, failedUpstream: string): ModelRunResult {
  const error = `upstream model ${failedUpstream} failed or was skipped`;
  return { name: model.name, materialized: model.materialized, status: 'skipped', durationMs: 0, error };
}

async function buildModel(build: ModelBuild): Promise<ModelRunResult> {
  const { model } = build;
  const started = performance.now();
  const durationMs = () => Math.round(performance.now() - started);
  const outcome = { name: model.name, materialized: model.materialized };
  try {
    const rows = await materialize(build);
    return { ...outcome, status: 'success', ...(rows === undefined ? {} : { rows }), durationMs: durationMs() };
  } catch (error) {
    const message = error instanceof ModelCompileError ? error.message : `Model ${model.name} (${model.path}): ${databaseMessage(error)}`;
    return { ...outcome, status: 'error', durationMs: durationMs(), error: message };
  }
}

/**
 * Returns the row count of tables, the rows merged by incremental runs (undefined for views).
 * Incremental merges skip `analyze` and the full count: they touch a small part of a big table.
 */
async function materialize({ db, project, options, model, rebuiltLater }: ModelBuild): Promise<number | undefined> {
  const existing = model.materialized === 'incremental' && !options.fullRefresh && (await relationKind(db, model.schema, model.name)) === 'table';
  const incrementalMax = existing && model.filterColumn ? await builtMax(db, model, model.filterColumn) : undefined;
  // A table with no rows gives incremental_max() nothing to go on: it is built as on a first run.
  const merge = existing && incrementalMax !== null;
  const sql = selectBody(renderModel(project, model, { vars: options.vars, isIncremental: merge, ...(incrementalMax ? { incrementalMax } : {}) }));
  const merged = await db.transaction(async (trx) => {
    for (const [name, value] of Object.entries(model.settings)) await trx.raw('select set_config(?, ?, true)', [name, value]);
    const build = { trx, model, sql, rebuiltLater };
    if (model.materialized === 'view') await buildView(build);
    else if (merge) return mergeIncremental(build);
    else await buildTable(build);
    return undefined;
  });
  if (model.materialized === 'view') return undefined;
  if (merged !== undefined) return merged;
  await db.raw(`analyze ${model.relation}`);
  const count = await db.raw<{ rows: { rows: string }[] }>(`select count(*) as rows from ${model.relation}`);
  return Number(count.rows[0]?.rows ?? 0);
}
