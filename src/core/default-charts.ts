import type { Logger } from 'pino';
import { chartRenderer, type ChartRenderer } from '../charts/index.ts';
import { REGIONS } from '../data/schema.ts';
import { METRIC_CHOICES, ORDER_CHOICES } from '../views/metric-choices.ts';
import type { CommandOptions } from './command.ts';
import type { Router } from './router.ts';

export interface ChartRequest {
  name: string;
  options: CommandOptions;
}

/** The count /rank offers for "all of them": the 42-bar chart. */
const ALL_SYSTEMS = 42;

/**
 * The fixed set of charts anyone can ask for with a choice or two and no typing: every region under every sort, and
 * every England ranking (each metric, both orders) at the default length and at full length. Comparisons are open-ended
 * (42 × 41 pairs) and are cached as they are asked for instead.
 */
export function defaultChartRequests(): ChartRequest[] {
  const sorts = [...METRIC_CHOICES.map((c) => c.value), 'name'];
  const regions = REGIONS.flatMap((name) => sorts.map((sort) => ({ name: 'region', options: { name, sort, chart: true } })));
  const rankings = METRIC_CHOICES.flatMap((metric) =>
    ORDER_CHOICES.flatMap((order) => [
      { name: 'rank', options: { metric: metric.value, order: order.value, chart: true } },
      { name: 'rank', options: { metric: metric.value, order: order.value, count: ALL_SYSTEMS, chart: true } },
    ]),
  );
  return [...rankings, ...regions];
}

/**
 * Renders the default charts one after another through the same commands users run (so the cached PNG is exactly the one
 * a reply would make) and pins them. Run in the background after start: one at a time, in the render worker, so
 * interactions keep the event loop and jump no queue longer than one chart.
 */
export async function prerenderDefaultCharts(
  router: Router,
  options: { logger?: Logger; renderer?: ChartRenderer } = {},
): Promise<{ charts: number; ms: number }> {
  const renderer = options.renderer ?? chartRenderer();
  const started = performance.now();
  const requests = defaultChartRequests();
  await renderer.pinning(async () => {
    for (const request of requests) await router.command(request.name, request.options);
  });
  const result = { charts: renderer.cache.pinned.size, ms: Math.round(performance.now() - started) };
  options.logger?.info({ ...result, bytes: renderer.cache.pinned.bytes }, 'default charts rendered and pinned');
  return result;
}

/** After start: never blocks serving, and a failure only costs the speed-up. */
export function prerenderInBackground(router: Router, logger: Logger): void {
  prerenderDefaultCharts(router, { logger }).catch((error: unknown) => logger.warn({ err: error }, 'default charts not pre-rendered'));
}
