import Fuse from 'fuse.js';
import { createContext } from '../src/core/app.ts';
import { getDataset } from '../src/data/load.ts';
import type { Dataset, IcsSystem } from '../src/data/model.ts';
import type { Choice } from '../src/search/autocomplete.ts';
import type { Resolution } from '../src/search/resolve.ts';
import { DISCORD_LIMITS } from '../src/protocol/limits.ts';
import { isCorrect, QUERIES, type FixtureQuery } from '../tests/support/fixture.ts';
import { benchGazetteer, type GazetteerBench } from './gazetteer.ts';
import { elapsedMs, roundMs, roundSummary, summarise, timeSync, type Summary } from './stats.ts';

export const SEARCH_TARGETS = { resolveP99Ms: 1, autocompleteP99Ms: 0.5 } as const;

/** Discord caps what a user can type into these name options (setMaxLength(100)), so longer prefixes never arrive. */
const MAX_TYPED_CHARS = 100;
/** Warm-up rounds (untimed): resolve is cheap, autocomplete types thousands of prefixes per round. */
const WARMUP_ROUNDS = { resolve: 3, autocomplete: 1 } as const;

interface Searcher {
  resolve(query: string): Resolution;
  autocomplete(input: string): Choice[];
}

export interface Accuracy {
  correct: number;
  total: number;
  pct: number;
  byKind: Record<string, { correct: number; total: number }>;
}

export interface SearcherResult {
  resolveAccuracy: Accuracy;
  /** Queries expecting one system whose full text puts that system first in autocomplete. */
  autocompleteFirstChoice: { correct: number; total: number; pct: number };
  resolve: Summary;
  autocomplete: Summary;
}

export interface SearchBench {
  queries: number;
  prefixes: number;
  rounds: number;
  autocompleteRounds: number;
  indexBuildMs: number;
  ours: SearcherResult;
  baseline: SearcherResult;
  targets: typeof SEARCH_TARGETS;
  met: { resolveP99: boolean; autocompleteP99: boolean };
  /** Places and postcodes: what the gazetteer adds in heap, start-up and resolve time. */
  gazetteer: GazetteerBench;
}

/**
 * The naive matcher the issue compares against: fuse.js with default options over the 42 published names only, raw
 * query, top-1 result, a match whenever there is any result (so it can never say "ambiguous").
 */
function naiveBaseline(systems: readonly IcsSystem[]): Searcher {
  const fuse = new Fuse(systems.map((s) => s.publishedName));
  const systemAt = (index: number): IcsSystem => {
    const system = systems[index];
    if (system === undefined) throw new Error(`fuse returned index ${index} outside the list`);
    return system;
  };
  return {
    resolve(query) {
      const [top] = fuse.search(query, { limit: 1 });
      if (top === undefined) return { kind: 'notFound', suggestions: [] };
      const system = systemAt(top.refIndex);
      return { kind: 'match', system, via: { key: top.item, display: top.item, kind: 'name', systemId: system.id } };
    },
    autocomplete(input) {
      return fuse.search(input, { limit: DISCORD_LIMITS.choices }).map((r) => ({ name: r.item, value: systemAt(r.refIndex).id }));
    },
  };
}

/** Every prefix a user produces while typing the query, by code point so an emoji is never split in half. */
function prefixesOf(query: string): string[] {
  const chars = [...query].slice(0, MAX_TYPED_CHARS);
  return chars.map((_, index) => chars.slice(0, index + 1).join(''));
}

function pct(correct: number, total: number): number {
  return total === 0 ? Number.NaN : Math.round((correct / total) * 1000) / 10;
}

function accuracyOf(searcher: Searcher, queries: readonly FixtureQuery[]): Accuracy {
  const byKind: Record<string, { correct: number; total: number }> = {};
  let correct = 0;
  for (const query of queries) {
    const ok = isCorrect(query, searcher.resolve(query.q));
    const tally = (byKind[query.kind] ??= { correct: 0, total: 0 });
    tally.total += 1;
    if (ok) {
      tally.correct += 1;
      correct += 1;
    }
  }
  return { correct, total: queries.length, pct: pct(correct, queries.length), byKind };
}

