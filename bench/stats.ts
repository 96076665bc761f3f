/**
 * Timing helpers for the benchmarks. Percentiles use the nearest-rank method on a sorted copy: no package is a direct
 * dependency for this (hdr-histogram-js is only there transitively through autocannon), and a few hundred thousand
 * samples sort in milliseconds.
 */

export interface Summary {
  samples: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  meanMs: number;
}

/** Nearest-rank percentile of already sorted samples; NaN when there are none. */
export function percentileOfSorted(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1] ?? Number.NaN;
}

export function summarise(samplesMs: readonly number[]): Summary {
  const sorted = Float64Array.from(samplesMs).sort();
  const asArray = Array.from(sorted);
  const total = asArray.reduce((sum, each) => sum + each, 0);
  return {
    samples: asArray.length,
    p50Ms: percentileOfSorted(asArray, 50),
    p99Ms: percentileOfSorted(asArray, 99),
    maxMs: asArray.at(-1) ?? Number.NaN,
    meanMs: asArray.length === 0 ? Number.NaN : total / asArray.length,
  };
}

/** Milliseconds since `start`, from process.hrtime.bigint (nanosecond clock, never adjusted). */
export function elapsedMs(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/** Times one synchronous call. */
export function timeSync<T>(run: () => T): { result: T; ms: number } {
  const start = process.hrtime.bigint();
  const result = run();
  return { result, ms: elapsedMs(start) };
}

/** Rounds to microsecond precision for printing and JSON (nanoseconds are noise at this scale). */
export function roundMs(ms: number): number {
  return Math.round(ms * 1000) / 1000;
}

export function roundSummary(summary: Summary): Summary {
  return {
    samples: summary.samples,
    p50Ms: roundMs(summary.p50Ms),
    p99Ms: roundMs(summary.p99Ms),
    maxMs: roundMs(summary.maxMs),
    meanMs: roundMs(summary.meanMs),
  };
}

export interface HeapReading {
  heapUsedMb: number;
  /** Whether a full GC ran just before the reading (only when node was started with --expose-gc). */
  afterGc: boolean;
}

/** Heap in use, after a full collection when one can be forced, so before/after compare live data, not garbage. */
export function heapUsed(): HeapReading {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  return { heapUsedMb: Math.round((process.memoryUsage().heapUsed / 2 ** 20) * 10) / 10, afterGc: gc !== undefined };
}
