import type { BarChartSpec, BarSpec, ComparisonChartSpec } from '../charts/index.ts';
import type { IcsSystem, RegionSummary } from '../data/model.ts';
import { METRICS, type MetricId } from '../data/metrics.ts';
import { gbpMillions } from '../format/numbers.ts';
import { shortName } from '../data/names.ts';
import { isFlagged } from '../data/figure-flags.ts';

const SUBTITLE = 'Survey of ICS finances, early 2022 (The Lowdown / NHS Support Federation)';
const ALLOCATIONS_SUBTITLE = 'NHS England, ICB allocations 2023/24 to 2024/25 (workbook v1.2)';

function subtitleFor(metric: MetricId): string {
  return METRICS[metric].source === 'survey' ? SUBTITLE : ALLOCATIONS_SUBTITLE;
}

/** What a bar carries beside its value: whether it is a range midpoint, a gap rather than a deficit, or break-even. */
/** The bar's kind (a gap, a range midpoint) and a ⚠ where the row's own figures do not add up, as the tables say. */
function annotation(system: IcsSystem, metric: MetricId): string | undefined {
  const notes: string[] = [];
  const { position } = system;
  if (metric.startsWith('deficit')) {
    if (position.range !== null && system.figures.deficitIsRangeMidpoint)
      notes.push(`midpoint of ${gbpMillions(position.range.lowGbpM)}–${gbpMillions(position.range.highGbpM)}`);
    else if (position.status === 'financial-gap') notes.push('gap');
    else if (position.status === 'break-even') notes.push('break-even');
  }
  if (isFlagged(system, metric)) notes.push('⚠ row does not add up');
  return notes.length === 0 ? undefined : notes.join('; ');
}

function missingLabel(system: IcsSystem, metric: MetricId): string {
  if (metric.startsWith('deficit')) return system.position.status === 'efficiency-ask' ? 'efficiency ask, no deficit figure' : 'no figure published';
  return 'not published';
}

export function barsFor(systems: readonly IcsSystem[], metric: MetricId, highlight?: string): BarSpec[] {
  return systems.map((s) => {
    const note = annotation(s, metric);
    return {
      label: shortName(s),
      value: METRICS[metric].value(s.figures),
      missingLabel: missingLabel(s, metric),
      ...(note !== undefined ? { annotation: note } : {}),
      ...(s.id === highlight ? { highlight: true } : {}),
    };
  });
}

/** Chart titles say what, where and when. */
export function regionChartSpec(summary: RegionSummary, sorted: readonly IcsSystem[], metric: MetricId): BarChartSpec {
  return {
    title: `${METRICS[metric].label.replace(/ \(.*\)$/, '')} by system — ${summary.region}`,
    subtitle: subtitleFor(metric),
    unit: METRICS[metric].unit,
    bars: barsFor(sorted, metric),
    footnote: metric.startsWith('deficit')
      ? 'Deficits and financial gaps as published; systems without a figure are labelled, not drawn as zero.'
      : `Figures as published in the ${METRICS[metric].source === 'survey' ? 'survey' : 'NHS England workbook'}.`,
  };
}

export function rankChartSpec(systems: readonly IcsSystem[], metric: MetricId, where: string): BarChartSpec {
  return {
    title: `${METRICS[metric].label.replace(/ \(.*\)$/, '')} — ${where}, ranked`,
    subtitle: subtitleFor(metric),
    unit: METRICS[metric].unit,
    bars: barsFor(systems, metric),
  };
}

export function compareChartSpec(a: IcsSystem, b: IcsSystem): ComparisonChartSpec {
  const measure = (metric: MetricId) => ({
    label: METRICS[metric].label,
    unit: METRICS[metric].unit,
    values: [METRICS[metric].value(a.figures), METRICS[metric].value(b.figures)],
  });
  return {
    title: `${shortName(a)} vs ${shortName(b)}`,
    subtitle: SUBTITLE,
    systems: [shortName(a), shortName(b)],
    measures: [measure('spend-per-head'), measure('deficit-share'), measure('deficit-per-head')],
    footnote: 'Each measure on its own scale from zero; missing figures are labelled, not drawn as zero.',
  };
}
