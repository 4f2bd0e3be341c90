import { z } from 'zod';
import { ServiceError } from './errors.js';

const optionalText = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional();
const optionalPort = z.coerce.number().int().min(1).max(65535).optional();

const runtimeEnvSchema = z.object({
  DATABASE_URL: optionalText.pipe(z.url({ protocol: /^postgres(ql)?$/ }).optional()),
  TEMPORAL_ADDRESS: optionalText,
  TEMPORAL_NAMESPACE: optionalText.default('default'),
  TEMPORAL_CLI_PATH: optionalText,
  PPM_DATA_DIR: optionalText,
  PPM_TOOLS_DIR: optionalText,
  PPM_PG_PORT: optionalPort,
  PPM_TEMPORAL_PORT: optionalPort,
  PPM_TEMPORAL_UI_PORT: optionalPort,
});

export type RuntimeEnv = z.infer<typeof runtimeEnvSchema>;

/** Reads the service-related environment variables once, with errors that name the variable. */
export function readRuntimeEnv(env: NodeJS.ProcessEnv = process.env): RuntimeEnv {
  const result = runtimeEnvSchema.safeParse(env);
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
  throw new ServiceError(`Invalid environment:\n${lines.join('\n')}`);
}
