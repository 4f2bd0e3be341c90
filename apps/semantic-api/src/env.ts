import { z } from 'zod';

const apiEnvSchema = z.object({
  /** Port of Cube's SQL API (Postgres wire protocol) in native mode; 0 = off. */
  PPM_SEMANTIC_SQL_PORT: z.coerce.number().int().min(0).max(65535).default(15432),
  LOG_FORMAT: z.enum(['json', 'text']).optional(),
});

export interface ApiEnv {
  readonly sqlPort: number | undefined;
  readonly logFormat: 'json' | 'text';
}

/** The variables only this process reads (the rest: readSemanticEnv, readRuntimeEnv). */
export function readApiEnv(env: NodeJS.ProcessEnv = process.env): ApiEnv {
  const result = apiEnvSchema.safeParse(env);
  if (!result.success) throw new Error(`Invalid environment:\n${result.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`).join('\n')}`);
  return {
    sqlPort: result.data.PPM_SEMANTIC_SQL_PORT || undefined,
    logFormat: result.data.LOG_FORMAT ?? (process.stdout.isTTY ? 'text' : 'json'),
  };
}
