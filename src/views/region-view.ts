import type { APIEmbed } from 'discord-api-types/v10';
import type { Dataset, IcsSystem, RegionSummary } from '../data/model.ts';
import { METRICS, type MetricId } from '../data/metrics.ts';
import { gbp, gbpBillions, gbpMillions, people } from '../format/numbers.ts';
import { shortName } from '../data/names.ts';
import { rankBy } from '../data/ranking.ts';
import { surveyFooter } from './labels.ts';
import { formatMetric } from './metric-format.ts';
import { regionFundingLines } from './funding-fields.ts';
import { isSystemDeficit, isSystemGap, KIND_LABEL, figureTag } from '../data/position-kind.ts';
import { doubtsFigure, inconsistencies } from '../data/figure-flags.ts';

export type RegionSort = MetricId | 'name';

/** Highest first for metrics, in the one ranking's order (src/data/ranking.ts), missing values last; alphabetical for name. */
export function sortSystems(systems: readonly IcsSystem[], sort: RegionSort): IcsSystem[] {
  const byName = (a: IcsSystem, b: IcsSystem) => shortName(a).localeCompare(shortName(b), 'en-GB');
  if (sort === 'name') return [...systems].sort(byName);
  const metric = METRICS[sort];
  const { entries, unranked } = rankBy(systems, (s) => metric.value(s.figures), metric.unit, 'highest', byName);
  return [...entries.map((e) => e.item), ...unranked.sort(byName)];
}

/** One system as a compact line: a phone wraps it cleanly, where a wide table's columns would scramble. */
function line(s: IcsSystem): string {
  const f = s.figures;
  const flagged = inconsistencies(s).length > 0 ? ' ⚠' : '';
  const parts = [
    f.population !== null ? `${people(f.population)} people` : 'population not published',
    f.allocationGbpBillions !== null ? gbpBillions(f.allocationGbpBillions) : 'allocation not published',
    f.spendPerHeadGbp !== null ? `${gbp(f.spendPerHeadGbp)}/head` : null,
  ].filter((p): p is string => p !== null);
  const tag = figureTag(s.position);
  const deficit =
    f.deficitGbpM === null
      ? `${KIND_LABEL[s.position.status]}: no figure`
      : `${s.position.status === 'financial-gap' ? 'gap' : 'deficit'} ${f.deficitIsRangeMidpoint ? '~' : ''}${gbpMillions(Math.round(f.deficitGbpM * 10) / 10)}${f.deficitSharePct !== null ? ` (${formatMetric('percent', f.deficitSharePct)})` : ''}${tag !== undefined && s.position.status !== 'financial-gap' ? `, ${tag}` : ''}`;
  return `**${shortName(s)}**${flagged} — ${parts.join(' · ')} · ${deficit}`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export function regionEmbed(summary: RegionSummary, sort: RegionSort, data: Dataset): APIEmbed {
  const sorted = sortSystems(summary.systems, sort);
  const sortLabel = sort === 'name' ? 'name' : METRICS[sort].label.toLowerCase();
  const named = (list: IcsSystem[]) => list.map(shortName).join('; ');
  const popDoubt = summary.systems.filter((s) => doubtsFigure(s, 'population'));
  const allocDoubt = summary.systems.filter((s) => doubtsFigure(s, 'allocation'));
  // Spend per head across the region from the rows that add up only: a row whose figures disagree would skew it.
  const clean = summary.systems.filter(
    (s) => s.figures.population !== null && s.figures.allocationGbpBillions !== null && !doubtsFigure(s, 'population') && !doubtsFigure(s, 'allocation'),
  );
  const cleanPop = clean.reduce((n, s) => n + (s.figures.population ?? 0), 0);
  const cleanAlloc = clean.reduce((n, s) => n + (s.figures.allocationGbpBillions ?? 0), 0);
  const leftOut = summary.systems.filter((s) => !clean.includes(s));
  const deficits = summary.systems.filter((s) => isSystemDeficit(s.position));
  const gaps = summary.systems.filter((s) => isSystemGap(s.position));
  const total = (list: IcsSystem[]) => gbpMillions(Math.round(list.reduce((n, s) => n + (s.figures.deficitGbpM ?? 0), 0) * 10) / 10);
  const totals = [
    `Population: **${people(summary.populationTotal)}**${summary.populationMissing > 0 ? ` (${plural(summary.populationMissing, 'system')} published none)` : ''}${popDoubt.length > 0 ? ` ⚠ includes ${named(popDoubt)}, whose figures do not add up` : ''}`,
    `Allocation: **${gbpBillions(summary.allocationTotalGbpBillions)}**${allocDoubt.length > 0 ? ` ⚠ includes ${named(allocDoubt)}, whose figures do not add up` : ''}`,
    cleanPop > 0
      ? `Spend per head across the region: **${gbp((cleanAlloc * 1e9) / cleanPop)}** (allocation ÷ population over ${plural(clean.length, 'system')} whose figures add up${leftOut.length > 0 ? `; leaves out ${named(leftOut)}` : ''})`
      : null,
    `System deficits (2022/23 plans, drafts, forecasts): **${total(deficits)}** from ${plural(deficits.length, 'system')}`,
    gaps.length > 0 ? `Financial gaps, a different measure: **${total(gaps)}** from ${plural(gaps.length, 'system')}` : null,
  ].filter((l): l is string => l !== null);
  const notes: string[] = [];
  if (summary.publishedHeadings.length > 0) {
    notes.push(
      `The survey printed this region's rows under “${summary.publishedHeadings.join('”, “')}”; they are shown here under NHS England's ${summary.region} region.`,
    );
  }
  if (sorted.some((s) => s.figures.deficitIsRangeMidpoint)) notes.push('~ marks the midpoint of a published range.');
  const flagged = sorted.filter((s) => inconsistencies(s).length > 0);
  if (flagged.length > 0)
    notes.push(
      `⚠ Figures that do not add up: ${flagged
        .map(
          (s) =>
            `${shortName(s)} (${inconsistencies(s)
              .map((a) => a.short)
              .join('; ')})`,
        )
        .join('; ')}.`,
    );
  notes.push(
    'Deficits and financial gaps are different measures and are not added together; efficiency asks are not deficits. ICB-only, cumulative and single-trust figures are not system deficits.',
  );
  notes.push('These are the survey’s systems of 2022; several merged in April 2026 (see /ics for each).');
  return {
    title: `${summary.region}: ${summary.systems.length} Integrated Care Systems`,
    description: [`Sorted by ${sortLabel}.`, ...sorted.map(line)].join('\n'),
    color: 0x0072b2,
    fields: [
      { name: 'Region totals', value: totals.join('\n') },
      { name: 'Official allocations 2024/25 (NHS England)', value: regionFundingLines(summary, data).join('\n') },
      { name: 'Notes', value: notes.map((n) => `• ${n}`).join('\n') },
    ],
    footer: surveyFooter(data),
  };
}
