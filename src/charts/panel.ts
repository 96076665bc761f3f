import { endLabelElement, endLabelWidth, type EndLabel } from './end-label.ts';
import { formatTick, type ChartUnit } from './format.ts';
import { niceScale, positionOf, type NiceScale } from './scale.ts';
import { baselineFor, lineElement, rectElement, textElement, type Block } from './svg.ts';
import { textWidth, type FontStyle } from './text.ts';
import { THEME } from './theme.ts';

/** One horizontal bar with its row label and end label. A null value draws no bar, only the end label. */
export interface PanelRow {
  label: string;
  font: FontStyle;
  value: number | null;
  fill: string;
  end: EndLabel;
}

/** Shared x geometry: row labels end at labelRight, bars start at plotLeft. */
export interface PanelColumns {
  labelRight: number;
  plotLeft: number;
}

interface PanelLayout {
  scale: NiceScale;
  plotWidth: number;
  /** Where each end label starts, as a fraction of the plot: right of a positive bar, else right of the zero line. */
  endFractions: number[];
}

const MIN_LABEL_COLUMN = 120;
const TICK_PADDING = 16;

/** Row labels are right-aligned against the bars; the column is as wide as the widest (already truncated) label. */
export function panelColumns(labels: readonly { text: string; font: FontStyle }[]): PanelColumns {
  const widest = Math.max(MIN_LABEL_COLUMN, ...labels.map((label) => textWidth(label.text, label.font)));
  const labelRight = THEME.margin + Math.min(widest, THEME.maxLabelWidth);
  return { labelRight, plotLeft: labelRight + THEME.gap };
}

function valuesOf(rows: readonly PanelRow[]): number[] {
  return rows.flatMap((row) => (row.value === null ? [] : [row.value]));
}

/**
 * Widest plot that leaves room for every end label: a label starting at fraction f of the plot needs
 * f * plot + gap + labelWidth <= available. Never narrower than `minimum` (labels are then truncated).
 */
function fitPlotWidth(rows: readonly PanelRow[], fractions: readonly number[], available: number, minimum: number): number {
  let plot = available;
  rows.forEach((row, index) => {
    const fraction = fractions[index] ?? 0;
    if (fraction > 0) plot = Math.min(plot, (available - THEME.gap - endLabelWidth(row.end)) / fraction);
  });
  return Math.max(plot, minimum);
}

/** The last tick label is centred on its tick, so half of it must still fit inside the margin. */
function fitLastTick(scale: NiceScale, unit: ChartUnit, plot: number, available: number): number {
  const last = scale.ticks[scale.ticks.length - 1] ?? 0;
  const fraction = (last - scale.min) / (scale.max - scale.min);
  const half = textWidth(formatTick(last, unit, scale.step), THEME.tick) / 2;
  return fraction > 0 ? Math.min(plot, (available - half) / fraction) : plot;
}

function ticksFit(scale: NiceScale, unit: ChartUnit, plotWidth: number): boolean {
  const spacing = (plotWidth * scale.step) / (scale.max - scale.min);
  const widest = Math.max(...scale.ticks.map((tick) => textWidth(formatTick(tick, unit, scale.step), THEME.tick)));
  return widest + TICK_PADDING <= spacing;
}

/** Picks the most ticks (4, 3 or 2 intervals) whose labels do not collide once the plot is fitted to its labels. */
function layoutPanel(rows: readonly PanelRow[], unit: ChartUnit, columns: PanelColumns): PanelLayout {
  const values = valuesOf(rows);
  const available = THEME.width - THEME.margin - columns.plotLeft;
  let layout: PanelLayout | undefined;
  for (const intervals of [4, 3, 2]) {
    const scale = niceScale(values, intervals);
    const endFractions = rows.map((row) => (Math.max(row.value ?? 0, 0) - scale.min) / (scale.max - scale.min));
    // Below about a third of the space, bars stop being comparable: truncate a long note instead.
    const minimum = available * 0.35;
    const plotWidth = Math.max(fitLastTick(scale, unit, fitPlotWidth(rows, endFractions, available, minimum), available), minimum);
    layout = { scale, plotWidth, endFractions };
    if (ticksFit(scale, unit, plotWidth)) break;
  }
  return layout as PanelLayout;
}

/** Tick labels above the plot and vertical gridlines through every row; the zero line is darker. */
function axis(scale: NiceScale, unit: ChartUnit, x: (value: number) => number, top: number, bottom: number): string[] {
  return scale.ticks.flatMap((tick) => [
    lineElement(x(tick), top, x(tick), bottom, tick === 0 ? THEME.zeroLine : THEME.grid, tick === 0 ? 2 : 1),
    textElement(formatTick(tick, unit, scale.step), { ...THEME.tick, x: x(tick), y: top - 10, anchor: 'middle', fill: THEME.mutedText, className: 'tick' }),
  ]);
}

/** An axis and a stack of labelled bars starting at `top`, 40 px per row. */
export function barPanel(rows: readonly PanelRow[], unit: ChartUnit, columns: PanelColumns, top: number): Block {
  const { scale, plotWidth, endFractions } = layoutPanel(rows, unit, columns);
  const x = positionOf(scale, columns.plotLeft, plotWidth);
  const axisTop = top + THEME.tick.size + 14;
  const rowsTop = axisTop + 6;
  const rowsBottom = rowsTop + Math.max(rows.length, 1) * THEME.rowHeight;
  // With no figure at all there is nothing to measure, so no axis.
  const hasValues = valuesOf(rows).length > 0;
  const elements = hasValues ? axis(scale, unit, x, axisTop, rowsBottom) : [];

  rows.forEach((row, index) => {
    const centre = rowsTop + index * THEME.rowHeight + THEME.rowHeight / 2;
    const baseline = baselineFor(centre, THEME.label.size);
    elements.push(textElement(row.label, { ...row.font, x: columns.labelRight, y: baseline, anchor: 'end', className: 'label' }));
    if (row.value !== null) {
      const from = x(Math.min(row.value, 0));
      // A zero still gets a sliver, so "zero" never looks like "no figure".
      const width = Math.max(x(Math.max(row.value, 0)) - from, 2);
      elements.push(rectElement(from, centre - THEME.barThickness / 2, width, THEME.barThickness, row.fill, 'bar'));
    }
    const endX = columns.plotLeft + (endFractions[index] ?? 0) * plotWidth + THEME.gap;
    elements.push(endLabelElement(row.end, { x: endX, y: baseline }, THEME.width - THEME.margin - endX));
  });
  if (rows.length === 0) {
    const y = baselineFor(rowsTop + THEME.rowHeight / 2, THEME.label.size);
    elements.push(textElement('No figures to show', { ...THEME.label, x: columns.plotLeft, y, fill: THEME.mutedText }));
  }
  // Negative bars cover the zero line: draw it again on top so they visibly hang from it.
  if (hasValues && scale.min < 0) elements.push(lineElement(x(0), axisTop, x(0), rowsBottom, THEME.zeroLine, 2));
  return { elements, bottom: rowsBottom };
}
