import v8 from 'node:v8';
import vm from 'node:vm';
import type { Dataset } from '../src/data/model.ts';
import { loadPlaces } from '../src/data/places-schema.ts';
import { createResolver, type Resolver } from '../src/search/resolve.ts';
import { QUERIES } from '../tests/support/fixture.ts';
import { elapsedMs, roundMs, summarise, timeSync } from './stats.ts';

export const GAZETTEER_TARGETS = { addedHeapMb: 10, addedStartupMs: 30, resolveP99Ms: 1 } as const;

export interface GazetteerBench {
  /** data/places.json read, parsed and validated, first time in the process. */
  loadColdMs: number;
  /** The same in CPU time: on a shared machine wall time also counts waiting for a core. */
  loadColdCpuMs: number;
  /** Building the resolver with the gazetteer, minus without it (p50 of several builds each). */
  addedBuildMs: number;
  /** What the gazetteer adds to a starting bot: cold load plus the extra build time. */
  addedStartupMs: number;
  /** Live heap held by a resolver with the gazetteer minus one without, after full collections. */
  addedHeapMb: number;
  /** Resolve p99 over the fixture with the gazetteer, and the same without it, in the same rounds. */
  resolveP99Ms: number;
  resolveP99WithoutMs: number;
  resolveP99Ratio: number;
  targets: typeof GAZETTEER_TARGETS;
  met: { heap: boolean; startup: boolean; resolveP99: boolean };
}

const BUILDS = 7;

/** A full collection, whether or not node was started with --expose-gc: heap deltas must compare live data only. */
function collector(): () => void {
  v8.setFlagsFromString('--expose-gc');
  return vm.runInNewContext('gc') as () => void;
}

function liveHeapMb(gc: () => void): number {
  gc();
  gc();
  return process.memoryUsage().heapUsed / 2 ** 20;
}

function p99Of(resolver: Resolver, rounds: number, into: number[]): void {
  for (let round = 0; round < rounds; round += 1) {
    for (const query of QUERIES) {
      const start = process.hrtime.bigint();
      resolver.resolve(query.q);
      into.push(elapsedMs(start));
    }
  }
}

/** The gazetteer's own cost against the same resolver without it, measured side by side in one process. */
export function benchGazetteer(data: Dataset, rounds = 10): GazetteerBench {
  const gc = collector();
  const cpuBefore = process.cpuUsage();
  const cold = timeSync(() => loadPlaces());
  const cpu = process.cpuUsage(cpuBefore);
  const places = cold.result;
  const build = (withPlaces: boolean): number => timeSync(() => createResolver(data.systems, data.changes.successors, withPlaces ? places : undefined)).ms;
  const withTimes: number[] = [];
  const withoutTimes: number[] = [];
  for (let i = 0; i < BUILDS; i += 1) {
    withoutTimes.push(build(false));
    withTimes.push(build(true));
  }
  const addedBuildMs = Math.max(0, summarise(withTimes).p50Ms - summarise(withoutTimes).p50Ms);

  const before = liveHeapMb(gc);
  const without = createResolver(data.systems, data.changes.successors);
  const middle = liveHeapMb(gc);
  const withPlaces = createResolver(data.systems, data.changes.successors, loadPlaces());
  const after = liveHeapMb(gc);
  const addedHeapMb = Math.round((after - middle - (middle - before)) * 10) / 10;

  const samplesWith: number[] = [];
  const samplesWithout: number[] = [];
  p99Of(withPlaces, 2, []);
  p99Of(without, 2, []);
  for (let round = 0; round < rounds; round += 1) {
    p99Of(round % 2 === 0 ? withPlaces : without, 1, round % 2 === 0 ? samplesWith : samplesWithout);
    p99Of(round % 2 === 0 ? without : withPlaces, 1, round % 2 === 0 ? samplesWithout : samplesWith);
  }
  const resolveP99Ms = roundMs(summarise(samplesWith).p99Ms);
  const resolveP99WithoutMs = roundMs(summarise(samplesWithout).p99Ms);
  const addedStartupMs = roundMs(cold.ms + addedBuildMs);
  return {
    loadColdMs: roundMs(cold.ms),
    loadColdCpuMs: roundMs((cpu.user + cpu.system) / 1000),
    addedBuildMs: roundMs(addedBuildMs),
    addedStartupMs,
    addedHeapMb,
    resolveP99Ms,
    resolveP99WithoutMs,
    resolveP99Ratio: Math.round((resolveP99Ms / resolveP99WithoutMs) * 100) / 100,
    targets: GAZETTEER_TARGETS,
    met: {
      heap: addedHeapMb < GAZETTEER_TARGETS.addedHeapMb,
      startup: addedStartupMs < GAZETTEER_TARGETS.addedStartupMs,
      resolveP99: resolveP99Ms < GAZETTEER_TARGETS.resolveP99Ms,
    },
  };
}
