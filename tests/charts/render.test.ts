import { afterAll, describe, expect, it } from 'vitest';
import { horizontalBarChart, type BarChartSpec } from '../../src/charts/bar-chart.ts';
import { comparisonChart } from '../../src/charts/comparison-chart.ts';
import { createChartRenderer, rasterize, renderPng, renderPngAsync, closeChartRenderer, type RasterImage } from '../../src/charts/render.ts';
import { PngCache } from '../../src/charts/png-cache.ts';

// Synthetic figures: not survey data. Long names so row labels fill the label column.
const spec: BarChartSpec = {
  title: 'Spend per head (£)',
  subtitle: 'Survey of ICS finances, early 2022',
  unit: 'gbp',
  bars: [
    { label: 'Cornwall and the Isles of Scilly', value: 1600 },
    { label: 'Kent & Medway', value: 1450, highlight: true },
    { label: 'Cambridgeshire and Peterborough', value: null },
    { label: 'Bath and North East Somerset, Swindon and Wiltshire', value: 1500 },
  ],
};
const svg = horizontalBarChart(spec);

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** Width and height from the IHDR chunk, which must come first, straight after the signature. */
function pngSize(png: Buffer): { width: number; height: number } {
  expect([...png.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
  expect(png.readUInt32BE(8)).toBe(13);
  expect(png.toString('latin1', 12, 16)).toBe('IHDR');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

function svgHeight(source: string): number {
  return Number(/height="(\d+)"/.exec(source)?.[1]);
}

/** The row-label column: left of where labels end, from the first row to the last (the title is above it). */
function labelArea(source: string): { right: number; top: number; bottom: number } {
  const labels = [...source.matchAll(/<text class="label" x="([\d.]+)" y="([\d.]+)"/g)].map((match) => ({ x: Number(match[1]), y: Number(match[2]) }));
  return { right: labels[0]?.x ?? 0, top: (labels[0]?.y ?? 0) - 30, bottom: (labels[labels.length - 1]?.y ?? 0) + 10 };
}

/** Pixels in the area that are not the white background, and how many of those are dark (text ink, not haze). */
function inkIn(image: RasterImage, area: { right: number; top: number; bottom: number }): { nonWhite: number; dark: number } {
  let nonWhite = 0;
  let dark = 0;
  for (let y = Math.floor(area.top); y < Math.ceil(area.bottom); y += 1) {
    for (let x = 0; x < Math.ceil(area.right); x += 1) {
      const at = (y * image.width + x) * 4;
      const [r, g, b] = [image.pixels[at] ?? 255, image.pixels[at + 1] ?? 255, image.pixels[at + 2] ?? 255];
      if (r < 250 || g < 250 || b < 250) nonWhite += 1;
      if (r + g + b < 3 * 100) dark += 1;
    }
  }
  return { nonWhite, dark };
}

afterAll(async () => {
  await closeChartRenderer();
});

describe('renderPng', () => {
  it('produces a PNG of the SVG’s width and height', () => {
    expect(pngSize(renderPng(svg, { cache: false }))).toEqual({ width: 1000, height: svgHeight(svg) });
  });

  it('scales to a requested width', () => {
    const { width, height } = pngSize(renderPng(svg, { width: 500, cache: false }));
    expect(width).toBe(500);
    expect(height).toBe(Math.round(svgHeight(svg) / 2));
  });

  it('renders a 42-bar chart', () => {
    const bars = Array.from({ length: 42 }, (_, index) => ({ label: `System ${index + 1}`, value: index % 6 === 0 ? null : index * 3.1 }));
    const tall = horizontalBarChart({ ...spec, unit: 'gbp-m', bars });
    expect(pngSize(renderPng(tall, { cache: false }))).toEqual({ width: 1000, height: svgHeight(tall) });
  });

  it('renders a comparison chart', () => {
    const chart = comparisonChart({ title: 'A vs B', subtitle: 's', systems: ['A', 'B'], measures: [{ label: 'm', unit: 'gbp', values: [1, null] }] });
    expect(pngSize(renderPng(chart, { cache: false })).width).toBe(1000);
  });
});

describe('fonts', () => {
  const area = labelArea(svg);

  it('finds the label column (guards the checks below)', () => {
    expect(area.right).toBeGreaterThan(300);
    expect(area.bottom - area.top).toBeGreaterThan(3 * 40);
  });

  it('load: the row labels are drawn as dark text', () => {
    const ink = inkIn(rasterize(svg), area);
    expect(ink.dark).toBeGreaterThan(2000);
  });

  it('when missing, leave the label column blank — which is what the check above would catch', () => {
    const ink = inkIn(rasterize(svg, { fonts: false }), area);
    expect(ink.nonWhite).toBe(0);
  });

  it('draw no text outside the labels either without fonts, yet still draw the bars', () => {
    const image = rasterize(svg, { fonts: false });
    const whole = inkIn(image, { right: image.width, top: 0, bottom: image.height });
    const withFonts = inkIn(rasterize(svg), { right: image.width, top: 0, bottom: image.height });
    expect(whole.nonWhite).toBeGreaterThan(0);
    expect(withFonts.dark).toBeGreaterThan(whole.dark + 5000);
  });
});

describe('renderPngAsync', () => {
  it('renders in a worker the same PNG as on the main thread', async () => {
    const png = await renderPngAsync(svg, { cache: false });
    expect(pngSize(png)).toEqual({ width: 1000, height: svgHeight(svg) });
    expect(png.equals(renderPng(svg, { cache: false }))).toBe(true);
  });

  it('rejects a broken SVG and keeps working afterwards', async () => {
    await expect(renderPngAsync('<svg', { cache: false })).rejects.toThrow(/chart rendering failed/);
    expect(pngSize(await renderPngAsync(svg, { cache: false })).width).toBe(1000);
  });

  it('keeps the event loop free while rendering', async () => {
    const bars = Array.from({ length: 42 }, (_, index) => ({ label: `System ${index + 1}`, value: index * 3.1 }));
    const tall = horizontalBarChart({ ...spec, unit: 'gbp-m', bars });
    let ticks = 0;
    const timer = setInterval(() => (ticks += 1), 1);
    await Promise.all(Array.from({ length: 4 }, () => renderPngAsync(tall, { cache: false })));
    clearInterval(timer);
    expect(ticks).toBeGreaterThan(20);
  });
});

describe('cache', () => {
  it('returns the same Buffer for the same chart, on either path', async () => {
    const renderer = createChartRenderer({ workers: 1 });
    const first = renderer.renderPng(svg);
    expect(renderer.renderPng(horizontalBarChart(spec))).toBe(first);
    expect(await renderer.renderPngAsync(svg)).toBe(first);
    expect(renderer.renderPng(svg, { width: 500 })).not.toBe(first);
    await renderer.close();
  });

  it('renders identical concurrent requests once', async () => {
    const renderer = createChartRenderer({ workers: 2 });
    const [a, b] = await Promise.all([renderer.renderPngAsync(svg), renderer.renderPngAsync(svg)]);
    expect(a).toBe(b);
    expect(renderer.cache.size).toBe(1);
    await renderer.close();
  });

  it('bypasses the cache when asked', () => {
    const renderer = createChartRenderer();
    const cached = renderer.renderPng(svg);
    const fresh = renderer.renderPng(svg, { cache: false });
    expect(fresh).not.toBe(cached);
    expect(fresh.equals(cached)).toBe(true);
  });

  it('evicts the least recently used entry beyond its entry limit', () => {
    const cache = new PngCache({ maxEntries: 2, maxBytes: 1000 });
    cache.set('a', Buffer.alloc(10));
    cache.set('b', Buffer.alloc(10));
    cache.get('a');
    cache.set('c', Buffer.alloc(10));
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBeDefined();
    expect(cache.get('c')).toBeDefined();
  });

  it('stays within its byte limit and skips PNGs larger than the whole cache', () => {
    const cache = new PngCache({ maxEntries: 100, maxBytes: 25 });
    cache.set('a', Buffer.alloc(10));
    cache.set('b', Buffer.alloc(10));
    cache.set('c', Buffer.alloc(10));
    expect(cache.bytes).toBe(20);
    expect(cache.get('a')).toBeUndefined();
    cache.set('huge', Buffer.alloc(26));
    expect(cache.get('huge')).toBeUndefined();
    expect(cache.size).toBe(2);
  });
});
