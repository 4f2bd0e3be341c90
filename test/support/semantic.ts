/**
 * A semantic API over a real warehouse for end-to-end tests: a generated ecosystem loaded
 * and modelled as the pipeline does, scores inserted, and the offline REST server of
 * @ppm/semantic on a free port, queried with Cube's JavaScript client.
 */
import { join } from 'node:path';
import cube, { type CubeApi, type Query } from '@cubejs-client/core';
import { defaultProgramConfig } from '@ppm/core';
import { filesSourceAt, loadSource } from '@ppm/etl';
import { generateEcosystem } from '@ppm/generator';
import { createSemanticCore, mintToken, startOfflineServer, type OfflineServerCore, type RunningServer, type TokenClaims } from '@ppm/semantic';
import { loadProject, runModels } from '@ppm/warehouse';
import type { TestDatabase } from './database.js';
import { tempFolder } from './files.js';
import { insertScores } from './semantic-scores.js';

export const semanticSecret = 'semantic-e2e-secret-0123456789abcdef';

/** The last complete month of the generated data. */
export const dataEnd = '2026-09';

export interface WarehouseOptions {
  readonly partners?: number;
  readonly months?: number;
  readonly seed?: number;
}

/** Generates, loads and models an ecosystem, then adds scores (about 15 s for 150 partners). */
export async function buildSemanticWarehouse(test: TestDatabase, options: WarehouseOptions = {}): Promise<void> {
  const out = tempFolder('semantic');
  await generateEcosystem({ partners: options.partners ?? 150, months: options.months ?? 18, seed: options.seed ?? 7, end: dataEnd, dirty: false, out });
  const summary = await loadSource({ db: test.db, config: defaultProgramConfig, source: 'generated' }, filesSourceAt('generated', join(out, 'data')));
  if (summary.failed.length) throw new Error(`loading the generated ecosystem failed: ${JSON.stringify(summary.failed)}`);
  const results = await runModels(test.db, await loadProject());
  const failed = results.filter((result) => result.status !== 'success');
  if (failed.length) throw new Error(`models failed: ${failed.map((result) => `${result.name}: ${result.error ?? result.status}`).join('; ')}`);
  await insertScores(test.db);
}

export interface SemanticApi {
  readonly url: string;
  readonly core: OfflineServerCore;
  /** Cube's JavaScript client with a token for these claims. */
  client(claims: TokenClaims): CubeApi;
  /** Cube's JavaScript client with the given raw token (or none). */
  clientWithToken(token: string | undefined): CubeApi;
  close(): Promise<void>;
}

export async function startSemanticApi(test: TestDatabase, options: { readonly fiscalYearStartMonth?: number } = {}): Promise<SemanticApi> {
  const core = createSemanticCore({ databaseUrl: test.url, apiSecret: semanticSecret, scheduledRefresh: false, logger: () => undefined, maxPoolSize: 4, ...options });
  const server: RunningServer = await startOfflineServer({ core, port: 0 });
  const clientWithToken = (token: string | undefined) => cube(token ?? '', { apiUrl: `${server.url}/cubejs-api/v1` });
  return {
    url: server.url,
    core,
    client: (claims) => clientWithToken(mintToken(claims, { secret: semanticSecret, expiresIn: '10m' })),
    clientWithToken,
    close: async () => {
      await server.close();
      await core.close();
    },
  };
}

/** Rows of a Cube result set keyed by member, as returned by the REST API. */
export async function loadRows(api: CubeApi, query: Query): Promise<Record<string, unknown>[]> {
  const result = await api.load(query);
  return result.rawData() as Record<string, unknown>[];
}

/** The pre-aggregations that served a query (empty when it read the marts). */
export async function usedPreAggregations(api: CubeApi, query: Query): Promise<string[]> {
  const result = await api.load(query);
  const response = result.serialize().loadResponse as { results: { usedPreAggregations?: Record<string, { preAggregationId?: string }> }[] };
  return response.results.flatMap((entry) => Object.values(entry.usedPreAggregations ?? {}).map((used) => used.preAggregationId ?? ''));
}
