import {
  CHART_DISPLAY_WIDTH,
  chartAltText,
  comparisonChart,
  horizontalBarChart,
  renderPngAsync,
  type BarChartSpec,
  type ComparisonChartSpec,
} from '../charts/index.ts';
import type { Chart } from './steps.ts';

/**
 * Turns a view's chart spec into the attached PNG (rendered off the main thread, cached by content), with its alt text
 * and the embed image that points at it. Views stay pure: they return specs, and commands render them here.
 */
export async function renderChart(spec: BarChartSpec | ComparisonChartSpec, fileStem: string): Promise<Chart> {
  const svg = 'bars' in spec ? horizontalBarChart(spec) : comparisonChart(spec);
  const name = `${fileStem.replace(/[^a-z0-9-]+/gi, '-').toLowerCase()}.png`;
  const data = await renderPngAsync(svg, { width: CHART_DISPLAY_WIDTH });
  return { file: { name, data, description: chartAltText(spec) }, image: { url: `attachment://${name}` } };
}
