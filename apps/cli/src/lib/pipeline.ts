import { pipelineTaskQueue } from '@ppm/core';
import { connectClient, createPipelineWorker, installWorkerLogging, loadPlatformConfig, type PlatformConfig } from '@ppm/workflows';
import type { Client } from '@temporalio/client';
import proto from '@temporalio/proto';
import { note } from './output.js';
import { openSession, type Session } from './session.js';

export interface PipelineSession {
  readonly session: Session;
  readonly client: Client;
  readonly config: PlatformConfig;
  /** Starts a worker in this process when none polls the task queue; returns whether it did. */
  ensureWorker(): Promise<boolean>;
  close(): Promise<void>;
}

async function hasWorker(client: Client): Promise<boolean> {
  const response = await client.workflowService.describeTaskQueue({
    namespace: client.options.namespace,
    taskQueue: { name: pipelineTaskQueue },
    taskQueueType: proto.temporal.api.enums.v1.TaskQueueType.TASK_QUEUE_TYPE_WORKFLOW,
  });
  return (response.pollers ?? []).length > 0;
}

/** Services, warehouse and a Temporal client; a worker only when the command needs one and none runs. */
export async function openPipelineSession(options: { quiet?: boolean } = {}): Promise<PipelineSession> {
  const session = await openSession({ quiet: options.quiet ?? true });
  const config = loadPlatformConfig();
  const client = await connectClient(session.services.temporalAddress, session.services.temporalNamespace);
  let stopWorker: (() => Promise<void>) | undefined;
  return {
    session,
    client,
    config,
    async ensureWorker() {
      if (stopWorker || (await hasWorker(client))) return false;
      installWorkerLogging('ERROR');
      note(`No worker polls task queue ${pipelineTaskQueue}: running one in this process while the command runs (start one that stays with \`pnpm worker\`).`);
      const { worker, connection } = await createPipelineWorker({ db: session.db, databaseUrl: session.services.databaseUrl, config, temporalAddress: session.services.temporalAddress, namespace: session.services.temporalNamespace });
      const running = worker.run();
      stopWorker = async () => {
        worker.shutdown();
        await running;
        await connection.close();
      };
      return true;
    },
    async close() {
      await stopWorker?.();
      await client.connection.close();
      await session.close();
    },
  };
}

/** A link to a workflow run in the Temporal Web UI, when the local dev server runs it. */
export function webUiLink(session: Session, workflowId: string, runId?: string): string | undefined {
  const base = session.services.temporalUiUrl;
  if (!base) return undefined;
  const run = runId ? `/${runId}` : '';
  return `${base}/namespaces/${session.services.temporalNamespace}/workflows/${encodeURIComponent(workflowId)}${run}`;
}
