import { ModelsConfigError } from './errors.js';
import type { GenericTest } from './model.js';
import type { TestEntry } from './schemas.js';

/**
 * The generic tests of a model's YAML, one per check, named like dbt names them
 * (`unique_<model>_<col>__<col>`, `not_null_<model>_<col>`, ...); `name:` overrides the name.
 */
export function expandTests(model: string, path: string, entries: readonly TestEntry[]): GenericTest[] {
  let expressions = 0;
  const tests = entries.flatMap((entry): GenericTest[] => {
    if (entry.unique) return [{ kind: 'unique', name: entry.name ?? `unique_${model}_${entry.unique.join('__')}`, columns: entry.unique }];
    if (entry.not_null) {
      const several = entry.not_null.length > 1;
      return entry.not_null.map((column) => ({
        kind: 'not_null',
        name: entry.name ? (several ? `${entry.name}_${column}` : entry.name) : `not_null_${model}_${column}`,
        column,
      }));
    }
    if (entry.accepted_values) {
      const { column, values } = entry.accepted_values;
      return [{ kind: 'accepted_values', name: entry.name ?? `accepted_values_${model}_${column}`, column, values }];
    }
    if (entry.relationships) {
      const { column, to, field } = entry.relationships;
      return [{ kind: 'relationships', name: entry.name ?? `relationships_${model}_${column}__${to}_${field}`, column, to, field }];
    }
    expressions += 1;
    return [{ kind: 'expression', name: entry.name ?? `expression_${model}_${expressions}`, expression: entry.expression ?? '' }];
  });
  checkUniqueNames(path, tests);
  return tests;
}

function checkUniqueNames(path: string, tests: readonly GenericTest[]): void {
  const seen = new Set<string>();
  for (const test of tests) {
    if (seen.has(test.name)) throw new ModelsConfigError(`${path.replace(/\.sql$/, '.yml')}: two tests are named ${test.name}; set name: on one of them.`);
    seen.add(test.name);
  }
}
