import { createApp, type App } from '../src/core/app.ts';
import type { CommandOptions } from '../src/core/command.ts';
import type { Reply } from '../src/protocol/reply.ts';
import { elapsedMs, roundMs, roundSummary, summarise, type Summary } from './stats.ts';

export const COMMAND_TARGET_P99_MS = 1;

const WARMUP = 200;
const ITERATIONS = 2000;

interface CommandCase {
  label: string;
  command: string;
  options: CommandOptions;
}

/** What users ask most, plus the replies that do the most work (a typo, a miss, an ambiguity, a whole region). */
const CASES: readonly CommandCase[] = [
  { label: '/ics name:Devon', command: 'ics', options: { name: 'Devon' } },
  { label: '/ics name:Somerest (typo)', command: 'ics', options: { name: 'Somerest' } },
  { label: '/ics name:Cardiff (not found)', command: 'ics', options: { name: 'Cardiff' } },
  { label: '/ics name:Essex (ambiguous)', command: 'ics', options: { name: 'Essex' } },
  { label: '/compare Devon Somerset', command: 'compare', options: { first: 'Devon', second: 'Somerset' } },
  { label: '/region name:Midlands', command: 'region', options: { name: 'Midlands' } },
  { label: '/rank metric:deficit', command: 'rank', options: { metric: 'deficit' } },
  { label: '/rank deficit-share lowest London', command: 'rank', options: { metric: 'deficit-share', order: 'lowest', region: 'London' } },
  { label: '/england', command: 'england', options: {} },
  { label: '/sources', command: 'sources', options: {} },
  { label: '/help', command: 'help', options: {} },
  { label: '/data (whole dataset as CSV)', command: 'data', options: {} },
];

export interface CommandResult extends Summary {
  label: string;
  /** What came back, so a reader can see the case did what its label says (a card, not an apology). */
  reply: string;
  met: boolean;
  note?: string;
}

export interface CommandsBench {
  appBuildMs: number;
  iterations: number;
  target: { p99Ms: number };
  results: CommandResult[];
  allMet: boolean;
}

function describeReply(reply: Reply): string {
  const parts = [`${reply.embeds.length} embed${reply.embeds.length === 1 ? '' : 's'}`];
  const buttons = reply.components.reduce((sum, row) => sum + row.components.length, 0);
  if (buttons > 0) parts.push(`${buttons} button${buttons === 1 ? '' : 's'}`);
  if (reply.files.length > 0) parts.push(`${reply.files.length} file${reply.files.length === 1 ? '' : 's'}`);
  if (reply.ephemeral) parts.push('ephemeral');
  return parts.join(', ');
}

/** Charts are benchmarked on their own (bench/charts.ts): switch them off where a command offers the option. */
function withoutCharts(app: App, item: CommandCase): { options: CommandOptions; note?: string } {
  const definition = app.router.commands.get(item.command)?.definition;
  const hasChartOption = definition?.options?.some((o) => o.name === 'chart') ?? false;
  return hasChartOption ? { options: { ...item.options, chart: false }, note: 'chart:false' } : { options: item.options };
}

/** p50/p99 time for router.command to build each Reply: the whole path a transport waits on before it sends. */
export async function benchCommands(options: { iterations?: number; app?: App } = {}): Promise<CommandsBench> {
  const iterations = options.iterations ?? ITERATIONS;
  const buildStart = process.hrtime.bigint();
  const app = options.app ?? (await createApp());
  const appBuildMs = elapsedMs(buildStart);

  const results: CommandResult[] = [];
  for (const item of CASES) {
    const { options: commandOptions, note: chartNote } = withoutCharts(app, item);
    let last = await app.router.command(item.command, commandOptions);
    for (let index = 0; index < WARMUP; index += 1) last = await app.router.command(item.command, commandOptions);
    const samples: number[] = [];
    for (let index = 0; index < iterations; index += 1) {
      const start = process.hrtime.bigint();
      last = await app.router.command(item.command, commandOptions);
      samples.push(elapsedMs(start));
    }
    const summary = roundSummary(summarise(samples));
    const notes = [chartNote, last.files.length > 0 ? 'reply carries a file (chart?) — its time is included' : undefined].filter(
      (n): n is string => n !== undefined,
    );
    results.push({
      label: item.label,
      ...summary,
      reply: describeReply(last),
      met: summary.p99Ms < COMMAND_TARGET_P99_MS,
      ...(notes.length > 0 ? { note: notes.join('; ') } : {}),
    });
  }
  return {
    appBuildMs: roundMs(appBuildMs),
    iterations,
    target: { p99Ms: COMMAND_TARGET_P99_MS },
    results,
    allMet: results.every((r) => r.met),
  };
}
