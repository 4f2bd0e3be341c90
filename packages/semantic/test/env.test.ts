import { describe, expect, it } from 'vitest';
import { readSemanticEnv, tokenSecret } from '../src/env.js';

const secret = 'k'.repeat(40);

describe('tokenSecret', () => {
  it.each([
    ['PPM_CUBE_SECRET', { PPM_CUBE_SECRET: secret }],
    ['CUBEJS_API_SECRET', { CUBEJS_API_SECRET: secret }],
    ['both, when they agree', { PPM_CUBE_SECRET: secret, CUBEJS_API_SECRET: secret }],
  ])('reads %s', (_name, env) => {
    expect(tokenSecret(env)).toBe(secret);
  });

  it.each([
    ['no secret (there is no default)', {}, /No token secret: set PPM_CUBE_SECRET/],
    ['a short secret', { PPM_CUBE_SECRET: 'short' }, /too short/],
    ['two different secrets', { PPM_CUBE_SECRET: secret, CUBEJS_API_SECRET: `${secret}x` }, /both set and differ/],
  ])('refuses %s', (_name, env, message) => {
    expect(() => tokenSecret(env)).toThrow(message);
  });
});

describe('readSemanticEnv', () => {
  it('has defaults for everything but the secret', () => {
    expect(readSemanticEnv({ PPM_CUBE_SECRET: secret })).toEqual({
      port: 4000,
      host: '127.0.0.1',
      mode: 'auto',
      refreshSeconds: 60,
      secret,
      jwkUrl: undefined,
      cubeDir: undefined,
      fiscalYearStartMonth: undefined,
    });
  });

  it('needs no secret when tokens are verified against a JWKS', () => {
    expect(readSemanticEnv({ CUBEJS_JWK_URL: 'https://idp.example/.well-known/jwks.json' }).secret).toBeUndefined();
  });

  it('names the variable that is wrong', () => {
    expect(() => readSemanticEnv({ PPM_CUBE_SECRET: secret, PPM_SEMANTIC_PORT: 'http' })).toThrow(/PPM_SEMANTIC_PORT/);
    expect(() => readSemanticEnv({ PPM_CUBE_SECRET: secret, PPM_SEMANTIC_MODE: 'cloud' })).toThrow(/PPM_SEMANTIC_MODE/);
    expect(() => readSemanticEnv({ PPM_CUBE_SECRET: secret, PPM_FISCAL_YEAR_START_MONTH: '13' })).toThrow(/PPM_FISCAL_YEAR_START_MONTH/);
  });
});
