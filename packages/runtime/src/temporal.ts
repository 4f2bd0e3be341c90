import { spawn } from 'node:child_process';
import { closeSync, mkdirSync, openSync } from 'node:fs';
import { dirname } from 'node:path';
import { Connection } from '@temporalio/client';
import { ServiceError } from './errors.js';
import { freePort, stopProcess, tail, waitFor } from './processes.js';
import { findTemporalCli, temporalCliHelp, type TemporalCli } from './temporal-cli.js';

export interface TemporalDevServerOptions {
  readonly cliPath?: string;
  readonly toolsDir: string;
  readonly logFile: string;
  /** SQLite file that keeps workflow history between runs; in memory when absent. */
  readonly dbFile?: string;
  readonly port?: number;
  readonly uiPort?: number;
  readonly startTimeoutMs?: number;
}

export interface RunningTemporal {
  readonly address: string;
  readonly uiUrl: string;
  /** The server process, or undefined when the SDK manages it (its own download). */
  readonly pid?: number;
  readonly cli: TemporalCli | 'sdk download';
  /** Stops a server the SDK manages; undefined for servers with a pid. */
  readonly teardown?: () => Promise<void>;
}

/** Connects and asks for the server's system info; fails within `timeoutMs`. */
export async function checkTemporal(address: string, timeoutMs = 5000): Promise<void> {
  const connection = await Connection.connect({ address, connectTimeout: timeoutMs });
  try {
    await connection.withDeadline(Date.now() + timeoutMs, () => connection.workflowService.getSystemInfo({}));
  } finally {
    await connection.close();
  }
}

export async function checkExternalTemporal(address: string): Promise<void> {
  try {
    await checkTemporal(address, 5000);
  } catch (error) {
    throw new ServiceError(
      `Cannot reach Temporal at TEMPORAL_ADDRESS=${address}: ${(error as Error).message}. ` +
        'Check the address (host:port of the frontend service), or unset TEMPORAL_ADDRESS to start a local dev server.',
    );
  }
}

async function startWithCli(cli: TemporalCli, options: TemporalDevServerOptions): Promise<RunningTemporal> {
  const port = options.port ?? (await freePort());
  const uiPort = options.uiPort ?? (await freePort());
  const args = ['server', 'start-dev', '--ip', '127.0.0.1', '--port', String(port), '--ui-port', String(uiPort), '--log-level', 'warn'];
  if (options.dbFile) {
    mkdirSync(dirname(options.dbFile), { recursive: true });
    args.push('--db-filename', options.dbFile);
  }
  mkdirSync(dirname(options.logFile), { recursive: true });
  const log = openSync(options.logFile, 'a');
  const child = spawn(cli.path, args, { detached: true, stdio: ['ignore', log, log] });
  closeSync(log);
  child.unref();
  let exitCode: number | null | undefined;
  child.on('exit', (code) => (exitCode = code));

  const address = `127.0.0.1:${port}`;
  try {
    await waitFor(() => checkTemporal(address, 1000).then(() => true), {
      timeoutMs: options.startTimeoutMs ?? 60_000,
      intervalMs: 200,
      abortIf: () => (exitCode !== undefined ? `temporal exited with code ${exitCode}` : undefined),
    });
  } catch (error) {
    if (child.pid) await stopTemporal(child.pid);
    throw new ServiceError(
      `Temporal dev server (${cli.path}) did not start on port ${port}: ${(error as Error).message}. Last lines of ${options.logFile}:\n${tail(options.logFile)}`,
    );
  }
  return { address, uiUrl: `http://127.0.0.1:${uiPort}`, pid: child.pid, cli };
}

/** Last resort: the SDK downloads the dev server from Temporal's site (needs internet). */
async function startWithSdkDownload(options: TemporalDevServerOptions): Promise<RunningTemporal> {
  const { TestWorkflowEnvironment } = await import('@temporalio/testing');
  const port = options.port ?? (await freePort());
  const uiPort = options.uiPort ?? (await freePort());
  try {
    const environment = await TestWorkflowEnvironment.createLocal({
      server: { ip: '127.0.0.1', port, uiPort, ui: true, ...(options.dbFile ? { dbFilename: options.dbFile } : {}) },
    });
    return {
      address: `127.0.0.1:${port}`,
      uiUrl: `http://127.0.0.1:${uiPort}`,
      cli: 'sdk download',
      teardown: () => environment.teardown(),
    };
  } catch (error) {
    throw new ServiceError(temporalCliHelp(options.toolsDir, (error as Error).message));
  }
}

/** Starts `temporal server start-dev` (Web UI on) from the first CLI found, or through the SDK's download. */
export async function startTemporalDevServer(options: TemporalDevServerOptions): Promise<RunningTemporal> {
  const cli = findTemporalCli({ ...(options.cliPath ? { cliPath: options.cliPath } : {}), toolsDir: options.toolsDir });
  return cli ? startWithCli(cli, options) : startWithSdkDownload(options);
}

export async function stopTemporal(pid: number): Promise<void> {
  const stopped = await stopProcess(pid, [
    { signal: 'SIGTERM', waitMs: 10_000 },
    { signal: 'SIGKILL', waitMs: 2_000 },
  ]);
  if (!stopped) throw new ServiceError(`Temporal dev server (pid ${pid}) did not stop.`);
}
