import { ModelsConfigError } from './errors.js';

/** Node name -> the names it depends on. */
export type DependencyMap = ReadonlyMap<string, readonly string[]>;

/**
 * Every node after its dependencies; among nodes ready at the same time, the smallest name first,
 * so the order is the same on every run. Refuses cycles, naming the path.
 */
export function topologicalOrder(dependencies: DependencyMap): string[] {
  const cycle = findCycle(dependencies);
  if (cycle) throw new ModelsConfigError(`Models depend on each other in a cycle: ${cycle.join(' -> ')}; remove one of these ref() calls.`);
  const waitingOn = new Map([...dependencies].map(([name, deps]) => [name, new Set(deps)]));
  const dependents = dependentsMap(dependencies);
  const ready = [...waitingOn].filter(([, deps]) => deps.size === 0).map(([name]) => name);
  const order: string[] = [];
  while (ready.length > 0) {
    ready.sort();
    const next = ready.shift() as string;
    order.push(next);
    for (const dependent of dependents.get(next) ?? []) {
      const remaining = waitingOn.get(dependent);
      remaining?.delete(next);
      if (remaining?.size === 0) ready.push(dependent);
    }
  }
  return order;
}

/** A cycle as a path that returns to its start (`a -> b -> a`), or undefined. */
export function findCycle(dependencies: DependencyMap): string[] | undefined {
  const done = new Set<string>();
  const path: string[] = [];
  const visit = (name: string): string[] | undefined => {
    const open = path.indexOf(name);
    if (open >= 0) return [...path.slice(open), name];
    if (done.has(name)) return undefined;
    path.push(name);
    for (const dependency of [...(dependencies.get(name) ?? [])].sort()) {
      const cycle = visit(dependency);
      if (cycle) return cycle;
    }
    path.pop();
    done.add(name);
    return undefined;
  };
  for (const name of [...dependencies.keys()].sort()) {
    const cycle = visit(name);
    if (cycle) return cycle;
  }
  return undefined;
}

export function dependentsMap(dependencies: DependencyMap): Map<string, string[]> {
  const dependents = new Map<string, string[]>([...dependencies.keys()].map((name) => [name, []]));
  for (const [name, deps] of dependencies) {
    for (const dependency of deps) dependents.get(dependency)?.push(name);
  }
  return dependents;
}

/** Everything reachable from `start` along `edges`, without `start` itself. */
export function reachable(start: string, edges: DependencyMap): Set<string> {
  const seen = new Set<string>();
  const pending = [...(edges.get(start) ?? [])];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    if (seen.has(next)) continue;
    seen.add(next);
    pending.push(...(edges.get(next) ?? []));
  }
  return seen;
}
