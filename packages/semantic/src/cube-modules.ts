/**
 * Cube's packages are CommonJS. Loading them with require gives the same module objects
 * under Node's ESM loader and under test runners that transform ESM (vitest), whose
 * default-import interop differs for modules marked __esModule.
 */
import { createRequire } from 'node:module';
import type * as ApiGatewayModule from '@cubejs-backend/api-gateway';
import type * as ApiGatewayQueryModule from '@cubejs-backend/api-gateway/dist/src/query.js';
import type * as PostgresDriverModule from '@cubejs-backend/postgres-driver';
import type * as ServerCoreModule from '@cubejs-backend/server-core';

const require = createRequire(import.meta.url);

export const apiGateway = require('@cubejs-backend/api-gateway') as typeof ApiGatewayModule;
export const apiGatewayQuery = require('@cubejs-backend/api-gateway/dist/src/query.js') as typeof ApiGatewayQueryModule;
export const serverCore = require('@cubejs-backend/server-core') as typeof ServerCoreModule;
export const postgresDriver = require('@cubejs-backend/postgres-driver') as typeof PostgresDriverModule;
