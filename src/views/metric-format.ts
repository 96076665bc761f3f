import { gbp, gbpBillions, gbpMillions, people, percent } from '../format/numbers.ts';
import { shownValue, type MetricUnit } from '../format/shown-value.ts';

/** Prints the value rounded by `shownValue`, the same value rankings compare, so a joint place always reads alike. */
export function formatMetric(unit: MetricUnit, value: number): string {
  const shown = shownValue(unit, value);
  switch (unit) {
    case 'gbp-m':
      return gbpMillions(shown);
    case 'gbp-bn':
      return gbpBillions(shown);
    case 'gbp':
      return gbp(shown);
    case 'percent':
      // A true minus sign: distance from a funding target goes below zero.
      return shown < 0 ? `−${percent(-shown)}` : percent(shown);
    case 'people':
      return people(shown);
  }
}
