import { note } from './output.js';

/**
 * Runs `cleanup` once on the first SIGINT/SIGTERM; a second signal exits at once.
 * Returns a promise that settles when cleanup has finished.
 */
export function onShutdownSignal(cleanup: () => Promise<void>): Promise<void> {
  return new Promise((resolve, reject) => {
    let stopping = false;
    const handler = (signal: NodeJS.Signals) => {
      if (stopping) {
        note(`${signal} again: exiting without waiting.`);
        process.exit(130);
      }
      stopping = true;
      note(`${signal}: shutting down (press Ctrl-C again to force)...`);
      cleanup().then(resolve, reject);
    };
    process.on('SIGINT', handler);
    process.on('SIGTERM', handler);
  });
}
