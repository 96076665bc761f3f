import { createHash, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * Who may read /metrics. Counts by command and outcome are operational detail, not for anyone who can reach the public
 * interactions port, so by default the route is not there at all: 'off'. With METRICS_TOKEN it answers a matching
 * `Authorization: Bearer …`; with METRICS_PORT it is served on its own listener (127.0.0.1 unless METRICS_HOST says).
 */
export type MetricsRoute = 'off' | 'open' | { token: string };

const digest = (text: string): Buffer => createHash('sha256').update(text).digest();

/** Constant-time comparison of the bearer token (hashed first, so lengths never differ). */
export function metricsAllowed(route: MetricsRoute, request: IncomingMessage): 'ok' | 'not-found' | 'unauthorized' {
  if (route === 'off') return 'not-found';
  if (route === 'open') return 'ok';
  const header = request.headers.authorization ?? '';
  const given = header.startsWith('Bearer ') ? header.slice('Bearer '.length).trim() : '';
  return given !== '' && timingSafeEqual(digest(given), digest(route.token)) ? 'ok' : 'unauthorized';
}

export interface MetricsListener {
  server: Server;
  address: AddressInfo;
  close(): Promise<void>;
}

/** A listener that serves only GET /metrics: for METRICS_PORT, away from the port Discord calls. */
export async function listenForMetrics(options: {
  port: number;
  host: string;
  route: MetricsRoute;
  text: () => Promise<string>;
  contentType: string;
}): Promise<MetricsListener> {
  const server = createServer((request, response) => {
    const path = (request.url ?? '/').split('?')[0];
    const access = path === '/metrics' ? metricsAllowed(options.route, request) : 'not-found';
    if (access !== 'ok' || request.method !== 'GET') {
      const status = access === 'unauthorized' ? 401 : access === 'not-found' ? 404 : 405;
      response.writeHead(status, { 'content-type': 'text/plain', ...(status === 401 ? { 'www-authenticate': 'Bearer' } : {}) }).end(`${status}\n`);
      return;
    }
    options.text().then(
      (text) => response.writeHead(200, { 'content-type': options.contentType }).end(text),
      () => response.writeHead(500).end(),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  return {
    server,
    address: server.address() as AddressInfo,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
