import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '@ppm/runtime';
import { inject } from 'vitest';

/** A config folder whose sources.yml has one files source. */
export function configFolder(folder: string, source: string, dataPath: string): string {
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, 'sources.yml'), `sources:\n  ${source}:\n    type: files\n    path: ${JSON.stringify(dataPath)}\n`);
  return folder;
}

export interface WorkerProcess {
  readonly child: ChildProcess;
  readonly output: () => string;
  /** Resolves once the worker logged that it polls its task queue. */
  readonly ready: Promise<void>;
  stop(signal?: NodeJS.Signals): Promise<void>;
}

/**
 * Starts apps/worker as its own process against the test run's PostgreSQL database and
 * Temporal; `activityConcurrency` caps the activities it runs at once.
 */
export function startWorkerProcess(options: { databaseUrl: string; configDir: string; taskQueue: string; activityConcurrency?: number }): WorkerProcess {
  const child = spawn(process.execPath, [join(projectRoot(), 'apps', 'worker', 'dist', 'main.js')], {
    env: {
      ...process.env,
      DATABASE_URL: options.databaseUrl,
      TEMPORAL_ADDRESS: inject('temporalAddress'),
      TEMPORAL_NAMESPACE: inject('temporalNamespace'),
      PPM_CONFIG_DIR: options.configDir,
      WORKER_TASK_QUEUE: options.taskQueue,
      ...(options.activityConcurrency ? { WORKER_ACTIVITY_CONCURRENCY: String(options.activityConcurrency) } : {}),
      WORKER_SHUTDOWN_GRACE_SECONDS: '5',
      LOG_FORMAT: 'json',
      LOG_LEVEL: 'INFO',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const ready = new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      if (output.includes('Worker started')) resolve();
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`worker exited with ${code} before it was ready:\n${output}`)));
  });
  ready.catch(() => undefined);
  return {
    child,
    output: () => output,
    ready,
    async stop(signal = 'SIGTERM') {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = once(child, 'exit');
      child.kill(signal);
      await exited;
    },
  };
}
