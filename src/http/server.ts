import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import type { App } from '../core/app.ts';
import { memoiseReplies } from '../core/reply-memo.ts';
import { MAX_BODY_BYTES, readBoundedBody } from './body.ts';
import type { RestOptions } from '../delivery/rest.ts';
import { parseInteraction } from '../delivery/interaction.ts';
import { createMetrics, type HttpMetrics } from './metrics.ts';
import { metricsAllowed, type MetricsRoute } from './metrics-access.ts';
import { createResponder, type FirstAnswer, type InteractionKindLabel } from '../delivery/respond.ts';
import { createVerifier, type Verdict } from './verify.ts';

export interface InteractionsServerOptions {
  /** The shared app; while a promise is pending, /healthz answers 503 and interactions are refused with 503. */
  app: App | Promise<App>;
  /** DISCORD_PUBLIC_KEY: 64 hex characters. */
  publicKey: string;
  logger: Logger;
  /** DISCORD_API_BASE, for replies with files and deferred edits. */
  apiBase?: string | undefined;
  metrics?: HttpMetrics;
  /** Replaces the registry's own text, e.g. with a whole cluster's metrics. */
  metricsText?: () => Promise<string>;
  /** Whether this (public) port answers /metrics: not by default (metrics-access.ts). */
  metricsRoute?: MetricsRoute;
  deferAfterMs?: number;
  bodyLimit?: number;
  now?: () => number;
  fetch?: typeof fetch;
  /** bench/http.ts only: measures what verification costs. Never set by serve.ts; every request is then trusted. */
  benchmarkOnlySkipVerification?: boolean;
}

export interface InteractionsServer {
  server: Server;
  metrics: HttpMetrics;
  listen(port: number, host?: string): Promise<AddressInfo>;
  /** Stops accepting, lets in-flight requests and deferred edits finish, then resolves; forces sockets shut after `graceMs`. */
  close(graceMs?: number): Promise<void>;
}

interface Answer {
  status: number;
  json?: unknown;
  text?: string;
  headers?: Record<string, string>;
}

const JSON_TYPE = 'application/json';
const error = (status: number, message: string, headers?: Record<string, string>): Answer => ({
  status,
  json: { error: message },
  ...(headers ? { headers } : {}),
});

function send(response: ServerResponse, answer: Answer): void {
  const headers: Record<string, string> = { ...answer.headers };
  let body: string | undefined;
  if (answer.json !== undefined) {
    body = JSON.stringify(answer.json);
    headers['content-type'] = JSON_TYPE;
  } else if (answer.text !== undefined) {
    body = answer.text;
  }
  if (body !== undefined) headers['content-length'] = String(Buffer.byteLength(body));
  response.writeHead(answer.status, headers);
  response.end(body);
}

function header(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name];
  return typeof value === 'string' ? value : undefined;
}

