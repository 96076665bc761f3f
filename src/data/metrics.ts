import type { SystemFigures } from './model.ts';

export type MetricUnit = 'gbp-m' | 'percent' | 'gbp' | 'gbp-bn' | 'people';

export interface Metric {
  id: MetricId;
  /** As shown in choices and headings. */
  label: string;
  unit: MetricUnit;
  /** What a missing value means, for "left out" notes. */
  missingMeaning: string;
  value(figures: SystemFigures): number | null;
}

export const METRIC_IDS = ['deficit', 'deficit-share', 'deficit-per-head', 'spend-per-head', 'allocation', 'population'] as const;
export type MetricId = (typeof METRIC_IDS)[number];

export const METRICS: Readonly<Record<MetricId, Metric>> = {
  deficit: {
    id: 'deficit',
    label: 'Deficit or gap 2022/23 (£m)',
    unit: 'gbp-m',
    missingMeaning: 'published no deficit figure',
    value: (f) => f.deficitGbpM,
  },
  'deficit-share': {
    id: 'deficit-share',
    label: 'Deficit as % of allocation',
    unit: 'percent',
    missingMeaning: 'published no deficit figure',
    value: (f) => f.deficitSharePct,
  },
  'deficit-per-head': {
    id: 'deficit-per-head',
    label: 'Deficit per head (£)',
    unit: 'gbp',
    missingMeaning: 'published no deficit figure or no population',
    value: (f) => f.deficitPerHeadGbp,
  },
  'spend-per-head': {
    id: 'spend-per-head',
    label: 'Spend per head (£)',
    unit: 'gbp',
    missingMeaning: 'has no published spend per head',
    value: (f) => f.spendPerHeadGbp,
  },
  allocation: {
    id: 'allocation',
    label: 'Allocation (£bn)',
    unit: 'gbp-bn',
    missingMeaning: 'has no published allocation',
    value: (f) => f.allocationGbpBillions,
  },
  population: {
    id: 'population',
    label: 'Population',
    unit: 'people',
    missingMeaning: 'has no published population',
    value: (f) => f.population,
  },
};

export function isMetricId(value: string): value is MetricId {
  return (METRIC_IDS as readonly string[]).includes(value);
}
