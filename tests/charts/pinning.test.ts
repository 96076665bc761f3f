import { afterAll, describe, expect, it } from 'vitest';
import { horizontalBarChart } from '../../src/charts/bar-chart.ts';
import { pngCacheKey } from '../../src/charts/png-cache.ts';
import { createChartRenderer } from '../../src/charts/render.ts';
import { THEME } from '../../src/charts/theme.ts';
import { defaultChartRequests } from '../../src/core/default-charts.ts';
import { REGIONS } from '../../src/data/schema.ts';
import { METRIC_IDS } from '../../src/data/metrics.ts';

// Synthetic figures: not survey data.
const chart = (n: number): string => horizontalBarChart({ title: `Chart ${n}`, subtitle: 'synthetic', unit: 'gbp', bars: [{ label: 'A', value: n + 1 }] });

describe('pinned charts', () => {
  const renderer = createChartRenderer({ workers: 1, cache: { maxEntries: 2 } });
  afterAll(() => renderer.close());

  it('keeps what was rendered while pinning, however much other traffic passes through the cache', async () => {
    const pinned = await renderer.pinning(() => renderer.renderPngAsync(chart(0)));
    for (let n = 1; n <= 4; n += 1) await renderer.renderPngAsync(chart(n));
    expect(renderer.cache.pinned.size).toBe(1);
    expect(renderer.cache.size).toBe(2);
    expect(await renderer.renderPngAsync(chart(0))).toBe(pinned);
    // Unpinned charts come and go: the oldest was evicted, the newest is kept.
    expect(renderer.cache.get(pngCacheKey(chart(1), THEME.width))).toBeUndefined();
    expect(renderer.cache.get(pngCacheKey(chart(4), THEME.width))).toBeDefined();
  });

  it('pins a chart that was already in the ordinary cache', async () => {
    const before = renderer.cache.pinned.size;
    await renderer.renderPngAsync(chart(9));
    await renderer.pinning(() => renderer.renderPngAsync(chart(9)));
    expect(renderer.cache.pinned.size).toBe(before + 1);
  });
});

describe('the default charts', () => {
  const requests = defaultChartRequests();

  it('cover every region under every sort and every England ranking at default and full length', () => {
    const regions = requests.filter((r) => r.name === 'region');
    expect(new Set(regions.map((r) => r.options['name']))).toEqual(new Set(REGIONS));
    expect(regions).toHaveLength(REGIONS.length * (METRIC_IDS.length + 1));
    const full = requests.filter((r) => r.name === 'rank' && r.options['count'] === 42);
    expect(full).toHaveLength(METRIC_IDS.length * 2);
    expect(requests.every((r) => r.options['chart'] === true)).toBe(true);
  });

  it('stay a fixed, bounded set', () => {
    expect(requests.length).toBeLessThanOrEqual(150);
  });
});
