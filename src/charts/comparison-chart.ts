import { endLabelFor } from './bar-chart.ts';
import type { ChartUnit } from './format.ts';
import { barPanel, panelColumns, type PanelRow } from './panel.ts';
import { footer, header, svgDocument, textBlock, type Block } from './svg.ts';
import { truncateToWidth } from './text.ts';
import { THEME } from './theme.ts';

export interface ComparisonMeasure {
  /** e.g. "Spend per head (£)". */
  label: string;
  unit: ChartUnit;
  /** One value per system, in the order of `systems`; null means no published figure. */
  values: readonly (number | null)[];
  /** Shown in place of a null bar; defaults to DEFAULT_MISSING_LABEL. */
  missingLabel?: string;
}

export interface ComparisonChartSpec {
  title: string;
  subtitle: string;
  /** Usually two systems; each keeps its colour through every measure. At most four (the palette's length). */
  systems: readonly string[];
  measures: readonly ComparisonMeasure[];
  footnote?: string;
}

function checkShape(spec: ComparisonChartSpec): void {
  if (spec.systems.length === 0 || spec.systems.length > THEME.series.length) {
    throw new RangeError(`comparisonChart takes 1 to ${THEME.series.length} systems, got ${spec.systems.length}`);
  }
  for (const measure of spec.measures) {
    if (measure.values.length !== spec.systems.length) {
      throw new RangeError(`measure "${measure.label}" has ${measure.values.length} values for ${spec.systems.length} systems`);
    }
  }
}

/**
 * Systems side by side on several measures. Each measure is its own small bar chart with its own axis from zero,
 * because £ per head and % of allocation share no scale; within a measure the bars are directly comparable.
 */
export function comparisonChart(spec: ComparisonChartSpec): string {
  checkShape(spec);
  const head = header(spec.title, spec.subtitle);
  const names = spec.systems.map((system) => truncateToWidth(system, THEME.maxLabelWidth, THEME.label));
  const columns = panelColumns(names.map((text) => ({ text, font: THEME.label })));

  const body = [...head.elements];
  let top = head.bottom;
  for (const measure of spec.measures) {
    const heading: Block = textBlock(measure.label, top + 24, THEME.heading, 2);
    const rows: PanelRow[] = measure.values.map((value, index) => ({
      label: names[index] ?? '',
      font: THEME.label,
      value,
      fill: THEME.series[index] ?? THEME.bar,
      end: endLabelFor(value, measure.unit, measure),
    }));
    const panel = barPanel(rows, measure.unit, columns, heading.bottom);
    body.push(...heading.elements, ...panel.elements);
    top = panel.bottom;
  }
  const foot = footer(spec.footnote, top);
  return svgDocument(foot.bottom + THEME.margin, [...body, ...foot.elements]);
}
