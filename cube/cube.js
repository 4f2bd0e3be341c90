'use strict';
// Cube configuration of the partner performance semantic layer. The same file serves
// Cube's official Docker image (mounted at /cube/conf) and apps/semantic-api, which adds a
// Postgres driverFactory from its DATABASE_URL. See docs/adr/0007-semantic-layer-serving.md.
//
// Environment (Cube's own variables unless noted):
//   CUBEJS_DB_TYPE=postgres, CUBEJS_DB_HOST / _PORT / _NAME / _USER / _PASS  the warehouse
//   CUBEJS_API_SECRET          HS256 secret of the tokens (`ppm token` mints them)
//   CUBEJS_JWK_URL             verify RS256/ES256 tokens against a JWKS instead
//   CUBEJS_JWT_AUDIENCE, CUBEJS_JWT_ISSUER, CUBEJS_JWT_ALGS, CUBEJS_JWT_CLAIMS_NAMESPACE
//   CUBEJS_REFRESH_WORKER      refresh pre-aggregations on a schedule in this instance
//   CUBEJS_PRE_AGGREGATIONS_SCHEMA  where rollups are stored (default pre_aggregations)
//   PPM_FISCAL_YEAR_START_MONTH (ours) or PPM_CONFIG_DIR/program.yml  fiscal calendar
const access = require('./access.js');

// Refusals are 403 when Cube's error class is reachable (it is in the Docker image).
function handlerErrorClass() {
  try {
    return require('@cubejs-backend/api-gateway').CubejsHandlerError;
  } catch {
    return undefined;
  }
}

const HandlerError = handlerErrorClass();

function asCubeError(error) {
  if (HandlerError && error instanceof access.AccessDenied) return new HandlerError(403, 'Forbidden', error.message);
  return error;
}

// The SQL API takes a token as password; verified with the HS256 secret when Cube's
// jsonwebtoken dependency is reachable (in the Docker image; apps/semantic-api adds it).
function hs256Verifier(env) {
  if (!env.CUBEJS_API_SECRET) return undefined;
  try {
    const jwt = require('jsonwebtoken');
    return (token) => jwt.verify(token, env.CUBEJS_API_SECRET, { algorithms: ['HS256'] });
  } catch {
    return undefined;
  }
}

const verifyToken = hs256Verifier(process.env);

function jwtOptions(env) {
  const algorithms = env.CUBEJS_JWT_ALGS ? undefined : env.CUBEJS_JWK_URL ? ['RS256', 'RS384', 'RS512', 'ES256', 'ES384', 'ES512'] : ['HS256'];
  // Only set what Cube would not read from its own CUBEJS_JWT_* variables.
  return algorithms ? { algorithms } : {};
}

module.exports = {
  jwt: jwtOptions(process.env),

  contextToApiScopes: async (securityContext) => access.apiScopes(securityContext),

  ...(verifyToken ? { checkSqlAuth: access.sqlAuth(verifyToken) } : {}),

  queryRewrite: async (query, { securityContext }) => {
    try {
      return access.rewriteQuery(query, securityContext);
    } catch (error) {
      throw asCubeError(error);
    }
  },

  // One compiled model for everyone: row security comes from queryRewrite, not the model.
  contextToAppId: () => 'ppm',
  contextToOrchestratorId: () => 'ppm',
  scheduledRefreshContexts: async () => [{ securityContext: { role: 'program_admin' } }],

  // Refresh the rollups every minute in this instance unless CUBEJS_REFRESH_WORKER=false
  // (API instances behind a separate refresh worker). The pipeline also refreshes them right
  // after it rebuilds the marts (refreshPreAggregations in @ppm/semantic).
  scheduledRefreshTimer: process.env.CUBEJS_REFRESH_WORKER === 'false' ? false : 60,

  // Rollups live in the warehouse (external: false in the model): Cube Store, the
  // production option for large installs, is not installable on air-gapped machines.
  preAggregationsSchema: process.env.CUBEJS_PRE_AGGREGATIONS_SCHEMA || 'pre_aggregations',
};
