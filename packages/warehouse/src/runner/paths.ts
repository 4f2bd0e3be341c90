import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * packages/warehouse/models. This module runs from src/runner (tests) or dist/src/runner (built),
 * so walk up to the package's own package.json rather than count folders.
 */
export function defaultModelsDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`No package.json above ${fileURLToPath(import.meta.url)}; pass the models folder explicitly.`);
    dir = parent;
  }
  return join(dir, 'models');
}
