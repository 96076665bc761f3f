/** PNG charts for replies: pure SVG builders from chart specs, their alt text, and rendering to PNG (used by core). */
export { horizontalBarChart, type BarChartSpec, type BarSpec } from './bar-chart.ts';
export { comparisonChart, type ComparisonChartSpec } from './comparison-chart.ts';
export { chartAltText } from './alt-text.ts';
export { renderPngAsync, closeChartRenderer, chartRenderer, CHART_DISPLAY_WIDTH, type ChartRenderer } from './render.ts';
