import { describe, expect, it } from 'vitest';
import { formatTick, formatValue } from '../../src/charts/format.ts';
import { niceScale } from '../../src/charts/scale.ts';

describe('formatValue (en-GB chart labels)', () => {
  it.each([
    [76.5, 'gbp-m', '£76.5m'],
    [48, 'gbp-m', '£48m'],
    [143.274, 'gbp-m', '£143.27m'],
    [1563.4, 'gbp', '£1,563'],
    [5, 'percent', '5.0%'],
    [12.345, 'percent', '12.3%'],
    [1_770_000, 'people', '1.77m people'],
    [812_712, 'people', '812,712 people'],
    [2.78, 'gbp-bn', '£2.78bn'],
    [-4.2, 'gbp-m', '−£4.2m'],
    [-0.001, 'gbp-m', '£0m'],
  ] as const)('%s %s -> %s', (value, unit, expected) => {
    expect(formatValue(value, unit)).toBe(expected);
  });
});

describe('formatTick', () => {
  it('shows only the decimals the step needs', () => {
    expect(formatTick(2.5, 'percent', 2.5)).toBe('2.5%');
    expect(formatTick(5, 'percent', 2.5)).toBe('5.0%');
    expect(formatTick(1000, 'gbp', 500)).toBe('£1,000');
    expect(formatTick(50, 'gbp-m', 50)).toBe('£50m');
  });

  it('puts large people ticks in millions', () => {
    expect(formatTick(1_500_000, 'people', 500_000)).toBe('1.5m');
    expect(formatTick(0, 'people', 500_000)).toBe('0');
    expect(formatTick(20_000, 'people', 10_000)).toBe('20,000');
  });
});

describe('niceScale', () => {
  it('spans zero to the data with round ticks inside it', () => {
    expect(niceScale([12, 128.7, 40])).toEqual({ min: 0, max: 128.7, step: 50, ticks: [0, 50, 100] });
  });

  it('includes zero and negative values', () => {
    const scale = niceScale([-20, 35]);
    expect(scale.min).toBe(-20);
    expect(scale.ticks).toContain(0);
    expect(scale.ticks[0]).toBeLessThan(0);
  });

  it('has no float noise in ticks', () => {
    expect(niceScale([0.7]).ticks).toEqual([0, 0.2, 0.4, 0.6]);
  });

  it('copes with no values or only zeros', () => {
    expect(niceScale([]).ticks).toEqual([0, 1]);
    expect(niceScale([0, 0]).max).toBe(1);
  });
});
