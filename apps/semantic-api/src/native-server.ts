/**
 * Cube's own server (@cubejs-backend/server) on cube/: REST, GraphQL and the SQL API
 * (Postgres wire protocol). Needs Cube's native module.
 */
import { createRequire } from 'node:module';
import type * as ServerModule from '@cubejs-backend/server';
import { EnforcingServerCore, semanticServerOptions, type SemanticCoreOptions } from '@ppm/semantic';

// CommonJS, loaded by require as in @ppm/semantic (cube-modules.ts).
const { CubejsServer } = createRequire(import.meta.url)('@cubejs-backend/server') as typeof ServerModule;

type ServerConfig = ConstructorParameters<typeof CubejsServer>[0];
type SystemOptions = ConstructorParameters<typeof CubejsServer>[1];

/** CubejsServer whose API gateway always enforces token checks (Cube relaxes them outside NODE_ENV=production). */
class SemanticCubeServer extends CubejsServer {
  override createCoreInstance(config: ServerConfig, systemOptions?: SystemOptions): InstanceType<typeof EnforcingServerCore> {
    return new EnforcingServerCore(config, systemOptions);
  }
}

export interface NativeServer {
  readonly url: string;
  readonly sqlPort: number | undefined;
  close(): Promise<void>;
}

export async function startNativeServer(options: SemanticCoreOptions, port: number, sqlPort: number | undefined): Promise<NativeServer> {
  // Cube's server reads its HTTP port from PORT.
  process.env.PORT = String(port);
  const server = new SemanticCubeServer({ ...semanticServerOptions(options), ...(sqlPort ? { pgSqlPort: sqlPort } : {}) });
  const { port: listening } = await server.listen();
  return {
    url: `http://127.0.0.1:${String(listening)}`,
    sqlPort,
    close: () => server.close(),
  };
}
