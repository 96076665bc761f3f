/**
 * The one place a figure is rounded to the precision a reader sees it at. Rankings compare these values, so two
 * figures share a place exactly when they read the same; `formatMetric` prints these values, so the two agree.
 */

export type MetricUnit = 'gbp-m' | 'percent' | 'gbp' | 'gbp-bn' | 'people';

/** Decimal places shown per unit (people above a million are shown in millions to two decimals, e.g. 1.77m). */
const SHOWN_DECIMALS: Readonly<Record<MetricUnit, number>> = { 'gbp-m': 2, 'gbp-bn': 2, gbp: 0, percent: 1, people: 0 };

/**
 * Half away from zero on the figure as written (2.15 → 2.2, as a reader rounding the published "2.15" would), which
 * is what Intl.NumberFormat does; toFixed rounds the binary value instead (2.15 → 2.1). Printing the rounded value
 * again at the same precision cannot move it. `|| 0` turns −0 into 0 so that "−0.0%" never appears.
 */
const formats = new Map<number, Intl.NumberFormat>();
function roundTo(value: number, decimals: number): number {
  let format = formats.get(decimals);
  if (format === undefined) {
    format = new Intl.NumberFormat('en-US', { maximumFractionDigits: decimals, useGrouping: false });
    formats.set(decimals, format);
  }
  return Number(format.format(value)) || 0;
}

export function shownValue(unit: MetricUnit, value: number): number {
  if (unit === 'people' && Math.abs(value) >= 1_000_000) return roundTo(value / 1_000_000, 2) * 1_000_000;
  return roundTo(value, SHOWN_DECIMALS[unit]);
}
