/**
 * The offline REST API: a small HTTP server in front of Cube's ApiGateway for installs
 * without Cube's native module. It routes the REST endpoints to the gateway's own
 * handlers (load, sql, meta, dry-run), authenticates with the gateway's own checkAuth
 * (JWT or JWKS, cube.js), and only adds what the native module does in Cube's server: the
 * final /load JSON (result.ts).
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { apiGateway as apiGatewayPackage } from '../cube-modules.js';
import type { OfflineServerCore } from './classes.js';
import { nativeOnlyApis, nativeRequired } from './classes.js';
import { finalResult, isResultWrapper } from './result.js';

const { CubejsHandlerError } = apiGatewayPackage;
const basePath = '/cubejs-api';
const maxBodyBytes = 1024 * 1024;

type Gateway = ReturnType<OfflineServerCore['gateway']>;
type Params = Record<string, unknown>;
type Handler = (gateway: Gateway, params: Params, context: Awaited<ReturnType<Gateway['contextByReq']>>, res: Reply) => Promise<void>;
type Reply = (message: unknown, extra?: { status?: number }) => void;

export interface OfflineServerOptions {
  readonly core: OfflineServerCore;
  readonly port: number;
  readonly host?: string;
  /** One line per request and per problem; never given tokens. */
  readonly log?: (line: string) => void;
}

export interface RunningServer {
  readonly url: string;
  readonly server: Server;
  close(): Promise<void>;
}

/** Cube's gateway methods that the TypeScript declarations mark protected (dryRun). */
interface ProtectedGateway {
  dryRun(request: { query: unknown; context: unknown; res: Reply }): Promise<void>;
}

const routes: Record<string, Handler> = {
  '/v1/load': (gateway, params, context, res) =>
    gateway.load({ query: params.query as never, queryType: params.queryType as never, cacheMode: params.cache as never, context, res }),
  '/v1/sql': (gateway, params, context, res) => {
    if (params.format === 'sql') return Promise.reject(nativeRequired(nativeOnlyApis.sql));
    return gateway.sql({ query: params.query as never, context, res });
  },
  '/v1/meta': (gateway, params, context, res) =>
    'extended' in params
      ? gateway.metaExtended({ context, res, onlyViews: params.onlyViews === 'true' })
      : gateway.meta({ context, res, onlyViews: params.onlyViews === 'true' }),
  '/v1/dry-run': (gateway, params, context, res) => (gateway as unknown as ProtectedGateway).dryRun({ query: params.query, context, res }),
};

const nativeRoutes: Record<string, string> = {
  '/graphql': nativeOnlyApis.graphql,
  '/v1/graphql-to-json': nativeOnlyApis.graphql,
  '/v1/cubesql': nativeOnlyApis.sql,
};

function send(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  response.end(text);
}

function cors(request: IncomingMessage, response: ServerResponse): void {
  response.setHeader('access-control-allow-origin', request.headers.origin ?? '*');
  response.setHeader('access-control-allow-headers', 'authorization,content-type,x-request-id,x-cube-authorization');
  response.setHeader('access-control-allow-methods', 'GET,POST,OPTIONS');
}

async function readBody(request: IncomingMessage): Promise<Params> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > maxBodyBytes) throw new CubejsHandlerError(413, 'Payload Too Large', `The request body is larger than ${maxBodyBytes} bytes.`);
    chunks.push(chunk as Buffer);
  }
  if (size === 0) return {};
  try {
    const body: unknown = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    if (typeof body === 'object' && body !== null && !Array.isArray(body)) return body as Params;
  } catch {
    // Answered below.
  }
  throw new CubejsHandlerError(400, 'Bad Request', 'The request body must be a JSON object.');
}

/** The token from `Authorization: Bearer <jwt>`, `Authorization: <jwt>` or `x-cube-authorization`, as Cube reads it. */
function bearerToken(request: IncomingMessage): string | undefined {
  const header = request.headers['x-cube-authorization'] ?? request.headers.authorization;
  if (typeof header !== 'string') return undefined;
  const parts = header.split(' ', 2);
  return parts.length === 1 ? parts[0] : parts[1];
}

async function handle(core: OfflineServerCore, request: IncomingMessage, response: ServerResponse): Promise<number> {
  cors(request, response);
  const url = new URL(request.url ?? '/', 'http://localhost');
  if (request.method === 'OPTIONS') {
    response.writeHead(204).end();
    return 204;
  }
  if (url.pathname === '/livez' || url.pathname === '/readyz') {
    send(response, 200, { health: 'HEALTH' });
    return 200;
  }
  const path = url.pathname.startsWith(basePath) ? url.pathname.slice(basePath.length) : undefined;
  const handler = path === undefined ? undefined : routes[path];
  const nativeApi = path === undefined ? undefined : nativeRoutes[path];
  if (!handler && !nativeApi) {
    send(response, 404, { error: `Not found: ${url.pathname}. The offline REST API serves ${basePath}/v1/load, /v1/sql, /v1/meta and /v1/dry-run.` });
    return 404;
  }
  if (request.method !== 'GET' && request.method !== 'POST') {
    send(response, 405, { error: `Use GET or POST for ${url.pathname}.` });
    return 405;
  }
  const gateway = core.gateway();
  const authRequest = { headers: request.headers, get: (name: string) => request.headers[name.toLowerCase()] } as Record<string, unknown>;
  const auth: { securityContext: unknown } = await gateway.checkAuthFn(authRequest, bearerToken(request));
  if (nativeApi) throw nativeRequired(nativeApi);
  const params = request.method === 'POST' ? await readBody(request) : Object.fromEntries(url.searchParams);
  const requestId = typeof request.headers['x-request-id'] === 'string' ? request.headers['x-request-id'] : `${randomUUID()}-span-1`;
  const context = await gateway.contextByReq(authRequest, auth.securityContext, requestId);
  let status = 200;
  await handler?.(gateway, params, context, (message, extra) => {
    status = extra?.status ?? 200;
    send(response, status, isResultWrapper(message) ? finalResult(message) : message);
  });
  return status;
}

function failure(error: unknown): { status: number; body: Params } {
  if (error instanceof CubejsHandlerError) return { status: error.status, body: { error: error.message } };
  const message = error instanceof Error ? error.message : String(error);
  if ((error as { type?: unknown }).type === 'UserError') return { status: 400, body: { error: message } };
  return { status: 500, body: { error: message } };
}

/** Starts the offline REST API; resolves once it listens. */
export async function startOfflineServer(options: OfflineServerOptions): Promise<RunningServer> {
  const log = options.log ?? (() => undefined);
  const server = createServer((request, response) => {
    const started = performance.now();
    handle(options.core, request, response)
      .catch((error: unknown) => {
        const { status, body } = failure(error);
        if (!response.headersSent) send(response, status, body);
        if (status === 500) log(`error ${request.method} ${request.url?.split('?')[0]}: ${String(body.error)}`);
        return status;
      })
      .then((status) => log(`${request.method} ${request.url?.split('?')[0]} ${status} ${Math.round(performance.now() - started)} ms`))
      .catch(() => undefined);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host ?? '127.0.0.1', () => resolve());
  });
  const address = server.address() as AddressInfo;
  return {
    url: `http://${options.host ?? '127.0.0.1'}:${address.port}`,
    server,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
