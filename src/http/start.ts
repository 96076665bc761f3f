import { ConfigError, httpConfigSchema, parseConfig, type HttpConfig } from '../config/config.ts';
import { loadEnv } from '../config/env.ts';
import { createApp } from '../core/app.ts';
import { prerenderInBackground } from '../core/default-charts.ts';
import { createLogger } from '../core/logger.ts';
import { exitOnDataError } from '../core/startup.ts';
import { createMetrics, type HttpMetrics } from './metrics.ts';
import { listenForMetrics, type MetricsRoute } from './metrics-access.ts';
import { createInteractionsServer } from './server.ts';

export interface StartOptions {
  /** In a cluster worker: the worker's registry is handed to the primary, and /metrics shows the whole cluster. */
  clusterMetrics?: (metrics: HttpMetrics) => () => Promise<string>;
}

export function readHttpConfig(): HttpConfig {
  loadEnv();
  try {
    return parseConfig(httpConfigSchema);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`Refusing to start: ${error.message}\n`);
      process.exit(78);
    }
    throw error;
  }
}

/**
 * `npm run serve`: listens at once (so /healthz can say "starting"), loads the data, then answers interactions.
 * SIGTERM or SIGINT: stop accepting, finish in-flight requests and deferred edits, exit 0.
 */
export async function startHttpServer(options: StartOptions = {}): Promise<void> {
  const config = readHttpConfig();
  const logger = createLogger(config.LOG_LEVEL);
  const metrics = createMetrics({ defaultMetrics: true });
  const metricsText = options.clusterMetrics ? options.clusterMetrics(metrics) : () => metrics.registry.metrics();
  const token: MetricsRoute = config.METRICS_TOKEN === undefined ? 'off' : { token: config.METRICS_TOKEN };
  // On the public port /metrics needs the token; on METRICS_PORT (loopback by default) the token too, when one is set.
  const privateRoute: MetricsRoute = config.METRICS_TOKEN === undefined ? 'open' : token;
  const app = createApp({ logger });
  app.catch(exitOnDataError);
  const http = createInteractionsServer({
    app,
    publicKey: config.DISCORD_PUBLIC_KEY,
    logger,
    apiBase: config.DISCORD_API_BASE,
    metrics,
    metricsText,
    metricsRoute: token,
  });

  let stopping = false;
  const shutdown = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'draining: no new connections, finishing in-flight requests');
    void http.close().then(
      () => {
        logger.info('stopped');
        process.exit(0);
      },
      (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));

  try {
    const address = await http.listen(config.PORT, config.HOST);
    logger.info({ host: address.address, port: address.port, pid: process.pid }, 'listening for interactions on POST /interactions');
  } catch (error) {
    process.stderr.write(`Could not listen on ${config.HOST}:${config.PORT}: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  }
  if (config.METRICS_PORT !== undefined) {
    try {
      const listener = await listenForMetrics({
        port: config.METRICS_PORT,
        host: config.METRICS_HOST,
        route: privateRoute,
        text: metricsText,
        contentType: metrics.registry.contentType,
      });
      logger.info({ host: listener.address.address, port: listener.address.port }, 'metrics on GET /metrics');
    } catch (error) {
      process.stderr.write(
        `Could not listen for metrics on ${config.METRICS_HOST}:${config.METRICS_PORT}: ${error instanceof Error ? error.message : String(error)}\n`,
      );
      process.exit(1);
    }
  } else if (config.METRICS_TOKEN === undefined) {
    logger.info('metrics off: set METRICS_PORT (a private listener) and/or METRICS_TOKEN (bearer) to serve /metrics');
  }
  const ready = await app;
  logger.info({ commands: ready.router.commands.size }, 'ready');
  if (config.PRERENDER_CHARTS === 'on') prerenderInBackground(ready.router, logger);
}
