import type { APIEmbed } from 'discord-api-types/v10';
import type { Dataset, IcsSystem, RegionSummary } from '../data/model.ts';
import { METRICS, type MetricId } from '../data/metrics.ts';
import { gbp, gbpBillions, gbpMillions, people } from '../format/numbers.ts';
import { shortName } from '../search/name-index.ts';
import { surveyFooter } from './labels.ts';
import { formatMetric } from './metric-format.ts';
import { regionFundingLines } from './funding-fields.ts';
import { clip, codeTable } from './table.ts';

export type RegionSort = MetricId | 'name';

/** Highest first for metrics, missing values last; alphabetical for name. */
export function sortSystems(systems: readonly IcsSystem[], sort: RegionSort): IcsSystem[] {
  if (sort === 'name') return [...systems].sort((a, b) => shortName(a).localeCompare(shortName(b), 'en-GB'));
  const metric = METRICS[sort];
  return [...systems].sort((a, b) => {
    const av = metric.value(a.figures);
    const bv = metric.value(b.figures);
    if (av === null && bv === null) return shortName(a).localeCompare(shortName(b), 'en-GB');
    if (av === null) return 1;
    if (bv === null) return -1;
    return bv - av;
  });
}

const dash = '—';

function row(s: IcsSystem): string[] {
  const f = s.figures;
  const deficit = f.deficitGbpM === null ? dash : `${f.deficitIsRangeMidpoint ? '~' : ''}${gbpMillions(Math.round(f.deficitGbpM * 10) / 10)}`;
  return [
    clip(shortName(s), 26),
    f.population !== null ? people(f.population) : dash,
    f.allocationGbpBillions !== null ? gbpBillions(f.allocationGbpBillions) : dash,
    f.spendPerHeadGbp !== null ? gbp(f.spendPerHeadGbp) : dash,
    deficit,
    f.deficitSharePct !== null ? formatMetric('percent', f.deficitSharePct) : dash,
  ];
}

export function regionEmbed(summary: RegionSummary, sort: RegionSort, data: Dataset): APIEmbed {
  const sorted = sortSystems(summary.systems, sort);
  const table = codeTable(['System', 'People', 'Alloc', '£/head', 'Deficit', '% alloc'], sorted.map(row), new Set([1, 2, 3, 4, 5]));
  const sortLabel = sort === 'name' ? 'name' : METRICS[sort].label.toLowerCase();
  const none = summary.systems.filter((s) => s.figures.deficitGbpM === null).map(shortName);
  const totals = [
    `Population: **${people(summary.populationTotal)}**${summary.populationMissing > 0 ? ` (${summary.populationMissing} system${summary.populationMissing > 1 ? 's' : ''} published none)` : ''}`,
    `Allocation: **${gbpBillions(summary.allocationTotalGbpBillions)}**`,
    summary.spendPerHeadGbp !== null ? `Spend per head across the region: **${gbp(summary.spendPerHeadGbp)}** (allocation ÷ population, systems with both)` : null,
    `Published deficits and gaps: **${gbpMillions(Math.round(summary.deficitTotalGbpM * 10) / 10)}** from ${summary.deficitReported} of ${summary.systems.length} systems${none.length > 0 ? `; no figure from ${none.join(', ')}` : ''}`,
  ].filter((l): l is string => l !== null);
  const notes: string[] = [];
  if (summary.publishedHeadings.length > 0) {
    notes.push(`The survey printed this region's rows under “${summary.publishedHeadings.join('”, “')}”; they are shown here under NHS England's ${summary.region} region.`);
  }
  if (sorted.some((s) => s.figures.deficitIsRangeMidpoint)) notes.push('~ marks the midpoint of a published range.');
  const flagged = sorted.filter((s) => s.anomalies.length > 0).map(shortName);
  if (flagged.length > 0) notes.push(`Figures that do not add up or are missing: ${flagged.join(', ')} (see /ics for each).`);
  notes.push('Deficit counts deficits and financial gaps as published; efficiency asks are not deficits.');
  notes.push('These are the survey’s systems of 2022; several merged in April 2026 (see /ics for each).');
  return {
    title: `${summary.region}: ${summary.systems.length} Integrated Care Systems`,
    description: `Sorted by ${sortLabel}.\n${table}`,
    color: 0x0072b2,
    fields: [
      { name: 'Region totals', value: totals.join('\n') },
      { name: 'Official allocations 2024/25 (NHS England)', value: regionFundingLines(summary, data).join('\n') },
      { name: 'Notes', value: notes.map((n) => `• ${n}`).join('\n') },
    ],
    footer: surveyFooter(data),
  };
}
