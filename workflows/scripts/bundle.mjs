// Bundles the workflow code once at build time, so workers start without webpack.
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { bundleWorkflowCode } from '@temporalio/worker';

const workflowsPath = fileURLToPath(new URL('../dist/workflows/index.js', import.meta.url));
const { code } = await bundleWorkflowCode({ workflowsPath, logger: { info() {}, warn: console.warn, error: console.error, debug() {}, trace() {}, log() {} } });
await writeFile(new URL('../dist/workflow-bundle.js', import.meta.url), code);
