/**
 * Cube's own classes with the two seams that load Cube's native module replaced, so the
 * compiler, the query orchestrator and the API gateway's request handling run without it
 * (shared ENVIRONMENT.md). Everything else is Cube's code: query normalization,
 * queryRewrite, contextToApiScopes, JWT checks, SQL generation, pre-aggregation matching
 * and building, caching and error handling.
 */
import { apiGateway as apiGatewayPackage, serverCore as serverCorePackage } from '../cube-modules.js';
import type { CreateOptions } from '@cubejs-backend/server-core';

const { ApiGateway, CubejsHandlerError } = apiGatewayPackage;
const { CompilerApi, CubejsServerCore } = serverCorePackage;

type CompilerApiArgs = ConstructorParameters<typeof CompilerApi>;
type SchemaFileRepository = ReturnType<NonNullable<CreateOptions['repositoryFactory']>>;
type GatewayArgs = ConstructorParameters<typeof ApiGateway>;
type RefreshScheduler = InstanceType<typeof serverCorePackage.RefreshScheduler>;

/** The APIs that need the native module, with the message a client gets from them. */
export const nativeOnlyApis = {
  graphql: 'GraphQL API (/cubejs-api/graphql)',
  sql: 'SQL API (Postgres wire protocol; /cubejs-api/v1/cubesql and /v1/sql?format=sql)',
} as const;

export function nativeRequired(api: string): InstanceType<typeof CubejsHandlerError> {
  return new CubejsHandlerError(
    501,
    'Not Implemented',
    `The ${api} needs Cube's native module (@cubejs-backend/native), which is not installed here. The REST API (/cubejs-api/v1/load, /meta, /sql) works; see docs/bi.md.`,
  );
}

/** Jinja and Python model files need the native module; YAML and JavaScript ones do not. */
const withoutNative = {
  newJinjaEngine: () => ({
    loadTemplate: () => {
      throw new Error('Jinja templates in model files need Cube\'s native module; this model uses YAML and JavaScript only.');
    },
  }),
  loadPythonContext: () => Promise.reject(new Error('Python model files need Cube\'s native module.')),
};

class OfflineCompilerApi extends CompilerApi {
  override createNativeInstance(): ReturnType<InstanceType<typeof CompilerApi>['createNativeInstance']> {
    return withoutNative as unknown as ReturnType<InstanceType<typeof CompilerApi>['createNativeInstance']>;
  }
}

/** The SQL API interface object; its calls answer 501 instead of loading the binary. */
const offlineSqlServer = {
  sql4sql: () => Promise.reject(nativeRequired(nativeOnlyApis.sql)),
  execSql: () => Promise.reject(nativeRequired(nativeOnlyApis.sql)),
  rest4sql: () => Promise.reject(nativeRequired(nativeOnlyApis.sql)),
  init: () => Promise.reject(nativeRequired(nativeOnlyApis.sql)),
  close: () => Promise.resolve(),
};

class OfflineApiGateway extends ApiGateway {
  protected override createSQLServerInstance(): ReturnType<InstanceType<typeof ApiGateway>['getSQLServer']> {
    return offlineSqlServer as unknown as ReturnType<InstanceType<typeof ApiGateway>['getSQLServer']>;
  }
}

/** CubejsServerCore whose compiler and gateway run without the native module. */
export class OfflineServerCore extends CubejsServerCore {
  protected override createCompilerApi(repository: SchemaFileRepository, options: Record<string, unknown> = {}): InstanceType<typeof CompilerApi> {
    const dbType = (options.dbType ?? this.options.dbType) as CompilerApiArgs[1];
    return new OfflineCompilerApi(repository, dbType, this.createCompilerApiOptions(options));
  }

  protected override createApiGatewayInstance(...[apiSecret, getCompilerApi, getOrchestratorApi, logger, options]: GatewayArgs): InstanceType<typeof ApiGateway> {
    return new OfflineApiGateway(apiSecret, getCompilerApi, getOrchestratorApi, logger, { ...options, enforceSecurityChecks: true });
  }

  /** Cube's request handling (load, meta, sql, auth) for the offline HTTP server. */
  gateway(): InstanceType<typeof ApiGateway> {
    return this.apiGateway();
  }

  private readonly closeHooks: (() => Promise<void>)[] = [];

  /** Work to run after Cube's own shutdown (releasing the drivers it created). */
  onClose(hook: () => Promise<void>): void {
    this.closeHooks.push(hook);
  }

  /** Stops the scheduled refresh and closes the connections. */
  async close(): Promise<void> {
    await this.beforeShutdown();
    await this.shutdown();
    for (const hook of this.closeHooks) await hook();
  }

  /** The schema the rollup tables of this context live in (preAggregationsSchema). */
  async rollupSchema(context: Parameters<InstanceType<typeof CubejsServerCore>['getOrchestratorApi']>[0]): Promise<string> {
    return this.preAggregationsSchema(context);
  }

  /** Cube's manual pre-aggregation build (what its pre-aggregation jobs API runs). */
  buildPreAggregations(...args: Parameters<RefreshScheduler['buildPreAggregations']>): ReturnType<RefreshScheduler['buildPreAggregations']> {
    return this.getRefreshScheduler().buildPreAggregations(...args);
  }
}

/** With the native module: Cube's own classes, with security checks always enforced. */
export class EnforcingServerCore extends CubejsServerCore {
  protected override createApiGatewayInstance(...[apiSecret, getCompilerApi, getOrchestratorApi, logger, options]: GatewayArgs): InstanceType<typeof ApiGateway> {
    return new ApiGateway(apiSecret, getCompilerApi, getOrchestratorApi, logger, { ...options, enforceSecurityChecks: true });
  }
}
