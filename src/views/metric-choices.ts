import { METRIC_IDS, METRICS } from '../data/metrics.ts';

/** Choice lists for metric options: stable kebab-case values, readable names. */
export const METRIC_CHOICES = METRIC_IDS.map((id) => ({ name: METRICS[id].label, value: id }));
export const ORDER_CHOICES = [
  { name: 'Highest first', value: 'highest' },
  { name: 'Lowest first', value: 'lowest' },
];
