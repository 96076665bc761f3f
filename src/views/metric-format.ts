import type { MetricUnit } from '../data/metrics.ts';
import { gbp, gbpBillions, gbpMillions, people, percent } from '../format/numbers.ts';

export function formatMetric(unit: MetricUnit, value: number): string {
  switch (unit) {
    case 'gbp-m':
      return gbpMillions(Math.round(value * 100) / 100);
    case 'gbp-bn':
      return gbpBillions(value);
    case 'gbp':
      return gbp(value);
    case 'percent':
      // A true minus sign: distance from a funding target goes below zero.
      return value < 0 && percent(-value) !== percent(0) ? `−${percent(-value)}` : percent(Math.abs(value) < 0.05 ? 0 : value);
    case 'people':
      return people(value);
  }
}
