#!/usr/bin/env node
/**
 * The semantic API: Cube on the repository's cube/ folder. Cube's own server where its
 * native module is installed (REST, GraphQL, SQL API); otherwise the offline REST API of
 * @ppm/semantic (load, meta, sql, dry-run) with the same tokens and row security.
 * See docs/adr/0007-semantic-layer-serving.md.
 */
import { readRuntimeEnv, redactUrl, startServices } from '@ppm/runtime';
import {
  createSemanticCore,
  nativeModuleStatus,
  nativeOnlyApis,
  programFiscalYearStartMonth,
  readSemanticEnv,
  startOfflineServer,
  type SemanticCoreOptions,
} from '@ppm/semantic';
import { readApiEnv } from './env.js';
import { createLog, type Log } from './log.js';
import { startNativeServer } from './native-server.js';

interface Running {
  readonly url: string;
  close(): Promise<void>;
}

function chooseMode(requested: 'auto' | 'native' | 'offline', log: Log): 'native' | 'offline' {
  const native = nativeModuleStatus();
  if (requested === 'native' && !native.available) {
    throw new Error(`PPM_SEMANTIC_MODE=native but Cube's native module does not load (${native.reason ?? 'unknown reason'}); reinstall with access to GitHub releases or use PPM_SEMANTIC_MODE=offline`);
  }
  if (requested === 'offline' || !native.available) {
    log('Cube native module not available: serving the offline REST API (load, meta, sql, dry-run)', {
      reason: native.reason,
      needsNativeModule: Object.values(nativeOnlyApis),
    });
    return 'offline';
  }
  return 'native';
}

async function start(options: SemanticCoreOptions, mode: 'native' | 'offline', port: number, host: string, sqlPort: number | undefined, log: Log): Promise<Running> {
  if (mode === 'native') {
    const server = await startNativeServer(options, port, sqlPort);
    log('Semantic API running Cube\'s own server (REST, GraphQL, SQL API)', { url: `${server.url}/cubejs-api/v1`, sqlPort });
    return server;
  }
  const core = createSemanticCore(options);
  const server = await startOfflineServer({ core, port, host, log: (line) => log(line) });
  log('Semantic API running in offline mode (REST only)', { url: `${server.url}/cubejs-api/v1` });
  return {
    url: server.url,
    close: async () => {
      await server.close();
      await core.close();
    },
  };
}

function onShutdownSignal(log: Log, cleanup: () => Promise<void>): void {
  let stopping = false;
  const handler = (signal: NodeJS.Signals) => {
    if (stopping) process.exit(130);
    stopping = true;
    log(`${signal}: shutting down`);
    cleanup().then(
      () => process.exit(0),
      (error: unknown) => {
        process.stderr.write(`shutdown failed: ${error instanceof Error ? error.message : String(error)}\n`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
}

async function main(): Promise<void> {
  const env = readSemanticEnv();
  const apiEnv = readApiEnv();
  const log = createLog(apiEnv.logFormat);
  const services = await startServices({ env: readRuntimeEnv(), withoutTemporal: true, log: (line) => log(line) });
  try {
    const mode = chooseMode(env.mode, log);
    const options: SemanticCoreOptions = {
      databaseUrl: services.databaseUrl,
      apiSecret: env.secret,
      cubeDir: env.cubeDir,
      scheduledRefresh: env.refreshSeconds,
      fiscalYearStartMonth: env.fiscalYearStartMonth ?? programFiscalYearStartMonth(),
    };
    log('Warehouse', { database: redactUrl(services.databaseUrl), auth: env.jwkUrl ? 'JWKS (CUBEJS_JWK_URL)' : 'HS256 (PPM_CUBE_SECRET)' });
    const running = await start(options, mode, env.port, env.host, apiEnv.sqlPort, log);
    onShutdownSignal(log, async () => {
      await running.close();
      await services.stop();
    });
  } catch (error) {
    await services.stop();
    throw error;
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}\n`);
  process.exit(1);
});
