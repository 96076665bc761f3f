/**
 * The production runtime, each figure as a ratio or against a target measured in this same run:
 * - cold start of one `ask` answer from the build (dist/) against a bare `node -e ''`, and what loading discord.js
 *   alone costs against the same baseline;
 * - one answer's peak RSS; a batch of 840 commands (126 with charts) through one `ask --json` process: its peak RSS,
 *   and the marginal time per command without charts (840 lines minus 84 lines);
 * - a default 42-bar chart reply once pinned, and the event-loop delay while the default charts render;
 * - RSS over a soak of distinct charts (2,000; 400 with --quick), which should level off rather than climb.
 * Processes run the built JavaScript exactly as `npm start` / `npm run ask` do; the build is refreshed first if stale.
 */
import { spawnSync } from 'node:child_process';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { horizontalBarChart } from '../src/charts/bar-chart.ts';
import { CHART_DISPLAY_WIDTH, createChartRenderer, chartRenderer } from '../src/charts/render.ts';
import { createApp } from '../src/core/app.ts';
import { prerenderDefaultCharts } from '../src/core/default-charts.ts';
import { METRIC_IDS } from '../src/data/metrics.ts';
import { REGIONS } from '../src/data/schema.ts';
import { summarise } from './stats.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const ASK = 'dist/src/console/ask.js';
const MAX_RSS = fileURLToPath(new URL('./max-rss.mjs', import.meta.url));
const TARGETS = { coldStartRatio: 3, answerPeakMb: 80, batchPeakMb: 120, marginalMsPerCommand: 1, pinnedChartMs: 25, loopDelayMs: 20 };

interface Run {
  ms: number;
  maxRssMb: number;
  stdout: string;
}

/** Runs node with a preload that reports the process's peak RSS on exit (stderr), so no external `time` is needed. */
function runNode(args: readonly string[], input?: string): Run {
  const start = performance.now();
  const result = spawnSync(process.execPath, ['--import', MAX_RSS, ...args], {
    cwd: ROOT,
    input,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, DISCORD_TOKEN: '' },
  });
  const ms = performance.now() - start;
  if (result.status !== 0) throw new Error(`node ${args.join(' ')} failed (${result.status}): ${result.stderr}`);
  const kb = Number(/MAXRSS (\d+)/.exec(result.stderr)?.[1] ?? Number.NaN);
  return { ms, maxRssMb: Math.round(kb / 102.4) / 10, stdout: result.stdout };
}

const median = (values: readonly number[]): number => summarise(values).p50Ms;
const round = (value: number, places = 2): number => Math.round(value * 10 ** places) / 10 ** places;

function coldStarts(samples: number): Record<string, number> {
  const bare: number[] = [];
  const ask: number[] = [];
  const discord: number[] = [];
  const askRss: number[] = [];
  const bareRss: number[] = [];
  const discordRss: number[] = [];
  // Interleaved, so a burst of load on a shared machine hits both sides alike.
  for (let i = 0; i < samples; i += 1) {
    const nothing = runNode(['-e', '']);
    bare.push(nothing.ms);
    bareRss.push(nothing.maxRssMb);
    const answer = runNode([ASK, '--json', '/ics name:Devon']);
    ask.push(answer.ms);
    askRss.push(answer.maxRssMb);
    const library = runNode(['--input-type=module', '-e', "await import('discord.js')"]);
    discord.push(library.ms);
    discordRss.push(library.maxRssMb);
  }
  const bareMs = median(bare);
  return {
    bareNodeMs: round(bareMs, 1),
    askAnswerMs: round(median(ask), 1),
    askVsBare: round(median(ask) / bareMs),
    loadDiscordJsMs: round(median(discord), 1),
    loadDiscordJsVsBare: round(median(discord) / bareMs),
    targetAskVsBare: TARGETS.coldStartRatio,
    bareNodePeakRssMb: Math.max(...bareRss),
    loadDiscordJsPeakRssMb: Math.max(...discordRss),
    askAnswerPeakRssMb: Math.max(...askRss),
    targetAnswerPeakRssMb: TARGETS.answerPeakMb,
  };
}

/** A realistic mix: each system looked up, compared, its funding; regions and rankings; 126 of 840 lines ask for a chart. */
function batchLines(count: number, withCharts: boolean, names: readonly string[]): string[] {
  const lines: string[] = [];
  for (let i = 0; lines.length < count; i += 1) {
    const a = names[i % names.length] ?? 'Devon';
    const b = names[(i * 7 + 3) % names.length] ?? 'Somerset';
    const region = REGIONS[i % REGIONS.length] ?? 'London';
    const metric = METRIC_IDS[i % METRIC_IDS.length] ?? 'deficit';
    const chart = withCharts && i % 40 < 9 ? ' chart:true' : ' chart:false';
    const kind = i % 6;
    if (kind === 0) lines.push(`/ics name:${a}`);
    else if (kind === 1) lines.push(`/compare first:${a} second:${b}${chart}`);
    else if (kind === 2) lines.push(`/region name:${region}${chart}`);
    else if (kind === 3) lines.push(`/rank metric:${metric} count:${(i % 42) + 1}${chart}`);
    else if (kind === 4) lines.push(`/funding name:${a}${chart}`);
    else lines.push(`/ics name:${a.toLowerCase()}`);
  }
  return lines;
}

