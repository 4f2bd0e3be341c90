import type { Materialization, VarValue } from './schemas.js';

export type { Materialization, VarValue };

export interface SourceDefinition {
  readonly name: string;
  readonly schema: string;
  readonly tables: readonly string[];
  readonly description?: string;
}

export type GenericTest =
  | { readonly kind: 'unique'; readonly name: string; readonly columns: readonly string[] }
  | { readonly kind: 'not_null'; readonly name: string; readonly column: string }
  | { readonly kind: 'accepted_values'; readonly name: string; readonly column: string; readonly values: readonly VarValue[] }
  | { readonly kind: 'relationships'; readonly name: string; readonly column: string; readonly to: string; readonly field: string }
  | { readonly kind: 'expression'; readonly name: string; readonly expression: string };

export interface Model {
  readonly name: string;
  /** Relative to the models folder, with `/` separators, e.g. `marts/partner_period_metrics.sql`. */
  readonly path: string;
  /** The first folder of the path (`staging`, `marts`); its defaults come from project.yml. */
  readonly folder: string;
  readonly schema: string;
  /** The quoted relation that `ref()` renders, e.g. `"marts"."partners"`. */
  readonly relation: string;
  readonly materialized: Materialization;
  readonly uniqueKey: readonly string[];
  /** Column lists to index (tables and incremental models). */
  readonly indexes: readonly (readonly string[])[];
  /** `incremental: { filter_column }`: the column incremental runs are bounded by (see incremental_max()). */
  readonly filterColumn?: string;
  /** PostgreSQL settings applied with `set local` in the model's transaction. */
  readonly settings: Readonly<Record<string, string>>;
  readonly description?: string;
  readonly grain?: string;
  readonly tags: readonly string[];
  readonly columns: Readonly<Record<string, string>>;
  readonly tests: readonly GenericTest[];
  /** Models this one refs, sorted. */
  readonly dependsOn: readonly string[];
  /** Sources it reads, as `source.table`, sorted. */
  readonly sources: readonly string[];
  readonly template: string;
}

/** A query under tests/ that returns the rows breaking a rule. */
export interface SingularTest {
  readonly name: string;
  readonly path: string;
  readonly dependsOn: readonly string[];
  readonly template: string;
}

export interface ModelsProject {
  readonly dir: string;
  readonly vars: Readonly<Record<string, VarValue>>;
  readonly sources: Readonly<Record<string, SourceDefinition>>;
  /** In run order: every model after the models it refs, ties by name. */
  readonly models: readonly Model[];
  readonly singularTests: readonly SingularTest[];
}
