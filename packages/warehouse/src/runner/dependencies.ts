import { templateContext, type TemplateScope } from './context.js';
import type { VarValue } from './model.js';
import { renderTemplate, type TemplateSource } from './template.js';

export interface Dependencies {
  readonly models: readonly string[];
  readonly sources: readonly string[];
}

/**
 * Renders the template with recording ref() and source(), once per value of is_incremental()
 * so refs inside either branch count. Unknown refs and undeclared sources fail here, at load;
 * unset vars do not (they may come with the run), so var() and incremental_max() answer stand-ins.
 */
export function recordDependencies(
  scope: TemplateScope,
  source: TemplateSource,
  projectVars: Readonly<Record<string, VarValue>>,
  model?: { readonly relation: string; readonly filterColumn?: string },
): Dependencies {
  const models = new Set<string>();
  const sources = new Set<string>();
  for (const isIncremental of [false, true]) {
    const context = templateContext(scope, {
      self: model?.relation,
      isIncremental,
      ...(isIncremental && model?.filterColumn ? { incrementalMax: 'null' } : {}),
      resolveVar: (name, fallback) => (Object.hasOwn(projectVars, name) ? (projectVars[name] as VarValue) : (fallback ?? `var_${name}`)),
      onRef: (model) => models.add(model),
      onSource: (sourceName, table) => sources.add(`${sourceName}.${table}`),
    });
    renderTemplate(source, context);
  }
  return { models: [...models].sort(), sources: [...sources].sort() };
}
