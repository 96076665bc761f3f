import { describe, expect, it } from 'vitest';
import { comparisonChart, type ComparisonChartSpec } from '../../src/charts/comparison-chart.ts';

// Synthetic figures for layout tests: not survey data.
const spec: ComparisonChartSpec = {
  title: 'System Alpha vs Kent & Medway',
  subtitle: 'Survey of ICS finances, early 2022',
  systems: ['System Alpha', 'Kent & Medway'],
  measures: [
    { label: 'Spend per head (£)', unit: 'gbp', values: [1563, 1490] },
    { label: 'Deficit as % of allocation', unit: 'percent', values: [5, null], missingLabel: 'no deficit figure published' },
    { label: 'Deficit per head (£)', unit: 'gbp', values: [76, null] },
  ],
  footnote: 'Each measure has its own scale.',
};

function barRects(svg: string): string[] {
  return svg.match(/<rect class="bar"[^>]*>/g) ?? [];
}

function barWidths(svg: string): number[] {
  return barRects(svg).map((rect) => Number(/width="([^"]+)"/.exec(rect)?.[1]));
}

describe('comparisonChart', () => {
  it('matches the snapshot for fixed data', () => {
    expect(comparisonChart(spec)).toMatchSnapshot();
  });

  it('escapes system names and measure labels', () => {
    const svg = comparisonChart({ ...spec, systems: ['<script>', 'A & B'], measures: [{ label: 'x < y', unit: 'gbp', values: [1, 2] }] });
    expect(svg).not.toContain('<script>');
    expect(svg).toContain('&lt;script&gt;');
    expect(svg).toContain('A &amp; B');
    expect(svg).toContain('x &lt; y');
  });

  it('draws one bar per published figure and labels the missing ones', () => {
    const svg = comparisonChart(spec);
    expect(barRects(svg)).toHaveLength(4);
    expect(svg).toContain('>no deficit figure published</text>');
    expect(svg).toContain('>no figure published</text>');
  });

  it('gives each system one colour across measures', () => {
    const fills = barRects(comparisonChart(spec)).map((rect) => /fill="([^"]+)"/.exec(rect)?.[1]);
    expect(fills).toEqual([fills[0], fills[1], fills[0], fills[0]]);
    expect(fills[0]).not.toBe(fills[1]);
  });

  it('scales each measure on its own: the larger value of each measure spans the plot', () => {
    const svg = comparisonChart({
      ...spec,
      measures: [
        { label: 'Big', unit: 'gbp', values: [2000, 1000] },
        { label: 'Small', unit: 'percent', values: [1, 4] },
      ],
    });
    const [bigA, bigB, smallA, smallB] = barWidths(svg);
    expect(bigB).toBeCloseTo((bigA ?? 0) / 2, 0);
    expect(smallA).toBeCloseTo((smallB ?? 0) / 4, 0);
    expect(Math.abs((bigA ?? 0) - (smallB ?? 0))).toBeLessThan(60);
  });

  it('rejects values that do not line up with the systems', () => {
    expect(() => comparisonChart({ ...spec, measures: [{ label: 'x', unit: 'gbp', values: [1] }] })).toThrow(RangeError);
  });
});
