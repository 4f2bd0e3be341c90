#!/usr/bin/env node
// Regenerates the docs that are derived from code (run after `pnpm build`): docs/data-contract.md.
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderDataContract } from '../packages/core/dist/index.js';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
writeFileSync(join(root, 'docs', 'data-contract.md'), renderDataContract());
console.log('wrote docs/data-contract.md');
