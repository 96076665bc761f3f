import { monitorEventLoopDelay } from 'node:perf_hooks';
import { renderAsync } from '@resvg/resvg-js';
import { horizontalBarChart, type BarChartSpec } from '../src/charts/bar-chart.ts';
import { createChartRenderer, resvgOptions } from '../src/charts/render.ts';

const SAMPLES = 30;
const CONCURRENT = 10;

/** The largest chart the bot draws: all 42 systems. Synthetic figures, not survey data. */
function benchSpec(variant: number): BarChartSpec {
  return {
    title: 'Deficit or gap 2022/23 (£m), all integrated care systems',
    subtitle: 'Survey of ICS finances, early 2022',
    unit: 'gbp-m',
    bars: Array.from({ length: 42 }, (_, index) => ({
      label: `Integrated care system number ${index + 1}`,
      value: index % 7 === 3 ? null : ((index * 37 + variant) % 100) * 1.3,
      highlight: index === variant % 42,
    })),
    footnote: 'Synthetic benchmark figures.',
  };
}

function percentile(samples: readonly number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

async function timed(run: () => unknown): Promise<number[]> {
  const samples: number[] = [];
  for (let index = 0; index < SAMPLES; index += 1) {
    const start = performance.now();
    await run();
    samples.push(performance.now() - start);
  }
  return samples;
}

/** Worst event-loop stall (ms) while `work` runs. */
async function worstLoopDelay(work: () => Promise<unknown>): Promise<{ worstMs: number; wallMs: number }> {
  const histogram = monitorEventLoopDelay({ resolution: 1 });
  histogram.enable();
  const start = performance.now();
  await work();
  const wallMs = performance.now() - start;
  histogram.disable();
  return { worstMs: histogram.max / 1e6, wallMs };
}

const round = (ms: number) => Math.round(ms * 100) / 100;

/**
 * Chart rendering cost, cache bypassed: SVG building, PNG rendering on the main thread and in the worker pool, and
 * the worst event-loop delay while 10 charts render at once — through our pool, and for comparison through resvg's
 * own renderAsync (whose PNG encoding runs back on the main thread).
 */
export async function benchCharts(): Promise<Record<string, number>> {
  const renderer = createChartRenderer();
  try {
    const svg = horizontalBarChart(benchSpec(0));
    await renderer.renderPngAsync(svg, { cache: false }); // start the worker(s) outside the measurements

    const build = await timed(() => horizontalBarChart(benchSpec(1)));
    const sync = await timed(() => renderer.renderPng(svg, { cache: false }));
    const pooled = await timed(() => renderer.renderPngAsync(svg, { cache: false }));

    const svgs = Array.from({ length: CONCURRENT }, (_, index) => horizontalBarChart(benchSpec(index + 2)));
    const pool = await worstLoopDelay(() => Promise.all(svgs.map((each) => renderer.renderPngAsync(each, { cache: false }))));
    const native = await worstLoopDelay(() => Promise.all(svgs.map(async (each) => (await renderAsync(each, resvgOptions(1000))).asPng())));

    return {
      chartSvgBuildP50Ms: round(percentile(build, 50)),
      chartSvgBuildP99Ms: round(percentile(build, 99)),
      chartRenderSyncP50Ms: round(percentile(sync, 50)),
      chartRenderSyncP99Ms: round(percentile(sync, 99)),
      chartRenderWorkerP50Ms: round(percentile(pooled, 50)),
      chartRenderWorkerP99Ms: round(percentile(pooled, 99)),
      chartRender10ConcurrentWallMs: round(pool.wallMs),
      chartRender10ConcurrentWorstLoopDelayMs: round(pool.worstMs),
      resvgRenderAsync10ConcurrentWorstLoopDelayMs: round(native.worstMs),
    };
  } finally {
    await renderer.close();
  }
}
