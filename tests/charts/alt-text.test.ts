import { describe, expect, it } from 'vitest';
import { ALT_TEXT_LIMIT, chartAltText } from '../../src/charts/alt-text.ts';
import type { BarChartSpec } from '../../src/charts/bar-chart.ts';
import type { ComparisonChartSpec } from '../../src/charts/comparison-chart.ts';

// Synthetic figures: not survey data.
const bars: BarChartSpec = {
  title: 'Deficit or gap 2022/23 (£m)',
  subtitle: 'Survey of ICS finances, early 2022',
  unit: 'gbp-m',
  bars: [
    { label: 'Small', value: 10 },
    { label: 'Largest', value: 150.5 },
    { label: 'Unknown one', value: null },
    { label: 'Middle', value: 60, highlight: true },
    { label: 'Second', value: 120 },
    { label: 'Unknown two', value: null },
  ],
};

describe('chartAltText for a bar chart', () => {
  it('names the chart and the top values, largest first', () => {
    const text = chartAltText(bars);
    expect(text).toContain('Deficit or gap 2022/23 (£m)');
    expect(text).toContain('Highest: Largest £150.5m; Second £120m; Middle £60m; Small £10m.');
  });

  it('says how many have no figure, and which', () => {
    expect(chartAltText(bars)).toContain('No figure for 2 of 6: Unknown one, Unknown two.');
  });

  it('describes the highlighted bar with its rank', () => {
    expect(chartAltText(bars)).toContain('Highlighted: Middle £60m, 3rd highest of 4 with a figure.');
  });

  it('stays within Discord’s 1,024 characters for 42 long names, still naming the top values', () => {
    const many: BarChartSpec = {
      ...bars,
      bars: Array.from({ length: 42 }, (_, index) => ({
        label: `A very long integrated care system name number ${index}`,
        value: index % 5 === 0 ? null : index,
      })),
    };
    const text = chartAltText(many);
    expect(text.length).toBeLessThanOrEqual(ALT_TEXT_LIMIT);
    expect(text).toContain('number 41 £41m');
    expect(text).toMatch(/No figure for 9 of 42/);
  });

  it('ranks a highlighted bar with the right ordinal', () => {
    const ranked = (position: number) =>
      chartAltText({
        ...bars,
        bars: Array.from({ length: 13 }, (_, index) => ({ label: `S${index}`, value: 100 - index, highlight: index === position - 1 })),
      });
    expect(ranked(1)).toContain('1st highest of 13');
    expect(ranked(2)).toContain('2nd highest');
    expect(ranked(11)).toContain('11th highest');
    expect(ranked(12)).toContain('12th highest');
  });

  it('says when the highlighted bar has no figure', () => {
    const text = chartAltText({
      ...bars,
      bars: [
        { label: 'Asked about', value: null, highlight: true, missingLabel: 'not published' },
        { label: 'Other', value: 3 },
      ],
    });
    expect(text).toContain('Highlighted: Asked about, not published.');
  });

  it('cuts even absurd titles to the limit', () => {
    const text = chartAltText({ ...bars, title: 'x'.repeat(5000) });
    expect(text.length).toBeLessThanOrEqual(ALT_TEXT_LIMIT);
    expect(text.endsWith('…')).toBe(true);
  });
});

describe('chartAltText for a comparison chart', () => {
  const comparison: ComparisonChartSpec = {
    title: 'Alpha vs Beta',
    subtitle: 'Survey of ICS finances, early 2022',
    systems: ['Alpha', 'Beta'],
    measures: [
      { label: 'Spend per head', unit: 'gbp', values: [1563, 1490] },
      { label: 'Deficit share', unit: 'percent', values: [5, null] },
    ],
  };

  it('gives every measure for both systems and counts missing figures', () => {
    const text = chartAltText(comparison);
    expect(text).toContain('Spend per head: Alpha £1,563, Beta £1,490.');
    expect(text).toContain('Deficit share: Alpha 5.0%, Beta no figure published.');
    expect(text).toContain('1 figure is missing.');
  });
});
