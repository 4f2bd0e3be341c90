#!/usr/bin/env node
import { readRuntimeEnv, startServices } from '@ppm/runtime';
import { connectWarehouse, migrateLatest } from '@ppm/warehouse';
import { createPipelineWorker, loadPlatformConfig } from '@ppm/workflows';
import { readWorkerEnv } from './env.js';
import { installLogging } from './logging.js';

/**
 * Runs a pipeline worker until SIGINT/SIGTERM: the SDK then stops polling, lets
 * in-flight activities finish within the grace time, and hands back what remains.
 * Several workers can share the task queue.
 */
async function main(): Promise<void> {
  const env = readWorkerEnv();
  const logger = installLogging(env.LOG_LEVEL, env.LOG_FORMAT);
  const services = await startServices({ env: readRuntimeEnv(), log: (line) => logger.info(line) });
  const db = connectWarehouse(services.databaseUrl, { poolMax: env.WORKER_ACTIVITY_CONCURRENCY + 2, applicationName: 'ppm-worker' });
  try {
    await migrateLatest(db);
    const { worker, connection } = await createPipelineWorker({
      db,
      databaseUrl: services.databaseUrl,
      config: loadPlatformConfig(),
      ...(env.PPM_ALERT_WEBHOOK_URL && env.PPM_ALERT_WEBHOOK_SECRET ? { alertWebhook: { url: env.PPM_ALERT_WEBHOOK_URL, secret: env.PPM_ALERT_WEBHOOK_SECRET } } : {}),
      temporalAddress: services.temporalAddress,
      namespace: services.temporalNamespace,
      taskQueue: env.WORKER_TASK_QUEUE,
      maxConcurrentActivityTaskExecutions: env.WORKER_ACTIVITY_CONCURRENCY,
      maxConcurrentWorkflowTaskExecutions: env.WORKER_WORKFLOW_CONCURRENCY,
      shutdownGraceTime: `${env.WORKER_SHUTDOWN_GRACE_SECONDS}s`,
    });
    logger.info('Worker started', { taskQueue: env.WORKER_TASK_QUEUE, activityConcurrency: env.WORKER_ACTIVITY_CONCURRENCY, pid: process.pid });
    await worker.run();
    await connection.close();
    logger.info('Worker stopped');
  } finally {
    await db.destroy();
    await services.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}\n`);
  process.exit(1);
});