export function createInteractionsServer(options: InteractionsServerOptions): InteractionsServer {
  const { logger } = options;
  const metrics = options.metrics ?? createMetrics();
  const verifier = createVerifier(options.publicKey, options.now);
  const verify = options.benchmarkOnlySkipVerification === true ? (): Promise<Verdict> => Promise.resolve({ ok: true }) : verifier;
  const rest: RestOptions = { apiBase: options.apiBase, ...(options.fetch ? { fetch: options.fetch } : {}) };
  const background = new Set<Promise<void>>();
  const track = (work: Promise<void>): void => {
    background.add(work);
    void work.finally(() => background.delete(work));
  };

  let app: App | undefined;
  let respond: ReturnType<typeof createResponder> | undefined;
  let shuttingDown = false;
  const useApp = (ready: App): void => {
    app = ready;
    respond = createResponder({
      router: memoiseReplies(ready.router),
      logger,
      metrics,
      rest,
      track,
      ...(options.deferAfterMs !== undefined ? { deferAfterMs: options.deferAfterMs } : {}),
    });
  };
  if (options.app instanceof Promise) options.app.then(useApp, () => undefined);
  else useApp(options.app);

  async function interactions(request: IncomingMessage, response: ServerResponse): Promise<Answer> {
    if (request.method !== 'POST') return error(405, 'use POST', { allow: 'POST' });
    if (respond === undefined) return error(503, 'starting: the data is not loaded yet', { 'retry-after': '1' });
    // Timed from arrival, so reading and verifying count: Discord's 3 s clock runs from when it sent the request.
    const stopTimer = metrics.latency.startTimer();
    const read = await readBoundedBody(request, options.bodyLimit ?? MAX_BODY_BYTES);
    if (!read.ok) return read.reason === 'too-large' ? error(413, 'body too large', { connection: 'close' }) : error(400, 'request aborted');
    const verdict = await verify({ signature: header(request, 'x-signature-ed25519'), timestamp: header(request, 'x-signature-timestamp'), body: read.body });
    if (!verdict.ok) {
      metrics.rejectedSignatures.inc({ reason: verdict.reason });
      return error(401, 'invalid request signature');
    }
    let payload: unknown;
    try {
      payload = JSON.parse(read.body.toString('utf8'));
    } catch {
      return error(400, 'body is not JSON');
    }
    const interaction = parseInteraction(payload);
    if (interaction === undefined) return error(400, 'body is not an interaction');
    const kind: InteractionKindLabel = interaction.kind;
    response.once('finish', () => stopTimer({ kind }));
    const answer: FirstAnswer = await respond(interaction);
    if (answer.kind === 'sent') return { status: 202 };
    if (answer.kind === 'unsupported') return error(400, `interaction type ${answer.type} is not handled by this bot`);
    return { status: 200, json: answer.response };
  }

  async function route(request: IncomingMessage, response: ServerResponse): Promise<Answer> {
    const path = (request.url ?? '/').split('?')[0];
    switch (path) {
      case '/interactions':
        return interactions(request, response);
      case '/healthz':
        if (request.method !== 'GET' && request.method !== 'HEAD') return error(405, 'use GET', { allow: 'GET, HEAD' });
        // Not ready while loading, and not ready while draining, so a load balancer stops sending new work here.
        return app !== undefined && !shuttingDown
          ? { status: 200, json: { status: 'ok', commands: app.router.commands.size } }
          : error(503, shuttingDown ? 'shutting down' : 'starting');
      case '/metrics': {
        const access = metricsAllowed(options.metricsRoute ?? 'off', request);
        if (access === 'not-found') return error(404, 'not found');
        if (access === 'unauthorized') return error(401, 'metrics need the bearer token (METRICS_TOKEN)', { 'www-authenticate': 'Bearer' });
        if (request.method !== 'GET') return error(405, 'use GET', { allow: 'GET' });
        return {
          status: 200,
          text: await (options.metricsText ?? (() => metrics.registry.metrics()))(),
          headers: { 'content-type': metrics.registry.contentType },
        };
      }
      default:
        return error(404, 'not found');
    }
  }

  const server = createServer((request, response) => {
    route(request, response)
      .catch((failure: unknown): Answer => {
        logger.error({ err: failure, path: request.url }, 'request failed');
        return error(500, 'internal error');
      })
      .then((answer) => {
        if (answer.status >= 400) metrics.rejectedRequests.inc({ status: String(answer.status) });
        if (shuttingDown) answer.headers = { ...answer.headers, connection: 'close' };
        if (!response.headersSent && !response.destroyed) send(response, answer);
      })
      .catch((failure: unknown) => logger.error({ err: failure }, 'could not write a response'));
  });
  // A client that never finishes sending its headers or body is cut off rather than held open.
  server.headersTimeout = 10_000;
  server.requestTimeout = 15_000;

  return {
    server,
    metrics,
    listen(port, host = '0.0.0.0') {
      return new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          server.off('error', reject);
          resolve(server.address() as AddressInfo);
        });
      });
    },
    async close(graceMs = 10_000) {
      shuttingDown = true;
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      // In-flight requests register their deferred edits before answering, so once every connection is closed the set
      // of background work is complete; it is drained until empty.
      const drained = closed.then(async () => {
        while (background.size > 0) await Promise.allSettled([...background]);
        return true;
      });
      const timer = new Promise<false>((resolve) => setTimeout(() => resolve(false), graceMs).unref());
      if (!(await Promise.race([drained, timer]))) {
        logger.warn({ background: background.size }, 'grace period over: closing the remaining connections');
        server.closeAllConnections();
        await closed;
      }
    },
  };
}
