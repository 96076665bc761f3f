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
      return percent(value);
    case 'people':
      return people(value);
  }
}
