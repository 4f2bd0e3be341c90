import { describe, expect, it } from 'vitest';
import { readApiEnv } from '../src/env.js';

describe('readApiEnv', () => {
  it('serves the SQL API on 15432 unless told otherwise', () => {
    expect(readApiEnv({ LOG_FORMAT: 'json' })).toEqual({ sqlPort: 15432, logFormat: 'json' });
    expect(readApiEnv({ PPM_SEMANTIC_SQL_PORT: '0', LOG_FORMAT: 'text' }).sqlPort).toBeUndefined();
  });

  it('names the variable that is wrong', () => {
    expect(() => readApiEnv({ PPM_SEMANTIC_SQL_PORT: 'pg' })).toThrow(/PPM_SEMANTIC_SQL_PORT/);
    expect(() => readApiEnv({ LOG_FORMAT: 'xml' })).toThrow(/LOG_FORMAT/);
  });
});
