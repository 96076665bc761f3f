import { FUNDING_METRIC_IDS, FUNDING_METRICS } from './funding-metrics.ts';
import type { CheckedFigure } from './consistency.ts';
import type { SystemFigures } from './model.ts';

export type MetricUnit = 'gbp-m' | 'percent' | 'gbp' | 'gbp-bn' | 'people';

export interface Metric {
  id: MetricId;
  /** As shown in choices and headings. */
  label: string;
  unit: MetricUnit;
  /** What a missing value means, for "left out" notes. */
  missingMeaning: string;
  /** Which publication the figure comes from: the 2022 survey, or NHS England's allocations workbook. */
  source: 'survey' | 'allocations';
  /** What the figure is and which end is which, for a ranking's notes. */
  note?: string;
  /** The published survey figures the value is computed from: a row whose checks doubt one of them is marked ⚠. */
  uses?: readonly CheckedFigure[];
  value(figures: SystemFigures): number | null;
}

export const SURVEY_METRIC_IDS = ['deficit', 'deficit-share', 'deficit-per-head', 'spend-per-head', 'allocation', 'population'] as const;
export const METRIC_IDS = [...SURVEY_METRIC_IDS, ...FUNDING_METRIC_IDS] as const;
export type MetricId = (typeof METRIC_IDS)[number];

const fundingMetrics = Object.fromEntries(
  FUNDING_METRIC_IDS.map((id) => {
    const metric = FUNDING_METRICS[id];
    const entry: Metric = {
      id,
      label: metric.label,
      unit: metric.unit,
      missingMeaning: metric.missingMeaning,
      source: 'allocations',
      note: metric.note,
      value: (f) => (f.funding === null ? null : metric.value(f.funding)),
    };
    return [id, entry];
  }),
) as Record<(typeof FUNDING_METRIC_IDS)[number], Metric>;

export const METRICS: Readonly<Record<MetricId, Metric>> = {
  ...fundingMetrics,
  deficit: {
    id: 'deficit',
    label: 'Deficit or gap 2022/23 (£m)',
    unit: 'gbp-m',
    missingMeaning: 'published no deficit figure',
    source: 'survey',
    value: (f) => f.deficitGbpM,
  },
  'deficit-share': {
    id: 'deficit-share',
    label: 'Deficit as % of allocation',
    unit: 'percent',
    missingMeaning: 'published no deficit figure',
    source: 'survey',
    uses: ['allocation'],
    value: (f) => f.deficitSharePct,
  },
  'deficit-per-head': {
    id: 'deficit-per-head',
    label: 'Deficit per head (£)',
    unit: 'gbp',
    missingMeaning: 'published no deficit figure or no population',
    source: 'survey',
    uses: ['population'],
    value: (f) => f.deficitPerHeadGbp,
  },
  'spend-per-head': {
    id: 'spend-per-head',
    label: 'Spend per head (£)',
    unit: 'gbp',
    missingMeaning: 'has no published spend per head',
    source: 'survey',
    uses: ['spendPerHead'],
    value: (f) => f.spendPerHeadGbp,
  },
  allocation: {
    id: 'allocation',
    label: 'Allocation (£bn)',
    unit: 'gbp-bn',
    missingMeaning: 'has no published allocation',
    source: 'survey',
    uses: ['allocation'],
    value: (f) => f.allocationGbpBillions,
  },
  population: {
    id: 'population',
    label: 'Population',
    unit: 'people',
    missingMeaning: 'has no published population',
    source: 'survey',
    uses: ['population'],
    value: (f) => f.population,
  },
};

export function isMetricId(value: string): value is MetricId {
  return (METRIC_IDS as readonly string[]).includes(value);
}
