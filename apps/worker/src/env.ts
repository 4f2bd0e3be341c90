import { pipelineTaskQueue } from '@ppm/core';
import { z } from 'zod';

const workerEnvSchema = z.object({
  WORKER_ACTIVITY_CONCURRENCY: z.coerce.number().int().min(1).max(256).default(4),
  WORKER_WORKFLOW_CONCURRENCY: z.coerce.number().int().min(1).max(1000).default(40),
  WORKER_TASK_QUEUE: z.string().min(1).default(pipelineTaskQueue),
  WORKER_SHUTDOWN_GRACE_SECONDS: z.coerce.number().int().min(0).max(3600).default(60),
  LOG_LEVEL: z.enum(['TRACE', 'DEBUG', 'INFO', 'WARN', 'ERROR']).default('INFO'),
  LOG_FORMAT: z.enum(['json', 'text']).optional(),
  PPM_ALERT_WEBHOOK_URL: z.url({ protocol: /^https?$/ }).optional(),
  PPM_ALERT_WEBHOOK_SECRET: z.string().min(16, 'use at least 16 random characters').optional(),
}).refine((env) => !env.PPM_ALERT_WEBHOOK_URL || env.PPM_ALERT_WEBHOOK_SECRET, { message: 'PPM_ALERT_WEBHOOK_SECRET is required when PPM_ALERT_WEBHOOK_URL is set', path: ['PPM_ALERT_WEBHOOK_SECRET'] });

export type WorkerEnv = z.infer<typeof workerEnvSchema>;

/** Parses the worker's environment once; errors name the variable. */
export function readWorkerEnv(env: NodeJS.ProcessEnv = process.env): WorkerEnv {
  const result = workerEnvSchema.safeParse(env);
  if (result.success) return result.data;
  throw new Error(`Invalid worker environment:\n${result.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`).join('\n')}`);
}
