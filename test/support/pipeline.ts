import { randomBytes } from 'node:crypto';
import { defaultProgramConfig } from '@ppm/core';
import { filesSourceAt } from '@ppm/etl';
import { defaultScoringConfig } from '@ppm/scoring';
import type { Warehouse } from '@ppm/warehouse';
import { connectClient, createPipelineWorker, type AlertWebhook, type PlatformConfig } from '@ppm/workflows';
import type { Client } from '@temporalio/client';
import { inject } from 'vitest';

/** A configuration with one files source; other settings are the shipped defaults. */
export function configWithSource(source: string, folder: string, dir = folder): PlatformConfig {
  return { dir, program: defaultProgramConfig, scoring: defaultScoringConfig, sources: new Map([[source, filesSourceAt(source, folder)]]) };
}

export const uniqueName = (prefix: string) => `${prefix}${randomBytes(4).toString('hex')}`;

export interface RunningWorker {
  readonly taskQueue: string;
  readonly client: Client;
  stop(): Promise<void>;
}

/** A worker in this process on its own task queue, and a client; stop() shuts both down. */
export async function startTestWorker(database: { db: Warehouse; url: string }, config: PlatformConfig, options: { alertWebhook?: AlertWebhook; taskQueue?: string } = {}): Promise<RunningWorker> {
  const { db, url: databaseUrl } = database;
  const address = inject('temporalAddress');
  const namespace = inject('temporalNamespace');
  const taskQueue = options.taskQueue ?? uniqueName('test-');
  const { worker, connection } = await createPipelineWorker({ db, databaseUrl, config, temporalAddress: address, namespace, taskQueue, ...(options.alertWebhook ? { alertWebhook: options.alertWebhook } : {}) });
  const running = worker.run();
  const client = await connectClient(address, namespace);
  return {
    taskQueue,
    client,
    async stop() {
      worker.shutdown();
      await running;
      await connection.close();
      await client.connection.close();
    },
  };
}