function batches(names: readonly string[]): Record<string, number> {
  const withCharts = batchLines(840, true, names);
  const charted = runNode([ASK, '--json'], `${withCharts.join('\n')}\n`);
  const outputLines = charted.stdout.trim().split('\n').length;
  if (outputLines !== withCharts.length) throw new Error(`batch answered ${outputLines} of ${withCharts.length} lines`);
  const big = runNode([ASK, '--json'], `${batchLines(840, false, names).join('\n')}\n`);
  const small = runNode([ASK, '--json'], `${batchLines(84, false, names).join('\n')}\n`);
  return {
    batch840ChartLines: withCharts.filter((l) => l.includes('chart:true')).length,
    batch840WithChartsMs: Math.round(charted.ms),
    batch840WithChartsPeakRssMb: charted.maxRssMb,
    targetBatchPeakRssMb: TARGETS.batchPeakMb,
    marginalMsPerCommandNoCharts: round((big.ms - small.ms) / (840 - 84), 3),
    targetMarginalMsPerCommand: TARGETS.marginalMsPerCommand,
  };
}

async function pinnedCharts(quick: boolean): Promise<Record<string, number>> {
  const app = await createApp();
  const renderer = chartRenderer();
  const fullRanking = { metric: 'deficit', count: 42, chart: true };
  const loop = monitorEventLoopDelay({ resolution: 1 });
  loop.enable();
  const started = performance.now();
  const prerender = quick
    ? await renderer.pinning(() => app.router.command('rank', fullRanking)).then(() => ({ charts: renderer.cache.pinned.size }))
    : await prerenderDefaultCharts(app.router);
  const prerenderMs = performance.now() - started;
  loop.disable();
  const samples: number[] = [];
  for (let i = 0; i < 200; i += 1) {
    const start = performance.now();
    const reply = await app.router.command('rank', fullRanking);
    samples.push(performance.now() - start);
    if (reply.files.length !== 1) throw new Error('the 42-bar ranking came back without its chart');
  }
  const summary = summarise(samples);
  return {
    pinnedCharts: prerender.charts,
    pinnedMb: round(renderer.cache.pinned.bytes / 1024 / 1024, 1),
    prerenderMs: Math.round(prerenderMs),
    prerenderWorstLoopDelayMs: round(loop.max / 1e6, 1),
    targetLoopDelayMs: TARGETS.loopDelayMs,
    pinned42BarReplyP50Ms: round(summary.p50Ms, 3),
    pinned42BarReplyP99Ms: round(summary.p99Ms, 3),
    targetPinnedChartMs: TARGETS.pinnedChartMs,
  };
}

/** Distinct synthetic charts (not survey data) through a renderer like the bot's: RSS at each quarter of the soak. */
async function soak(count: number): Promise<Record<string, number>> {
  const renderer = createChartRenderer();
  const readings: Record<string, number> = {};
  try {
    for (let i = 1; i <= count; i += 1) {
      const svg = horizontalBarChart({
        title: `Soak chart ${i}`,
        subtitle: 'synthetic',
        unit: 'gbp-m',
        bars: Array.from({ length: 12 }, (_, bar) => ({ label: `System ${bar + 1}`, value: ((i * 31 + bar * 17) % 97) + 1 })),
      });
      await renderer.renderPngAsync(svg, { width: CHART_DISPLAY_WIDTH });
      if (i % (count / 4) === 0) readings[`soakRssMbAt${i}`] = Math.round(process.memoryUsage.rss() / 1024 / 1024);
    }
  } finally {
    await renderer.close();
  }
  const values = Object.values(readings);
  const half = values[1] ?? 0;
  const last = values.at(-1) ?? 0;
  return { soakCharts: count, ...readings, soakGrowthSecondHalfMb: last - half };
}

export async function benchRuntime(options: { quick: boolean; names: readonly string[] }): Promise<Record<string, number>> {
  const built = spawnSync(process.execPath, ['scripts/ensure-build.mjs'], { cwd: ROOT, stdio: ['ignore', 2, 2] });
  if (built.status !== 0) throw new Error('the build failed: run npm run build');
  return {
    ...coldStarts(options.quick ? 3 : 7),
    ...batches(options.names),
    ...(await pinnedCharts(options.quick)),
    ...(await soak(options.quick ? 400 : 2_000)),
  };
}
