import type { EndLabel } from './end-label.ts';
import { formatValue, type ChartUnit } from './format.ts';
import { barPanel, panelColumns, type PanelRow } from './panel.ts';
import { footer, header, svgDocument } from './svg.ts';
import { truncateToWidth } from './text.ts';
import { THEME } from './theme.ts';

export interface BarSpec {
  label: string;
  /** null means no published figure: the row is labelled, never drawn as zero. */
  value: number | null;
  /** Shown in place of a null bar; defaults to DEFAULT_MISSING_LABEL. */
  missingLabel?: string;
  /** Drawn in the accent colour with a bold label (e.g. the system the user asked about). */
  highlight?: boolean;
  /** A short grey note after the value, e.g. "range £90–100m" or "gap". */
  annotation?: string;
}

export interface BarChartSpec {
  title: string;
  /** e.g. "Survey of ICS finances, early 2022". */
  subtitle: string;
  unit: ChartUnit;
  /** Drawn top to bottom in the order given: the caller decides the ranking. */
  bars: readonly BarSpec[];
  footnote?: string;
}

export const DEFAULT_MISSING_LABEL = 'no figure published';

/** Value (or why there is none) after the bar, with the annotation as a grey note. */
export function endLabelFor(value: number | null, unit: ChartUnit, options: { missingLabel?: string; annotation?: string; bold?: boolean }): EndLabel {
  const note = options.annotation ? { note: options.annotation } : {};
  if (value === null) return { main: options.missingLabel ?? DEFAULT_MISSING_LABEL, ...note, font: THEME.label, fill: THEME.mutedText };
  return { main: formatValue(value, unit), ...note, font: options.bold ? THEME.labelBold : THEME.label, fill: THEME.text };
}

function rowOf(bar: BarSpec, unit: ChartUnit): PanelRow {
  const font = bar.highlight ? THEME.labelBold : THEME.label;
  return {
    label: truncateToWidth(bar.label, THEME.maxLabelWidth, font),
    font,
    value: bar.value,
    fill: bar.highlight ? THEME.highlight : THEME.bar,
    end: endLabelFor(bar.value, unit, { ...bar, bold: bar.highlight }),
  };
}

/** A ranked list of systems on one measure, one row per bar; grows 40 px per bar so 42 rows stay legible. */
export function horizontalBarChart(spec: BarChartSpec): string {
  const head = header(spec.title, spec.subtitle);
  const rows = spec.bars.map((bar) => rowOf(bar, spec.unit));
  const columns = panelColumns(rows.map((row) => ({ text: row.label, font: row.font })));
  const panel = barPanel(rows, spec.unit, columns, head.bottom + 16);
  const foot = footer(spec.footnote, panel.bottom);
  return svgDocument(foot.bottom + THEME.margin, [...head.elements, ...panel.elements, ...foot.elements]);
}
