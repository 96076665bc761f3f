import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { ResvgRenderOptions } from '@resvg/resvg-js';

/**
 * Why a pool of worker threads and not resvg-js's own renderAsync: renderAsync (napi AsyncTask, src/lib.rs of
 * resvg-js 2.6.2) parses and rasterises on the libuv threadpool, but `asPng()` then encodes the PNG synchronously
 * on the calling thread — about 25 ms for a 42-bar chart, during which the bot answers nothing — and the rendering
 * occupies libuv threads that fs, dns.lookup and zlib also need. In a worker the whole job, encoding included,
 * runs off the event loop.
 *
 * The worker is plain CommonJS passed as a string (eval), so it runs the same under tsx, vitest and compiled
 * builds; resvg's absolute path comes in workerData so it resolves from any cwd.
 *
 * Each render leaves native memory (pixmaps, the parsed tree) owned by small JS objects; V8 sees only the small
 * objects, so it rarely collects them and the process grows by megabytes per chart (measured in issue 14). A full
 * collection after each render, once the PNG is on its way, frees it. Workers refuse --expose-gc in execArgv, so the
 * worker turns the flag on for itself and takes gc from a fresh context.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
require('node:v8').setFlagsFromString('--expose-gc');
const collect = require('node:vm').runInNewContext('gc');
const { Resvg } = require(workerData.resvgPath);
parentPort.on('message', ({ svg, options }) => {
  try {
    const png = new Resvg(svg, options).render().asPng();
    // Copy into a buffer of our own so it can be transferred rather than cloned.
    const out = new Uint8Array(png.length);
    out.set(png);
    parentPort.postMessage({ png: out }, [out.buffer]);
  } catch (error) {
    parentPort.postMessage({ error: error instanceof Error ? error.message : String(error) });
  }
  collect();
});
`;

type WorkerReply = { png: Uint8Array; error?: undefined } | { png?: undefined; error: string };

interface Job {
  svg: string;
  options: ResvgRenderOptions;
  resolve: (png: Buffer) => void;
  reject: (error: Error) => void;
}

/**
 * Even with a collection after each render, a long-lived worker's native memory keeps growing (measured: ~580 MB RSS
 * after 600 distinct charts in one worker); replaced every 50 charts the same soak stays between ~170 and ~340 MB.
 * A fresh worker costs tens of milliseconds, under one chart's render.
 */
const RECYCLE_AFTER = 50;

const resvgPath = createRequire(import.meta.url).resolve('@resvg/resvg-js');

export class RenderPool {
  readonly #idle: Worker[] = [];
  readonly #busy = new Map<Worker, Job>();
  readonly #queue: Job[] = [];
  #closed = false;

  constructor(
    readonly size: number,
    /** Renders per worker before it is replaced (see WORKER_SOURCE on native memory). */
    readonly recycleAfter = RECYCLE_AFTER,
  ) {
    if (!Number.isInteger(size) || size < 1) throw new RangeError(`RenderPool size must be a positive integer, got ${size}`);
  }

  /** Renders in a worker thread; jobs beyond the pool size wait their turn in order. */
  render(svg: string, options: ResvgRenderOptions): Promise<Buffer> {
    if (this.#closed) return Promise.reject(new Error('chart render pool is closed'));
    return new Promise((resolve, reject) => {
      this.#queue.push({ svg, options, resolve, reject });
      this.#pump();
    });
  }

  /** Stops every worker; queued and running jobs are rejected. */
  async close(): Promise<void> {
    this.#closed = true;
    const error = new Error('chart render pool is closed');
    for (const job of this.#queue.splice(0)) job.reject(error);
    for (const job of this.#busy.values()) job.reject(error);
    const workers = [...this.#idle.splice(0), ...this.#busy.keys()];
    this.#busy.clear();
    await Promise.all(workers.map((worker) => worker.terminate()));
  }

  #pump(): void {
    while (this.#queue.length > 0) {
      const worker = this.#idle.pop() ?? (this.#busy.size < this.size ? this.#spawn() : undefined);
      if (!worker) return;
      const job = this.#queue.shift() as Job;
      this.#busy.set(worker, job);
      // Keep the process alive only while a job is in flight.
      worker.ref();
      worker.postMessage({ svg: job.svg, options: job.options });
    }
  }

  #spawn(): Worker {
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { resvgPath } });
    let renders = 0;
    worker.unref();
    worker.on('message', (reply: WorkerReply) => {
      const job = this.#busy.get(worker);
      this.#busy.delete(worker);
      worker.unref();
      renders += 1;
      // Retired rather than reused once it has rendered its share: its exit hands every page it held back to the system.
      if (renders >= this.recycleAfter) void worker.terminate();
      else if (!this.#closed) this.#idle.push(worker);
      if (job) {
        if (reply.png) job.resolve(Buffer.from(reply.png.buffer, reply.png.byteOffset, reply.png.byteLength));
        else job.reject(new Error(`chart rendering failed: ${reply.error}`));
      }
      this.#pump();
    });
    // A crashed worker fails its job and is replaced on the next pump.
    const retire = (error: Error) => {
      const job = this.#busy.get(worker);
      this.#busy.delete(worker);
      const idleAt = this.#idle.indexOf(worker);
      if (idleAt !== -1) this.#idle.splice(idleAt, 1);
      job?.reject(error);
      if (!this.#closed) this.#pump();
    };
    worker.on('error', retire);
    worker.on('exit', (code) => retire(new Error(`chart render worker exited with code ${code}`)));
    return worker;
  }
}
