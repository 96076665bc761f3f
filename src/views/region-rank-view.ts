import type { APIEmbed } from 'discord-api-types/v10';
import type { Funding } from '../data/funding.ts';
import { fundingTotals } from '../data/funding-totals.ts';
import { METRICS, type MetricId } from '../data/metrics.ts';
import type { Dataset, RegionSummary } from '../data/model.ts';
import type { Region } from '../data/schema.ts';
import { DISCORD_LIMITS } from '../protocol/limits.ts';
import { footerFor } from './labels.ts';
import { formatMetric } from './metric-format.ts';
import { isSystemDeficit } from '../data/position-kind.ts';
import { truncate } from './text.ts';

/** Metrics a region has a figure for: sums, or ratios of sums. Fair-shares distance has no regional target, so none. */
export const REGION_RANK_METRICS = [
  'deficit',
  'deficit-share',
  'deficit-per-head',
  'spend-per-head',
  'allocation',
  'population',
  'core-per-head-2024-25',
  'core-recurrent-growth',
  'running-cost-cut-2025-26',
] as const satisfies readonly MetricId[];
export type RegionRankMetric = (typeof REGION_RANK_METRICS)[number];

export function isRegionRankMetric(metric: MetricId): metric is RegionRankMetric {
  return (REGION_RANK_METRICS as readonly string[]).includes(metric);
}

export interface RegionRow {
  region: Region;
  value: number;
  text: string;
}

function withBoth(
  summary: RegionSummary,
  a: (s: RegionSummary['systems'][number]) => number | null,
  b: (s: RegionSummary['systems'][number]) => number | null,
): [number, number] {
  const both = summary.systems.filter((s) => a(s) !== null && b(s) !== null);
  return [both.reduce((sum, s) => sum + (a(s) ?? 0), 0), both.reduce((sum, s) => sum + (b(s) ?? 0), 0)];
}

/** A region's figure on a metric, built from its systems' published figures as /region builds its totals. */
function regionValue(summary: RegionSummary, metric: RegionRankMetric, data: Dataset): number | null {
  switch (metric) {
    case 'deficit':
      // Like with like: the system deficits only (financial gaps and partial figures are a different measure).
      return summary.systems.filter((s) => isSystemDeficit(s.position)).reduce((sum, s) => sum + (s.figures.deficitGbpM ?? 0), 0);
    case 'population':
      return summary.populationTotal;
    case 'allocation':
      return summary.allocationTotalGbpBillions;
    case 'spend-per-head':
      return summary.spendPerHeadGbp;
    case 'deficit-share': {
      const [deficit, allocation] = withBoth(
        summary,
        (s) => (isSystemDeficit(s.position) ? s.figures.deficitGbpM : null),
        (s) => s.figures.allocationGbpBillions,
      );
      return allocation > 0 ? (deficit / (allocation * 1000)) * 100 : null;
    }
    case 'deficit-per-head': {
      const [deficit, population] = withBoth(
        summary,
        (s) => (isSystemDeficit(s.position) ? s.figures.deficitGbpM : null),
        (s) => s.figures.population,
      );
      return population > 0 ? (deficit * 1e6) / population : null;
    }
    default: {
      const members = new Map<string, Funding>();
      for (const s of summary.systems) {
        const funding = data.funding.bySystem.get(s.id);
        if (funding !== undefined) members.set(s.id, funding);
      }
      if (members.size === 0) return null;
      const region = fundingTotals(members, data.funding.source);
      if (metric === 'core-per-head-2024-25') return region.derivedPerHead.core2024_25.gbp;
      if (metric === 'core-recurrent-growth') return region.changes.coreRecurrentGrowthPct;
      return region.changes.runningCostCutPct2023_24To2025_26;
    }
  }
}

/** The 7 regions ordered on a metric; a region without a figure is left out. */
export function regionRanking(data: Dataset, metric: RegionRankMetric, order: 'highest' | 'lowest'): RegionRow[] {
  return data.regions
    .map((summary) => ({ region: summary.region, value: regionValue(summary, metric, data) }))
    .filter((r): r is { region: Region; value: number } => r.value !== null)
    .sort((a, b) => (order === 'highest' ? b.value - a.value : a.value - b.value))
    .map((r) => ({ ...r, text: formatMetric(METRICS[metric].unit, r.value) }));
}

/** The regions against each other: a table, with how each figure was built. */
export function regionRankEmbed(data: Dataset, metric: RegionRankMetric, order: 'highest' | 'lowest'): APIEmbed {
  const rows = regionRanking(data, metric, order);
  const label = METRICS[metric].label;
  const table = rows.map((r, i) => `\`${i + 1}\` ${r.region} — **${r.text}**`).join('\n');
  const how =
    METRICS[metric].source === 'survey'
      ? 'Each region’s figure adds up its systems’ published figures (ratios from systems that publish both parts). Deficits are the system deficits published (plans, drafts, forecasts); financial gaps and partial figures are not added, so a region whose systems published none is understated. Rows whose figures do not add up are included as published (see /region).'
      : 'Each region’s figure is derived from its ICBs’ rows in the allocations workbook (sums, or ratios of sums), not published by NHS England.';
  return {
    title: truncate(`Regions by ${label.toLowerCase()}: ${order} first`, DISCORD_LIMITS.embedTitle),
    description: table,
    color: 0x0072b2,
    fields: [{ name: 'How the figures are built', value: how }],
    footer: footerFor(METRICS[metric].source, data),
  };
}