function firstChoiceOf(searcher: Searcher, queries: readonly FixtureQuery[]): SearcherResult['autocompleteFirstChoice'] {
  const single = queries.filter((q): q is FixtureQuery & { expect: string } => typeof q.expect === 'string');
  const correct = single.filter((q) => searcher.autocomplete(q.q)[0]?.value === q.expect).length;
  return { correct, total: single.length, pct: pct(correct, single.length) };
}

/** Appends one timed call per input; the checksum keeps the results observably used. */
function timeEach(inputs: readonly string[], run: (input: string) => unknown, into: number[]): number {
  let checksum = 0;
  for (const input of inputs) {
    const start = process.hrtime.bigint();
    const result = run(input);
    into.push(elapsedMs(start));
    checksum += Array.isArray(result) ? result.length : 1;
  }
  return checksum;
}

/**
 * Accuracy on the public fixture and the latency of each resolve and each autocomplete keystroke, for our search and
 * the naive baseline, measured round by round in the same process so both see the same JIT and GC conditions.
 */
export function benchSearch(options: { rounds?: number; autocompleteRounds?: number; data?: Dataset } = {}): SearchBench {
  const rounds = options.rounds ?? 20;
  // Each round types ~5,600 prefixes, so fewer rounds already give tens of thousands of samples for the p99.
  const autocompleteRounds = options.autocompleteRounds ?? Math.min(rounds, 5);
  const data = options.data ?? getDataset();
  const built = timeSync(() => createContext(data));
  const ours: Searcher = { resolve: (q) => built.result.resolver.resolve(q), autocomplete: (q) => built.result.autocompleteSystems(q) };
  const baseline = naiveBaseline(data.systems);

  const queries = QUERIES.map((q) => q.q);
  const prefixes = QUERIES.flatMap((q) => prefixesOf(q.q));
  const searchers = { ours, baseline };
  const samples = {
    ours: { resolve: [] as number[], autocomplete: [] as number[] },
    baseline: { resolve: [] as number[], autocomplete: [] as number[] },
  };

  for (const searcher of Object.values(searchers)) {
    for (let round = 0; round < WARMUP_ROUNDS.resolve; round += 1) timeEach(queries, searcher.resolve, []);
    for (let round = 0; round < WARMUP_ROUNDS.autocomplete; round += 1) timeEach(prefixes, searcher.autocomplete, []);
  }
  let checksum = 0;
  for (let round = 0; round < rounds; round += 1) {
    // Alternate who goes first so neither always inherits the other's garbage.
    const order = round % 2 === 0 ? (['ours', 'baseline'] as const) : (['baseline', 'ours'] as const);
    for (const name of order) {
      checksum += timeEach(queries, searchers[name].resolve, samples[name].resolve);
      if (round < autocompleteRounds) checksum += timeEach(prefixes, searchers[name].autocomplete, samples[name].autocomplete);
    }
  }
  if (checksum < 0) throw new Error('unreachable: keeps the results alive');

  const resultOf = (name: 'ours' | 'baseline'): SearcherResult => ({
    resolveAccuracy: accuracyOf(searchers[name], QUERIES),
    autocompleteFirstChoice: firstChoiceOf(searchers[name], QUERIES),
    resolve: roundSummary(summarise(samples[name].resolve)),
    autocomplete: roundSummary(summarise(samples[name].autocomplete)),
  });
  const oursResult = resultOf('ours');
  return {
    queries: queries.length,
    prefixes: prefixes.length,
    rounds,
    autocompleteRounds,
    indexBuildMs: roundMs(built.ms),
    ours: oursResult,
    baseline: resultOf('baseline'),
    targets: SEARCH_TARGETS,
    met: {
      resolveP99: oursResult.resolve.p99Ms < SEARCH_TARGETS.resolveP99Ms,
      autocompleteP99: oursResult.autocomplete.p99Ms < SEARCH_TARGETS.autocompleteP99Ms,
    },
    gazetteer: benchGazetteer(data),
  };
}
