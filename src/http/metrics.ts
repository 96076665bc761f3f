import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';

/** replied: inline JSON; files: answered through the callback route; deferred: type 5 then an edit; failed: Discord refused a delivery. */

export interface HttpMetrics {
  registry: Registry;
  interactions: Counter<'kind' | 'command' | 'outcome'>;
  latency: Histogram<'kind'>;
  /** Labelled by the verifier's Rejection: missing, malformed, stale, future, invalid. */
  rejectedSignatures: Counter<'reason'>;
  rejectedRequests: Counter<'status'>;
}

/**
 * One registry per server (not prom-client's global one), so tests and several servers in a process never share counts.
 * Buckets span the sub-millisecond inline answers up to Discord's 3 s deadline.
 */
export function createMetrics(options: { defaultMetrics?: boolean } = {}): HttpMetrics {
  const registry = new Registry();
  if (options.defaultMetrics === true) collectDefaultMetrics({ register: registry });
  return {
    registry,
    interactions: new Counter({
      name: 'interactions_total',
      help: 'Verified interactions answered, by kind, command and outcome',
      labelNames: ['kind', 'command', 'outcome'],
      registers: [registry],
    }),
    latency: new Histogram({
      name: 'interaction_response_seconds',
      help: 'For verified interactions: time from the request arriving to the end of our HTTP answer',
      labelNames: ['kind'],
      buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 3],
      registers: [registry],
    }),
    rejectedSignatures: new Counter({
      name: 'interaction_signature_rejections_total',
      help: 'Requests to /interactions refused with 401, by reason (missing, malformed, stale, future, invalid)',
      labelNames: ['reason'],
      registers: [registry],
    }),
    rejectedRequests: new Counter({
      name: 'http_rejected_requests_total',
      help: 'Requests refused before reaching a command, by HTTP status',
      labelNames: ['status'],
      registers: [registry],
    }),
  };
}
