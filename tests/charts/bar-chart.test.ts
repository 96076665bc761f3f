import { describe, expect, it } from 'vitest';
import { DEFAULT_MISSING_LABEL, horizontalBarChart, type BarChartSpec } from '../../src/charts/bar-chart.ts';

// Synthetic figures for layout tests: not survey data.
const spec: BarChartSpec = {
  title: 'Deficit or gap 2022/23 (£m)',
  subtitle: 'Survey of ICS finances, early 2022',
  unit: 'gbp-m',
  bars: [
    { label: 'System Alpha', value: 120.5 },
    { label: 'Kent & Medway', value: 95, highlight: true, annotation: 'range £90–100m' },
    { label: 'System Gamma', value: null, missingLabel: 'no figure published' },
    { label: 'System Delta', value: 40.25, annotation: 'gap' },
    { label: 'System Epsilon', value: 0 },
  ],
  footnote: 'Synthetic test figures.',
};

function barRects(svg: string): string[] {
  return svg.match(/<rect class="bar"[^>]*>/g) ?? [];
}

function valueLabels(svg: string): string[] {
  return [...svg.matchAll(/<text class="value"[^>]*>(.*?)<\/text>/g)].map((match) => match[1] ?? '');
}

describe('horizontalBarChart', () => {
  it('matches the snapshot for fixed data', () => {
    expect(horizontalBarChart(spec)).toMatchSnapshot();
  });

  it('is a 1000 px wide SVG document', () => {
    const svg = horizontalBarChart(spec);
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg" width="1000"')).toBe(true);
    expect(svg.trim().endsWith('</svg>')).toBe(true);
  });

  it('escapes every piece of user-visible text', () => {
    const svg = horizontalBarChart({
      ...spec,
      title: 'Ranking <script>alert(1)</script>',
      subtitle: 'A & B',
      bars: [{ label: '<script>x</script> & "Co"', value: 3, annotation: '<b>note</b>' }],
      footnote: 'Tom & Jerry <i>',
    });
    expect(svg).not.toContain('<script>');
    expect(svg).not.toContain('<b>');
    expect(svg).not.toContain('<i>');
    expect(svg).not.toMatch(/&(?!amp;|lt;|gt;|quot;|apos;|#160;)/);
    expect(svg).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(svg).toContain('&lt;script&gt;x&lt;/script&gt; &amp; &quot;Co&quot;');
  });

  it('shows "Kent & Medway" escaped in the row label', () => {
    expect(horizontalBarChart(spec)).toContain('>Kent &amp; Medway</text>');
  });

  it('draws no bar for a null value and labels the row with its missing label instead', () => {
    const svg = horizontalBarChart(spec);
    const withValues = spec.bars.filter((bar) => bar.value !== null).length;
    expect(barRects(svg)).toHaveLength(withValues);
    expect(valueLabels(svg)).toContain('no figure published');
    expect(svg).toContain('>System Gamma</text>');
  });

  it('never draws a null as zero: a row of nulls has no bars and no axis', () => {
    const svg = horizontalBarChart({
      ...spec,
      bars: [
        { label: 'A', value: null },
        { label: 'B', value: null, missingLabel: 'not stated' },
      ],
    });
    expect(barRects(svg)).toHaveLength(0);
    expect(svg).not.toContain('class="tick"');
    expect(valueLabels(svg)).toEqual([DEFAULT_MISSING_LABEL, 'not stated']);
  });

  it('gives a zero a visible sliver, unlike a missing figure', () => {
    const svg = horizontalBarChart({ ...spec, bars: [{ label: 'Zero', value: 0 }] });
    expect(barRects(svg)).toHaveLength(1);
    expect(valueLabels(svg)).toEqual(['£0m']);
  });

  it('labels bar ends in en-GB units with the annotation as a note', () => {
    const labels = valueLabels(horizontalBarChart(spec));
    expect(labels[0]).toBe('£120.5m');
    expect(labels[1]).toBe('£95m<tspan font-weight="normal" fill="#4D4D4D">&#160;(range £90–100m)</tspan>');
    expect(labels[3]).toBe('£40.25m<tspan font-weight="normal" fill="#4D4D4D">&#160;(gap)</tspan>');
  });

  it('marks the highlighted bar with a different colour and bold text', () => {
    const svg = horizontalBarChart(spec);
    const fills = barRects(svg).map((rect) => /fill="([^"]+)"/.exec(rect)?.[1]);
    expect(new Set(fills).size).toBe(2);
    expect(svg).toMatch(/font-weight="bold"[^>]*>Kent &amp; Medway<\/text>/);
  });

  it('orders bars as given and keeps them proportional to their values', () => {
    const svg = horizontalBarChart({
      ...spec,
      bars: [
        { label: 'A', value: 50 },
        { label: 'B', value: 100 },
      ],
    });
    const widths = barRects(svg).map((rect) => Number(/width="([^"]+)"/.exec(rect)?.[1]));
    expect(widths[1]).toBeCloseTo((widths[0] ?? 0) * 2, 0);
  });

  it('grows with the number of bars and keeps every label legible', () => {
    const bars = Array.from({ length: 42 }, (_, index) => ({ label: `Integrated care system number ${index + 1} with a long name`, value: index * 2.5 }));
    const svg = horizontalBarChart({ ...spec, bars });
    const height = Number(/height="(\d+)"/.exec(svg)?.[1]);
    expect(height).toBeGreaterThan(42 * 36);
    expect(barRects(svg)).toHaveLength(42);
    const sizes = [...svg.matchAll(/font-size="(\d+)"/g)].map((match) => Number(match[1]));
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(22);
    const rowLabels = [...svg.matchAll(/<text class="label"[^>]*>(.*?)<\/text>/g)].map((match) => match[1] ?? '');
    expect(rowLabels).toHaveLength(42);
    for (const label of rowLabels) expect(label.endsWith('…')).toBe(true);
  });

  it('keeps the plot and its labels inside the 1000 px canvas', () => {
    const svg = horizontalBarChart({ ...spec, bars: [{ label: 'A', value: 999_999.99, annotation: 'a very long annotation that cannot possibly fit' }] });
    const rect = barRects(svg)[0] ?? '';
    const right = Number(/x="([^"]+)"/.exec(rect)?.[1]) + Number(/width="([^"]+)"/.exec(rect)?.[1]);
    expect(right).toBeLessThan(1000 - 28);
    expect(valueLabels(svg)[0]).toMatch(/…\)<\/tspan>$/);
  });

  it('draws negative values left of a zero line', () => {
    const svg = horizontalBarChart({
      ...spec,
      bars: [
        { label: 'Surplus', value: -10 },
        { label: 'Deficit', value: 30 },
      ],
    });
    const [negative, positive] = barRects(svg).map((rect) => Number(/x="([^"]+)"/.exec(rect)?.[1]));
    expect(negative).toBeLessThan(positive ?? 0);
    expect(valueLabels(svg)[0]).toBe('−£10m');
  });
});
