/**
 * The one place a figure is rounded to the precision a reader sees it at. Rankings compare these values, so two
 * figures share a place exactly when they read the same; `formatMetric` prints these values, so the two agree.
 */

export type MetricUnit = 'gbp-m' | 'percent' | 'gbp' | 'gbp-bn' | 'people';

/** Decimal places shown per unit (people above a million are shown in millions to two decimals, e.g. 1.77m). */
const SHOWN_DECIMALS: Readonly<Record<MetricUnit, number>> = { 'gbp-m': 2, 'gbp-bn': 2, gbp: 0, percent: 1, people: 0 };

// toFixed rounds the exact binary value half away from zero, as Intl.NumberFormat does, so printing a rounded value
// again at the same precision cannot move it; `|| 0` turns −0 into 0 so that "−0.0%" never appears.
const roundTo = (value: number, decimals: number): number => Number(value.toFixed(decimals)) || 0;

export function shownValue(unit: MetricUnit, value: number): number {
  if (unit === 'people' && Math.abs(value) >= 1_000_000) return roundTo(value / 1_000_000, 2) * 1_000_000;
  return roundTo(value, SHOWN_DECIMALS[unit]);
}
