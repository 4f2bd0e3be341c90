import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { readRuntimeEnv, serviceStatus, startServices, ServiceError } from '@ppm/runtime';
import { describe, expect, inject, it } from 'vitest';

function tempDataDir(): string {
  return mkdtempSync(join(inject('runDir'), 'runtime-'));
}

describe('runtime services', () => {
  it('refuses a DATABASE_URL whose server is down within seconds, naming the URL without its password', async () => {
    const env = readRuntimeEnv({ DATABASE_URL: 'postgres://ppm:secret@127.0.0.1:9/warehouse', TEMPORAL_ADDRESS: '127.0.0.1:9' });
    const started = Date.now();
    const error = await startServices({ env, dataDir: tempDataDir() }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ServiceError);
    expect((error as Error).message).toMatch(/Cannot connect to PostgreSQL at DATABASE_URL=postgres:\/\/ppm:\*\*\*@127\.0\.0\.1:9\/warehouse/);
    expect((error as Error).message).not.toContain('secret');
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('rejects a malformed DATABASE_URL naming the variable', () => {
    expect(() => readRuntimeEnv({ DATABASE_URL: 'mysql://x' })).toThrowError(/DATABASE_URL/);
  });

  it('reuses running services on the same data directory, keeps data, and stops them with no process left', async () => {
    const dataDir = tempDataDir();
    const env = readRuntimeEnv({});
    try {
      const first = await startServices({ env, dataDir });
      expect(first.origin).toEqual({ postgres: 'started', temporal: 'started' });
      const second = await startServices({ env, dataDir });
      expect(second.origin).toEqual({ postgres: 'reused', temporal: 'reused' });
      expect(second.databaseUrl).toBe(first.databaseUrl);
      await second.stop();
      await first.stop();
      expect(serviceStatus({ env, dataDir }).filter((status) => status.running)).toEqual([]);

      const restarted = await startServices({ env, dataDir });
      expect(restarted.origin.postgres).toBe('started');
      await restarted.stop();
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
