import { z } from 'zod';
import { SemanticConfigError } from './errors.js';

const optionalText = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional();

export const minSecretLength = 32;

const semanticEnvSchema = z.object({
  PPM_SEMANTIC_PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  PPM_SEMANTIC_HOST: optionalText.default('127.0.0.1'),
  PPM_SEMANTIC_MODE: z.enum(['auto', 'native', 'offline']).default('auto'),
  PPM_SEMANTIC_REFRESH_SECONDS: z.coerce.number().int().min(0).max(86_400).default(60),
  PPM_CUBE_SECRET: optionalText,
  CUBEJS_API_SECRET: optionalText,
  CUBEJS_JWK_URL: optionalText,
  PPM_CUBE_DIR: optionalText,
  PPM_FISCAL_YEAR_START_MONTH: z.coerce.number().int().min(1).max(12).optional(),
});

export interface SemanticEnv {
  readonly port: number;
  readonly host: string;
  readonly mode: 'auto' | 'native' | 'offline';
  /** Seconds between scheduled pre-aggregation refreshes; 0 = only when the pipeline asks. */
  readonly refreshSeconds: number;
  /** The HS256 secret; undefined when tokens are verified against a JWKS (CUBEJS_JWK_URL). */
  readonly secret: string | undefined;
  readonly jwkUrl: string | undefined;
  readonly cubeDir: string | undefined;
  readonly fiscalYearStartMonth: number | undefined;
}

/** The HS256 secret: PPM_CUBE_SECRET, else CUBEJS_API_SECRET; they must agree when both are set. */
export function tokenSecret(env: NodeJS.ProcessEnv = process.env): string {
  const ppm = env.PPM_CUBE_SECRET?.trim() || undefined;
  const cube = env.CUBEJS_API_SECRET?.trim() || undefined;
  if (ppm && cube && ppm !== cube) throw new SemanticConfigError('PPM_CUBE_SECRET and CUBEJS_API_SECRET are both set and differ: set one of them');
  const secret = ppm ?? cube;
  if (!secret) {
    throw new SemanticConfigError(
      'No token secret: set PPM_CUBE_SECRET (or CUBEJS_API_SECRET) to a random string of at least 32 characters, e.g. export PPM_CUBE_SECRET=$(openssl rand -hex 32)',
    );
  }
  if (secret.length < minSecretLength) throw new SemanticConfigError(`PPM_CUBE_SECRET is too short: use at least ${minSecretLength} characters (e.g. openssl rand -hex 32)`);
  return secret;
}

/** Parses the semantic layer's environment once; errors name the variable. */
export function readSemanticEnv(env: NodeJS.ProcessEnv = process.env): SemanticEnv {
  const result = semanticEnvSchema.safeParse(env);
  if (!result.success) {
    throw new SemanticConfigError(`Invalid environment:\n${result.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`).join('\n')}`);
  }
  const parsed = result.data;
  return {
    port: parsed.PPM_SEMANTIC_PORT,
    host: parsed.PPM_SEMANTIC_HOST,
    mode: parsed.PPM_SEMANTIC_MODE,
    refreshSeconds: parsed.PPM_SEMANTIC_REFRESH_SECONDS,
    secret: parsed.CUBEJS_JWK_URL ? undefined : tokenSecret(env),
    jwkUrl: parsed.CUBEJS_JWK_URL,
    cubeDir: parsed.PPM_CUBE_DIR,
    fiscalYearStartMonth: parsed.PPM_FISCAL_YEAR_START_MONTH,
  };
}
