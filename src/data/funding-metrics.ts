import { FUNDING_RANK_IDS, FUNDING_RANKINGS, type Funding, type FundingRankId } from './funding.ts';
import type { MetricUnit } from './metrics.ts';

/**
 * /rank metrics read from NHS England's allocations workbook: the same shape as `Metric` (src/data/metrics.ts), but
 * `value` reads a system's `Funding` rather than its survey figures. The ids are the data layer's ranking ids, so
 * `Funding.ranks[id]` and these metrics always agree.
 */

export const FUNDING_METRIC_IDS = FUNDING_RANK_IDS;
export type FundingMetricId = FundingRankId;

export interface FundingMetric {
  id: FundingMetricId;
  /** As shown in choices and headings (≤ 100 characters, Discord's limit for a choice name). */
  label: string;
  unit: MetricUnit;
  /** What a missing value means, for "left out" notes (loading refuses a system without a row, so none is missing). */
  missingMeaning: string;
  /** What the figure is and which end is which, for a ranking's notes. */
  note: string;
  value(funding: Funding): number | null;
}

const NO_ROW = 'has no row in NHS England’s allocations workbook';

/**
 * The value at the precision the data layer ranks at (FUNDING_RANKINGS), so that a ranking built on these values
 * shares places exactly where `Funding.ranks` does: the running-cost cuts differ only by the rounding of whole £k.
 */
function atRankingPrecision(id: FundingMetricId, value: number): number {
  const scale = 10 ** FUNDING_RANKINGS[id].decimals;
  return Math.round(value * scale) / scale;
}

function fromMeasure(id: FundingMetricId, fields: Omit<FundingMetric, 'id' | 'value' | 'missingMeaning'>): FundingMetric {
  const measure = FUNDING_RANKINGS[id].measure;
  return { id, ...fields, missingMeaning: NO_ROW, value: (funding) => atRankingPrecision(id, funding.measures[measure]) };
}

export const FUNDING_METRICS: Readonly<Record<FundingMetricId, FundingMetric>> = {
  'distance-from-target-2024-25': fromMeasure('distance-from-target-2024-25', {
    label: 'Distance from fair-shares target 2024/25 (%)',
    unit: 'percent',
    note: 'Distance of the core allocation from the ICB’s fair-shares target after 2024/25 convergence: positive = above target (relatively over-funded), negative = below.',
  }),
  'core-per-head-2024-25': fromMeasure('core-per-head-2024-25', {
    label: 'Core allocation per head 2024/25 (£)',
    unit: 'gbp',
    note: 'Core recurrent allocation per head 2024/25, as NHS England published it.',
  }),
  'core-recurrent-growth': fromMeasure('core-recurrent-growth', {
    label: 'Core allocation growth 2023/24 → 2024/25 (%)',
    unit: 'percent',
    note: 'Cash growth in the core recurrent allocation from 2023/24 to 2024/25 (recurrent to recurrent; not the survey’s 2022/23 allocation).',
  }),
  'running-cost-cut-2025-26': fromMeasure('running-cost-cut-2025-26', {
    label: 'Running-cost allowance cut 2023/24 → 2025/26 (%)',
    unit: 'percent',
    note: 'Cash cut in the ICB’s own running-cost allowance from 2023/24 to 2025/26, compared at one decimal: ICBs whose cuts round alike share a place.',
  }),
};

export function isFundingMetricId(value: string): value is FundingMetricId {
  return (FUNDING_METRIC_IDS as readonly string[]).includes(value);
}
