import { ModelSelectionError } from './errors.js';
import { dependentsMap, reachable, type DependencyMap } from './graph.js';
import type { Model, ModelsProject } from './model.js';

export interface Selection {
  /** Union of selectors: `name`, `name+`, `+name`, `+name+`, `tag:x`, `path:marts`; empty or absent means every model. */
  readonly select?: readonly string[];
  /** Selectors (same syntax) whose models are left out. */
  readonly exclude?: readonly string[];
}

export interface Selector {
  readonly method: 'name' | 'tag' | 'path';
  readonly value: string;
  readonly ancestors: boolean;
  readonly descendants: boolean;
}

const methods = ['tag', 'path'] as const;

export function parseSelector(text: string): Selector {
  const match = /^(\+?)([^+]+)(\+?)$/.exec(text);
  const body = match?.[2];
  if (!match || !body) throw new ModelSelectionError(`Cannot read the selector "${text}": use name, name+, +name, +name+, tag:<tag> or path:<folder>.`);
  const colon = body.indexOf(':');
  const method = colon < 0 ? 'name' : body.slice(0, colon);
  if (method !== 'name' && !methods.includes(method as (typeof methods)[number])) {
    throw new ModelSelectionError(`Unknown selector method "${method}" in "${text}": use a model name, tag:<tag> or path:<folder>.`);
  }
  return {
    method: method as Selector['method'],
    value: colon < 0 ? body : body.slice(colon + 1).replace(/\/+$/, ''),
    ancestors: match[1] === '+',
    descendants: match[3] === '+',
  };
}

/** The selected models in run order. Selector lists may also hold several selectors separated by spaces. */
export function selectModels(project: ModelsProject, selection: Selection = {}): Model[] {
  const graph = projectGraph(project);
  const selectors = (texts: readonly string[] | undefined) => (texts ?? []).flatMap((text) => text.split(/\s+/)).filter(Boolean);
  const chosen = selectors(selection.select);
  const included = chosen.length ? union(chosen, project, graph) : new Set(project.models.map((model) => model.name));
  const excluded = union(selectors(selection.exclude), project, graph);
  return project.models.filter((model) => included.has(model.name) && !excluded.has(model.name));
}

interface ProjectGraph {
  readonly dependencies: DependencyMap;
  readonly dependents: DependencyMap;
}

export function projectGraph(project: ModelsProject): ProjectGraph {
  const dependencies = new Map(project.models.map((model) => [model.name, model.dependsOn]));
  return { dependencies, dependents: dependentsMap(dependencies) };
}

function union(texts: readonly string[], project: ModelsProject, graph: ProjectGraph): Set<string> {
  const names = new Set<string>();
  for (const text of texts) {
    for (const name of resolveSelector(parseSelector(text), text, project, graph)) names.add(name);
  }
  return names;
}

function resolveSelector(selector: Selector, text: string, project: ModelsProject, graph: ProjectGraph): Set<string> {
  const matched = project.models.filter((model) => matches(selector, model)).map((model) => model.name);
  if (matched.length === 0) throw new ModelSelectionError(`The selector "${text}" matches no model. ${hintFor(selector, project)}`);
  const names = new Set(matched);
  for (const name of matched) {
    if (selector.ancestors) reachable(name, graph.dependencies).forEach((ancestor) => names.add(ancestor));
    if (selector.descendants) reachable(name, graph.dependents).forEach((descendant) => names.add(descendant));
  }
  return names;
}

function matches(selector: Selector, model: Model): boolean {
  if (selector.method === 'name') return model.name === selector.value;
  if (selector.method === 'tag') return model.tags.includes(selector.value);
  return model.path === selector.value || model.path.startsWith(`${selector.value}/`);
}

function hintFor(selector: Selector, project: ModelsProject): string {
  const known = (values: Iterable<string>) => [...new Set(values)].sort().join(', ') || '(none)';
  if (selector.method === 'tag') return `Tags in use: ${known(project.models.flatMap((model) => model.tags))}.`;
  if (selector.method === 'path') return `Folders: ${known(project.models.map((model) => model.folder))}.`;
  return `Models: ${known(project.models.map((model) => model.name))}.`;
}
