import type { SystemFigures } from './figures.ts';
import type { FundingMeasures } from './funding-measures.ts';
import type { MetricUnit } from '../format/shown-value.ts';
import type { CheckedFigure } from './consistency.ts';

/** Every figure the bot ranks, survey and funding alike: one shape, one ranking (src/data/ranking.ts). */
export interface Metric {
  id: MetricId;
  /** As shown in choices and headings (≤ 100 characters, Discord's limit for a choice name). */
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

const SURVEY_METRIC_IDS = ['deficit', 'deficit-share', 'deficit-per-head', 'spend-per-head', 'allocation', 'population'] as const;
const FUNDING_METRIC_IDS = ['distance-from-target-2024-25', 'core-per-head-2024-25', 'core-recurrent-growth', 'running-cost-cut-2025-26'] as const;
export const METRIC_IDS = [...SURVEY_METRIC_IDS, ...FUNDING_METRIC_IDS] as const;
export type MetricId = (typeof METRIC_IDS)[number];
export type FundingMetricId = (typeof FUNDING_METRIC_IDS)[number];

/** Loading refuses a system without a workbook row, so with the shipped data none is missing. */
const NO_ROW = 'has no row in NHS England’s allocations workbook';

function fundingMetric(id: FundingMetricId, measure: keyof FundingMeasures, fields: Pick<Metric, 'label' | 'unit' | 'note'>): Metric {
  return { id, ...fields, missingMeaning: NO_ROW, source: 'allocations', value: (f) => (f.funding === null ? null : f.funding.measures[measure]) };
}

export const METRICS: Readonly<Record<MetricId, Metric>> = {
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
  'distance-from-target-2024-25': fundingMetric('distance-from-target-2024-25', 'distanceFromTargetPctAfter2024_25Convergence', {
    label: 'Distance from fair-shares target 2024/25 (%)',
    unit: 'percent',
    note: 'Distance of the core allocation from the ICB’s fair-shares target after 2024/25 convergence: positive = above target (relatively over-funded), negative = below.',
  }),
  'core-per-head-2024-25': fundingMetric('core-per-head-2024-25', 'corePerHeadGbp2024_25', {
    label: 'Core allocation per head 2024/25 (£)',
    unit: 'gbp',
    note: 'Core recurrent allocation per head 2024/25, as NHS England published it.',
  }),
  'core-recurrent-growth': fundingMetric('core-recurrent-growth', 'coreRecurrentGrowthPct', {
    label: 'Core allocation growth 2023/24 → 2024/25 (%)',
    unit: 'percent',
    note: 'Cash growth in the core recurrent allocation from 2023/24 to 2024/25 (recurrent to recurrent; not the survey’s 2022/23 allocation).',
  }),
  'running-cost-cut-2025-26': fundingMetric('running-cost-cut-2025-26', 'runningCostCutPct2023_24To2025_26', {
    label: 'Running-cost allowance cut 2023/24 → 2025/26 (%)',
    unit: 'percent',
    note: 'Cash cut in the ICB’s own running-cost allowance from 2023/24 to 2025/26, compared at one decimal: ICBs whose cuts round alike share a place.',
  }),
};

export function isMetricId(value: string): value is MetricId {
  return (METRIC_IDS as readonly string[]).includes(value);
}
