import { AsyncLocalStorage } from 'node:async_hooks';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import type { Resvg as ResvgClass, ResvgRenderOptions } from '@resvg/resvg-js';
import { chartFontFiles } from './fonts.ts';
import { PngCache, pngCacheKey, type PngCacheLimits } from './png-cache.ts';
import { RenderPool } from './render-pool.ts';
import { THEME } from './theme.ts';

export interface PngOptions {
  /** Output width in px; the chart is scaled to fit. Defaults to the SVG's own 1000 px. */
  width?: number;
  /** false renders afresh and leaves the cache alone (benchmarks). */
  cache?: boolean;
}

export interface ChartRendererOptions {
  /** Worker threads for renderPngAsync. Default: one per spare core, at most two. */
  workers?: number;
  cache?: Partial<PngCacheLimits>;
}

export interface ChartRenderer {
  /** Renders on the calling thread: for CLIs and tests, not for a bot answering many users. */
  renderPng(svg: string, options?: PngOptions): Buffer;
  /** Renders in a worker thread, so the event loop keeps answering; identical concurrent requests share one render. */
  renderPngAsync(svg: string, options?: PngOptions): Promise<Buffer>;
  /** Renders started inside `work` (however deep in a command) are pinned in the cache: the default charts. */
  pinning<T>(work: () => Promise<T>): Promise<T>;
  readonly cache: PngCache;
  close(): Promise<void>;
}

/**
 * The width charts are rendered at: Discord shows an embed image at most about 400 CSS px wide on desktop, so 800 px is
 * sharp on 2× screens and costs 0.64 of the pixels of the SVG's own 1000 px.
 */
export const CHART_DISPLAY_WIDTH = 800;

/**
 * resvg (a native addon, ~20 MB mapped) loads on the first chart rendered on this thread, not at start: most answers
 * carry no chart, and the render workers load their own copy.
 */
let resvgClass: typeof ResvgClass | undefined;
function loadResvg(): typeof ResvgClass {
  resvgClass ??= (createRequire(import.meta.url)('@resvg/resvg-js') as { Resvg: typeof ResvgClass }).Resvg;
  return resvgClass;
}

/** About 100 typical charts; a 42-bar chart is ~250 kB. */
const DEFAULT_CACHE: PngCacheLimits = { maxEntries: 128, maxBytes: 32 * 1024 * 1024 };

/**
 * resvg options for our charts. Fonts are the bundled DejaVu files only: resvg silently draws no text without a
 * font, and system fonts differ between machines. `fonts: false` exists only to prove that (see the tests).
 */
export function resvgOptions(width: number, fonts = true): ResvgRenderOptions {
  return {
    fitTo: { mode: 'width', value: width },
    background: THEME.background,
    font: { fontFiles: fonts ? [...chartFontFiles()] : [], loadSystemFonts: false, defaultFontFamily: THEME.fontFamily },
    logLevel: 'off',
  };
}

export interface RasterImage {
  width: number;
  height: number;
  /** RGBA, 4 bytes per pixel, row by row. */
  pixels: Buffer;
}

/** Raw pixels, for checks that look at what was drawn. */
export function rasterize(svg: string, options: { width?: number; fonts?: boolean } = {}): RasterImage {
  const image = new (loadResvg())(svg, resvgOptions(options.width ?? THEME.width, options.fonts ?? true)).render();
  return { width: image.width, height: image.height, pixels: image.pixels };
}

function defaultWorkers(): number {
  return Math.max(1, Math.min(2, availableParallelism() - 1));
}

export function createChartRenderer(options: ChartRendererOptions = {}): ChartRenderer {
  const cache = new PngCache({ ...DEFAULT_CACHE, ...options.cache });
  const inFlight = new Map<string, Promise<Buffer>>();
  const pinned = new AsyncLocalStorage<true>();
  let pool: RenderPool | undefined;
  const keep = (key: string, png: Buffer, pin: boolean): void => (pin ? cache.pin(key, png) : cache.set(key, png));

  return {
    cache,
    renderPng(svg, { width = THEME.width, cache: useCache = true } = {}) {
      const key = pngCacheKey(svg, width);
      const cached = useCache ? cache.get(key) : undefined;
      if (cached) return cached;
      const png = new (loadResvg())(svg, resvgOptions(width)).render().asPng();
      if (useCache) cache.set(key, png);
      return png;
    },
    renderPngAsync(svg, { width = THEME.width, cache: useCache = true } = {}) {
      pool ??= new RenderPool(options.workers ?? defaultWorkers());
      if (!useCache) return pool.render(svg, resvgOptions(width));
      const key = pngCacheKey(svg, width);
      const pin = pinned.getStore() === true;
      const cached = cache.get(key);
      if (cached) {
        if (pin) cache.pin(key, cached);
        return Promise.resolve(cached);
      }
      const pending = inFlight.get(key);
      if (pending && !pin) return pending;
      if (pending)
        return pending.then((png) => {
          cache.pin(key, png);
          return png;
        });
      const rendering = pool
        .render(svg, resvgOptions(width))
        .then((png) => {
          keep(key, png, pin);
          return png;
        })
        .finally(() => inFlight.delete(key));
      inFlight.set(key, rendering);
      return rendering;
    },
    pinning(work) {
      return pinned.run(true, work);
    },
    async close() {
      await pool?.close();
      pool = undefined;
    },
  };
}

let shared: ChartRenderer | undefined;

function sharedRenderer(): ChartRenderer {
  shared ??= createChartRenderer();
  return shared;
}

/** PNG of a chart SVG, rendered on this thread and cached. */
export function renderPng(svg: string, options?: PngOptions): Buffer {
  return sharedRenderer().renderPng(svg, options);
}

/** PNG of a chart SVG, rendered in a worker thread and cached. */
export function renderPngAsync(svg: string, options?: PngOptions): Promise<Buffer> {
  return sharedRenderer().renderPngAsync(svg, options);
}

/** The renderer replies use (renderPngAsync): for pinning the default charts and reading its cache. */
export function chartRenderer(): ChartRenderer {
  return sharedRenderer();
}

/** Stops the shared renderer's workers (graceful shutdown); the next render starts them again. */
export async function closeChartRenderer(): Promise<void> {
  await shared?.close();
}
