// `npm run serve:cluster`: the HTTP endpoint on every core of one machine. The primary forks HTTP_WORKERS workers
// (default: one per core) that share the port; node's cluster module hands connections round-robin. Workers share no
// state (none is needed), a crashed worker is replaced, and SIGTERM drains every worker before the primary exits 0.
// /metrics, answered by whichever worker takes the request, reports the sum over all workers (prom-client's
// AggregatorRegistry, asked through the primary).
import cluster, { type Worker } from 'node:cluster';
import { availableParallelism } from 'node:os';
import { AggregatorRegistry } from 'prom-client';
import { createLogger } from '../core/logger.ts';
import type { HttpMetrics } from './metrics.ts';
import { readHttpConfig, startHttpServer } from './start.ts';

const METRICS_REQUEST = 'ics-http:metrics-request';
const METRICS_RESPONSE = 'ics-http:metrics-response';
const METRICS_TIMEOUT_MS = 5_000;
/** A worker that dies this soon after starting is failing at start-up (bad data, port taken): do not respawn it forever. */
const MIN_UPTIME_MS = 5_000;

interface MetricsRequest {
  type: typeof METRICS_REQUEST;
  id: number;
}
interface MetricsResponse {
  type: typeof METRICS_RESPONSE;
  id: number;
  text?: string;
  error?: string;
}

function isMessage<T extends { type: string }>(message: unknown, type: T['type']): message is T {
  return typeof message === 'object' && message !== null && (message as { type?: unknown }).type === type;
}

function runPrimary(): void {
  const config = readHttpConfig();
  const logger = createLogger(config.LOG_LEVEL);
  const workers = config.HTTP_WORKERS ?? availableParallelism();
  const aggregator = new AggregatorRegistry();
  const started = new Map<number, number>();
  let stopping = false;

  const fork = (): Worker => {
    const worker = cluster.fork();
    started.set(worker.id, Date.now());
    worker.on('message', (message: unknown) => {
      if (!isMessage<MetricsRequest>(message, METRICS_REQUEST)) return;
      aggregator.clusterMetrics().then(
        (text) => worker.send({ type: METRICS_RESPONSE, id: message.id, text } satisfies MetricsResponse),
        (error: unknown) => worker.send({ type: METRICS_RESPONSE, id: message.id, error: String(error) } satisfies MetricsResponse),
      );
    });
    return worker;
  };

  cluster.on('exit', (worker, code, signal) => {
    const uptime = Date.now() - (started.get(worker.id) ?? 0);
    started.delete(worker.id);
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) {
        logger.info('all workers stopped');
        // 0 after a drain; 1 (set below) when the cluster stopped because a worker could not start.
        process.exit();
      }
      return;
    }
    if (uptime < MIN_UPTIME_MS) {
      logger.fatal({ worker: worker.id, code, signal }, 'a worker failed during start-up; stopping the cluster');
      stopping = true;
      for (const other of Object.values(cluster.workers ?? {})) other?.process.kill('SIGTERM');
      process.exitCode = 1;
      return;
    }
    logger.warn({ worker: worker.id, code, signal }, 'worker died; starting a replacement');
    fork();
  });

  const shutdown = (signal: NodeJS.Signals): void => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal, workers: Object.keys(cluster.workers ?? {}).length }, 'draining every worker');
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGTERM');
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));

  logger.info({ workers, port: config.PORT }, 'starting HTTP workers');
  for (let i = 0; i < workers; i += 1) fork();
}

/** In a worker: /metrics asks the primary, which gathers every worker's registry and sums them. */
function askPrimaryForMetrics(metrics: HttpMetrics): () => Promise<string> {
  AggregatorRegistry.setRegistries([metrics.registry]);
  // Constructing one installs prom-client's listener that answers the primary's collection requests.
  new AggregatorRegistry();
  let nextId = 0;
  const pending = new Map<number, (response: MetricsResponse) => void>();
  process.on('message', (message: unknown) => {
    if (isMessage<MetricsResponse>(message, METRICS_RESPONSE)) pending.get(message.id)?.(message);
  });
  return () =>
    new Promise<string>((resolve, reject) => {
      const id = nextId++;
      const timer = setTimeout(() => {
        pending.delete(id);
        reject(new Error('the cluster primary did not answer a metrics request'));
      }, METRICS_TIMEOUT_MS);
      pending.set(id, (response) => {
        clearTimeout(timer);
        pending.delete(id);
        if (response.text !== undefined) resolve(response.text);
        else reject(new Error(response.error ?? 'no metrics'));
      });
      process.send?.({ type: METRICS_REQUEST, id } satisfies MetricsRequest);
    });
}

if (cluster.isPrimary) runPrimary();
else await startHttpServer({ clusterMetrics: askPrimaryForMetrics });
