/**
 * `npm run bench`: search, commands, charts (and HTTP when bench/http.ts exists), printed as a readable report.
 * `--json` prints the same figures as one JSON object on stdout (the readable report then goes to stderr).
 * `--rounds=N` sets the search rounds over the fixture (default 20). `--quick` (npm run bench:quick) runs fewer rounds,
 * samples and soak charts: about a minute instead of a few. Run node with --expose-gc for heap figures taken after a
 * full collection: `NODE_OPTIONS=--expose-gc npm run bench`.
 */
import { existsSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { getDataset, loadDataset } from '../src/data/load.ts';
import { benchCharts } from './charts.ts';
import { benchCommands, type CommandsBench } from './commands.ts';
import { benchQuestions, type QuestionsBench } from './questions.ts';
import { benchRuntime } from './runtime.ts';
import { benchSearch, type SearchBench, type SearcherResult } from './search.ts';
import { heapUsed, roundMs, summarise, timeSync, type HeapReading } from './stats.ts';

const WARM_LOADS = 5;

function parseArgs(argv: readonly string[]): { json: boolean; rounds: number; quick: boolean } {
  const json = argv.includes('--json');
  const quick = argv.includes('--quick');
  const roundsArg = argv.find((a) => a.startsWith('--rounds='));
  const rounds = roundsArg === undefined ? (quick ? 3 : 20) : Number(roundsArg.slice('--rounds='.length));
  if (!Number.isInteger(rounds) || rounds < 1) throw new Error(`--rounds must be a whole number ≥ 1, got ${roundsArg}`);
  return { json, rounds, quick };
}

/** The dataset is read once per process (getDataset caches it): the cold figure is what a starting bot pays. */
function benchDatasetLoad(): { coldMs: number; warmP50Ms: number } {
  const cold = timeSync(() => getDataset());
  const warm = Array.from({ length: WARM_LOADS }, () => timeSync(() => loadDataset()).ms);
  return { coldMs: roundMs(cold.ms), warmP50Ms: roundMs(summarise(warm).p50Ms) };
}

/** bench/http.ts is written separately; it is optional so the bench runs whether or not it has landed. */
async function benchHttpIfPresent(): Promise<{ ran: true; result: unknown } | { ran: false; note: string }> {
  const url = new URL('./http.ts', import.meta.url);
  if (!existsSync(fileURLToPath(url))) return { ran: false, note: 'bench/http.ts not present: HTTP benchmark skipped' };
  const loaded: unknown = await import(url.href);
  const benchHttp = (loaded as { benchHttp?: unknown }).benchHttp;
  if (typeof benchHttp !== 'function') return { ran: false, note: 'bench/http.ts does not export benchHttp: HTTP benchmark skipped' };
  return { ran: true, result: await (benchHttp as () => unknown)() };
}

const check = (met: boolean): string => (met ? 'met' : 'MISSED');
const ms = (value: number): string => `${value.toFixed(3)} ms`;
const pad = (text: string, width: number): string => text.padEnd(width);

function searchLines(search: SearchBench): string[] {
  const { ours, baseline } = search;
  const row = (label: string, a: string, b: string, extra = ''): string => `  ${pad(label, 28)}${pad(a, 26)}${pad(b, 26)}${extra}`;
  const accuracy = (r: SearcherResult): string => `${r.resolveAccuracy.correct}/${r.resolveAccuracy.total} (${r.resolveAccuracy.pct}%)`;
  const firstChoice = (r: SearcherResult): string =>
    `${r.autocompleteFirstChoice.correct}/${r.autocompleteFirstChoice.total} (${r.autocompleteFirstChoice.pct}%)`;
  const timing = (s: SearcherResult['resolve']): string => `${s.p50Ms.toFixed(3)} / ${s.p99Ms.toFixed(3)} ms`;
  const kinds = Object.keys(ours.resolveAccuracy.byKind);
  return [
    `Search — ${search.queries} fixture queries × ${search.rounds} rounds, ${search.prefixes} typed prefixes × ${search.autocompleteRounds} rounds; index build ${ms(search.indexBuildMs)}`,
    row('', 'ours', 'baseline (fuse defaults,', ''),
    row('', '', ' 42 published names)', ''),
    row('resolve accuracy', accuracy(ours), accuracy(baseline)),
    ...kinds.map((kind) => {
      const a = ours.resolveAccuracy.byKind[kind];
      const b = baseline.resolveAccuracy.byKind[kind];
      return row(`  ${kind}`, a === undefined ? '-' : `${a.correct}/${a.total}`, b === undefined ? '-' : `${b.correct}/${b.total}`);
    }),
    row('autocomplete 1st = expected', firstChoice(ours), firstChoice(baseline)),
    row('resolve p50 / p99', timing(ours.resolve), timing(baseline.resolve), `target p99 < ${search.targets.resolveP99Ms} ms: ${check(search.met.resolveP99)}`),
    row('  max', ms(ours.resolve.maxMs), ms(baseline.resolve.maxMs)),
    row(
      'autocomplete p50 / p99',
      timing(ours.autocomplete),
      timing(baseline.autocomplete),
      `target p99 < ${search.targets.autocompleteP99Ms} ms: ${check(search.met.autocompleteP99)}`,
    ),
    row('  max', ms(ours.autocomplete.maxMs), ms(baseline.autocomplete.maxMs)),
    ...gazetteerLines(search.gazetteer),
  ];
}

function gazetteerLines(g: SearchBench['gazetteer']): string[] {
  return [
    `Gazetteer (places and postcodes, data/places.json), against the same resolver without it:`,
    `  added heap ${g.addedHeapMb} MB (target < ${g.targets.addedHeapMb} MB: ${check(g.met.heap)})`,
    `  added start-up ${ms(g.addedStartupMs)} = cold load ${ms(g.loadColdMs)} (CPU ${ms(g.loadColdCpuMs)}) + index build ${ms(g.addedBuildMs)} (target < ${g.targets.addedStartupMs} ms: ${check(g.met.startup)})`,
    `  resolve p99 ${ms(g.resolveP99Ms)} with, ${ms(g.resolveP99WithoutMs)} without: ratio ${g.resolveP99Ratio} (target p99 < ${g.targets.resolveP99Ms} ms: ${check(g.met.resolveP99)})`,
  ];
}

function commandLines(commands: CommandsBench): string[] {
  return [
    `Commands — router.command, ${commands.iterations} timed runs each after warm-up; app build ${ms(commands.appBuildMs)}; target p99 < ${commands.target.p99Ms} ms`,
    `  ${pad('', 38)}${pad('p50', 11)}${pad('p99', 11)}${pad('max', 11)}${pad('target', 8)}reply`,
    ...commands.results.map(
      (r) =>
        `  ${pad(r.label, 38)}${pad(ms(r.p50Ms), 11)}${pad(ms(r.p99Ms), 11)}${pad(ms(r.maxMs), 11)}${pad(check(r.met), 8)}${r.reply}${r.note === undefined ? '' : ` (${r.note})`}`,
    ),
    commands.results.some((r) => r.note?.includes('chart:false') === true)
      ? '  Charts excepted: commands with a chart option ran with chart:false (charts are timed below).'
      : '  Charts excepted: no command offers a chart option yet; a reply that carried a file would be noted above.',
  ];
}

function questionLines(q: QuestionsBench): string[] {
  return [
    `Questions — ${q.questions} fixture questions, ${q.rounds} timed rounds after warm-up (parse + reply, no charts); target p99 < ${q.target.p99Ms} ms`,
    `  answered correctly (reading + lead facts)  ${q.correct}/${q.questions} (${q.pct}%)`,
    `  baseline: the question typed into /ics     ${q.baseline.correct}/${q.questions} (${q.baseline.pct}%)`,
    `  per question (median of its runs) p50 / p99 ${ms(q.perQuestion.p50Ms)} / ${ms(q.perQuestion.p99Ms)}  ${check(q.met)}`,
    `  every run p50 / p99 / max                  ${ms(q.ask.p50Ms)} / ${ms(q.ask.p99Ms)} / ${ms(q.ask.maxMs)}`,
    `  baseline resolve p50 / p99                 ${ms(q.baseline.resolve.p50Ms)} / ${ms(q.baseline.resolve.p99Ms)} (p99 ratio ask ÷ resolve ${(q.ask.p99Ms / q.baseline.resolve.p99Ms).toFixed(1)}×)`,
    ...q.failures.slice(0, 10).map((f) => `  ✗ ${f}`),
  ];
}

function recordLines(title: string, record: unknown): string[] {
  if (typeof record !== 'object' || record === null) return [`${title}: ${JSON.stringify(record)}`];
  return [title, ...Object.entries(record).map(([key, value]) => `  ${pad(key, 46)}${typeof value === 'number' ? value : JSON.stringify(value)}`)];
}

function heapLine(readings: Record<string, HeapReading>): string {
  const afterGc = Object.values(readings).every((r) => r.afterGc);
  const parts = Object.entries(readings).map(([label, r]) => `${label} ${r.heapUsedMb} MB`);
  return `Heap used: ${parts.join(' → ')}${afterGc ? ' (each after a full GC)' : ' (no forced GC; run with NODE_OPTIONS=--expose-gc for live-data figures)'}`;
}

async function main(): Promise<void> {
  const { json, rounds, quick } = parseArgs(process.argv.slice(2));
  const heap: Record<string, HeapReading> = { start: heapUsed() };
  const dataset = benchDatasetLoad();
  heap.afterLoad = heapUsed();
  const search = benchSearch({ rounds });
  const commands = await benchCommands();
  const questions = await benchQuestions();
  heap.afterSearchAndCommands = heapUsed();
  const charts = await benchCharts();
  const http = await benchHttpIfPresent();
  heap.end = heapUsed();
  const runtime = await benchRuntime({ quick, names: getDataset().systems.map((s) => s.shortName) });

  const report = [
    `ICS finance bot — benchmark (node ${process.version}, ${os.cpus().length} CPUs, ${os.platform()} ${os.arch()})`,
    `Dataset load: ${ms(dataset.coldMs)} cold (first load in the process), ${ms(dataset.warmP50Ms)} warm (p50 of ${WARM_LOADS} reloads)`,
    heapLine(heap),
    '',
    ...searchLines(search),
    '',
    ...commandLines(commands),
    '',
    ...questionLines(questions),
    '',
    ...recordLines('Charts (bench/charts.ts)', charts),
    '',
    ...(http.ran ? recordLines('HTTP (bench/http.ts)', http.result) : [`HTTP: ${http.note}`]),
    '',
    ...recordLines('Runtime: cold start, memory, pinned charts, soak (bench/runtime.ts)', runtime),
  ].join('\n');

  if (json) {
    process.stderr.write(`${report}\n`);
    process.stdout.write(
      `${JSON.stringify({ node: process.version, cpus: os.cpus().length, dataset, heap, search, commands, questions, charts, http, runtime })}\n`,
    );
  } else {
    process.stdout.write(`${report}\n`);
  }
}

await main();
