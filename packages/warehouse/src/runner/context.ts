import type { SourceDefinition, VarValue } from './model.js';
import { relationName } from './sql.js';
import { callPattern, TemplateCallError } from './template.js';

export interface TemplateScope {
  /** Model name -> quoted relation. */
  readonly relations: ReadonlyMap<string, string>;
  readonly sources: Readonly<Record<string, SourceDefinition>>;
}

export interface ContextSettings {
  /** What `{{ this }}` renders; undefined for singular tests. */
  readonly self?: string;
  readonly isIncremental: boolean;
  /** What `incremental_max()` renders: the largest filter_column value built so far, as a typed SQL literal. */
  readonly incrementalMax?: string;
  readonly resolveVar: (name: string, fallback: VarValue | undefined) => VarValue;
  readonly onRef?: (model: string) => void;
  readonly onSource?: (source: string, table: string) => void;
}

/** The functions and values a model template sees: ref, source, var, this, is_incremental, incremental_max. */
export function templateContext(scope: TemplateScope, settings: ContextSettings): Record<string, unknown> {
  return {
    ref(model: unknown): string {
      const name = requireText('ref', model, 'a model name');
      const relation = scope.relations.get(name);
      if (relation === undefined) {
        throw new TemplateCallError(`ref('${name}') names no model (models are named after their .sql files)`, callPattern('ref', name));
      }
      settings.onRef?.(name);
      return relation;
    },
    source(sourceName: unknown, table: unknown): string {
      const name = requireText('source', sourceName, 'a source name and a table');
      const tableName = requireText('source', table, 'a source name and a table');
      const source = scope.sources[name];
      if (!source?.tables.includes(tableName)) {
        throw new TemplateCallError(
          `source('${name}', '${tableName}') is not declared: add it under sources: ${name}: tables: in sources.yml`,
          callPattern('source', name, tableName),
        );
      }
      settings.onSource?.(name, tableName);
      return relationName(source.schema, tableName);
    },
    var(name: unknown, fallback?: VarValue): VarValue {
      return settings.resolveVar(requireText('var', name, 'a variable name'), fallback);
    },
    is_incremental: () => settings.isIncremental,
    incremental_max(): string {
      if (settings.incrementalMax === undefined) {
        throw new TemplateCallError(
          'incremental_max() is set only in an incremental run of a model whose .yml declares incremental: { filter_column: <column> }; call it inside {% if is_incremental() %}',
          callPattern('incremental_max'),
        );
      }
      return settings.incrementalMax;
    },
    this: settings.self,
  };
}

/** Run variables first, then project.yml's `vars:`, then the template's own default. */
export function varResolver(
  projectVars: Readonly<Record<string, VarValue>>,
  runVars: Readonly<Record<string, VarValue>> = {},
): (name: string, fallback: VarValue | undefined) => VarValue {
  return (name, fallback) => {
    const value = Object.hasOwn(runVars, name) ? runVars[name] : Object.hasOwn(projectVars, name) ? projectVars[name] : fallback;
    if (value === undefined) {
      throw new TemplateCallError(
        `var('${name}') is not set: pass it with --var ${name}=<value> (vars: { ${name}: ... } in the API), or give it a default under vars: in project.yml`,
        callPattern('var', name),
      );
    }
    return value;
  };
}

function requireText(fn: string, value: unknown, what: string): string {
  if (typeof value === 'string' && value.length > 0) return value;
  throw new TemplateCallError(`${fn}() takes ${what} in quotes`, new RegExp(`\\b${fn}\\s*\\(`));
}
