import { readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const available = readdirSync(here).filter((entry) => {
  const path = join(here, entry);
  return statSync(path).isDirectory() && entry !== 'node_modules' && statSync(join(path, 'main.ts'), { throwIfNoEntry: false });
});

const [name, ...args] = process.argv.slice(2);
if (!name || !available.includes(name)) {
  console.error(`Usage: pnpm bench <name> [options]\nBenchmarks: ${available.join(', ') || '(none)'}`);
  process.exit(2);
}
process.argv = [process.argv[0] ?? 'node', join(here, name, 'main.ts'), ...args];
await import(join(here, name, 'main.ts'));
