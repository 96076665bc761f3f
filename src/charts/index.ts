/** PNG charts for replies: pure SVG builders, their alt text, and rendering to PNG. */
export { horizontalBarChart, DEFAULT_MISSING_LABEL, type BarChartSpec, type BarSpec } from './bar-chart.ts';
export { comparisonChart, type ComparisonChartSpec, type ComparisonMeasure } from './comparison-chart.ts';
export { chartAltText, ALT_TEXT_LIMIT } from './alt-text.ts';
export { formatValue, formatTick, type ChartUnit } from './format.ts';
export {
  renderPng,
  renderPngAsync,
  closeChartRenderer,
  createChartRenderer,
  chartRenderer,
  CHART_DISPLAY_WIDTH,
  rasterize,
  type ChartRenderer,
  type ChartRendererOptions,
  type PngOptions,
  type RasterImage,
} from './render.ts';
