/**
 * Cube's server-core on the repository's cube/ folder with a Postgres driver: the options
 * both serving modes share, and the offline core (compiler + orchestrator + gateway
 * without the native module).
 */
import { relative, join } from 'node:path';
import type { CreateOptions } from '@cubejs-backend/server-core';
import jwt from 'jsonwebtoken';
import { apiGateway as apiGatewayPackage, postgresDriver as postgresDriverPackage } from './cube-modules.js';
import { defaultCubeDir, loadAccessRules, loadCubeConfig, type CubeFolderConfig } from './cube-folder.js';
import { OfflineServerCore } from './offline/classes.js';

const { CubejsHandlerError } = apiGatewayPackage;
const { PostgresDriver } = postgresDriverPackage;
type Driver = InstanceType<typeof PostgresDriver>;

export type CubeLogger = (message: string, params: Record<string, unknown>) => void;

export interface SemanticCoreOptions {
  /** PostgreSQL URL of the warehouse (the marts and scores schemas). */
  readonly databaseUrl: string;
  /** The cube/ folder; default PPM_CUBE_DIR or the repository's cube/. */
  readonly cubeDir?: string;
  /** HS256 secret of the tokens; omit when CUBEJS_JWK_URL verifies them. */
  readonly apiSecret?: string;
  /** Seconds between scheduled pre-aggregation refreshes in this process; 0 or false = none. */
  readonly scheduledRefresh?: number | false;
  /** First month of the fiscal year (else PPM_FISCAL_YEAR_START_MONTH or config/program.yml). */
  readonly fiscalYearStartMonth?: number;
  /** Schema of the rollup tables (default: cube.js, i.e. pre_aggregations). */
  readonly preAggregationsSchema?: string;
  /** Cube's structured log events; default: errors and warnings to stderr. */
  readonly logger?: CubeLogger;
  /** Connections to PostgreSQL (default 8). */
  readonly maxPoolSize?: number;
  /**
   * Re-read refresh keys (max(updated_at) of the marts) when older than this many seconds,
   * instead of their `every`. Cube caches them per process.
   */
  readonly refreshKeyRenewalSeconds?: number;
}

/**
 * Process-wide settings Cube reads from the environment. Kept when already set, so a
 * deployment can choose otherwise (e.g. the Tesseract planner where the native module is).
 */
function applyCubeEnvironment(options: SemanticCoreOptions): void {
  process.env.CUBEJS_DB_TYPE ??= 'postgres';
  // JavaScript transpilation and the classic SQL planner: the native ones need the binary,
  // and the tests check the numbers of the classic planner.
  process.env.CUBEJS_TRANSPILATION_NATIVE ??= 'false';
  process.env.CUBEJS_TESSERACT_SQL_PLANNER ??= 'false';
  process.env.CUBEJS_TELEMETRY ??= 'false';
  if (options.fiscalYearStartMonth !== undefined) process.env.PPM_FISCAL_YEAR_START_MONTH = String(options.fiscalYearStartMonth);
}

const defaultLogger: CubeLogger = (message, params) => {
  if (params.error !== undefined || params.warning !== undefined) {
    process.stderr.write(`cube: ${message}: ${String(params.error ?? params.warning).split('\n')[0]}\n`);
  }
};

/** Refusals from cube/access.js become 403 (cube.js cannot reach Cube's error class outside its image). */
function withForbidden(config: CubeFolderConfig): CubeFolderConfig['queryRewrite'] {
  return async (query, context) => {
    try {
      return await config.queryRewrite(query, context);
    } catch (error) {
      if (error instanceof Error && (error as { status?: unknown }).status === 403) throw new CubejsHandlerError(403, 'Forbidden', error.message);
      throw error;
    }
  };
}

/** The SQL API's token-as-password check of cube.js, where cube.js cannot load jsonwebtoken itself. */
function sqlTokenAuth(cubeDir: string, secret: string | undefined): CreateOptions['checkSqlAuth'] {
  if (!secret) return undefined;
  return loadAccessRules(cubeDir).sqlAuth((token) => jwt.verify(token, secret, { algorithms: ['HS256'] }));
}

/** Cube's CreateOptions for cube/: cube.js plus the driver, model path and process settings. */
export function semanticServerOptions(options: SemanticCoreOptions, onDriver: (driver: Driver) => void = () => undefined): CreateOptions {
  const trackDriver = (driver: Driver) => {
    onDriver(driver);
    return driver;
  };
  applyCubeEnvironment(options);
  const cubeDir = options.cubeDir ?? defaultCubeDir();
  const config = loadCubeConfig(cubeDir);
  const refresh = options.scheduledRefresh === undefined ? config.scheduledRefreshTimer : options.scheduledRefresh || false;
  return {
    ...(config as CreateOptions),
    queryRewrite: withForbidden(config) as CreateOptions['queryRewrite'],
    checkSqlAuth: (config.checkSqlAuth as CreateOptions['checkSqlAuth']) ?? sqlTokenAuth(cubeDir, options.apiSecret),
    // Cube's file repository resolves the model folder against the working directory.
    schemaPath: relative(process.cwd(), join(cubeDir, 'model')) || '.',
    apiSecret: options.apiSecret,
    driverFactory: () =>
      trackDriver(
        new PostgresDriver({
          connectionString: options.databaseUrl,
          maxPoolSize: options.maxPoolSize ?? 8,
          // Rollup builds commit synchronously even where the server commits asynchronously
          // (the embedded PostgreSQL): VACUUM marks pages all-visible only once the commit
          // that wrote them is flushed (rollup-vacuum.ts). Read-only queries pay nothing.
          options: '-c synchronous_commit=on',
        }),
      ),
    logger: options.logger ?? defaultLogger,
    devServer: false,
    telemetry: false,
    scheduledRefreshTimer: refresh as CreateOptions['scheduledRefreshTimer'],
    ...(options.preAggregationsSchema ? { preAggregationsSchema: options.preAggregationsSchema } : {}),
    orchestratorOptions: {
      // An API instance builds a missing rollup when a query needs it, instead of waiting
      // for a separate refresh worker.
      preAggregationsOptions: { externalRefresh: false },
      ...(options.refreshKeyRenewalSeconds ? { queryCacheOptions: { refreshKeyRenewalThreshold: options.refreshKeyRenewalSeconds } } : {}),
    },
  };
}

/**
 * Cube's server-core without the native module: compiler, query orchestrator and the API
 * gateway's request handling. Call `close()` when done: it also releases every driver Cube
 * created, since Cube's shutdown leaves some pools open (two connections per core, measured).
 */
export function createSemanticCore(options: SemanticCoreOptions): OfflineServerCore {
  const drivers = new Set<Driver>();
  const core = new OfflineServerCore(semanticServerOptions(options, (driver) => drivers.add(driver)));
  core.onClose(async () => {
    await Promise.all([...drivers].map((driver) => driver.release().catch(() => undefined)));
    drivers.clear();
  });
  return core;
}
