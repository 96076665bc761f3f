import { DEFAULT_MISSING_LABEL, type BarChartSpec, type BarSpec } from './bar-chart.ts';
import type { ComparisonChartSpec } from './comparison-chart.ts';
import { formatValue } from './format.ts';

/** Discord's limit for an attachment's description (its alt text). */
export const ALT_TEXT_LIMIT = 1024;

function sentence(text: string): string {
  const trimmed = text.trim();
  return trimmed === '' || /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

/** "A, B and 3 more"; with shown = 0, nothing (the count alone is said elsewhere). */
function listed(names: readonly string[], shown: number): string {
  if (shown === 0) return '';
  const head = names.slice(0, shown).join(', ');
  return names.length > shown ? `: ${head} and ${names.length - shown} more` : `: ${head}`;
}

/** Discord counts UTF-16 code units; cut on a code point so no half surrogate pair is left. */
function ordinal(n: number): string {
  const suffix = n % 100 >= 11 && n % 100 <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${suffix}`;
}

function fitToLimit(text: string): string {
  if (text.length <= ALT_TEXT_LIMIT) return text;
  let cut = '';
  for (const char of text) {
    if (cut.length + char.length > ALT_TEXT_LIMIT - 1) break;
    cut += char;
  }
  return `${cut.trimEnd()}…`;
}

function barChartDescription(spec: BarChartSpec, topCount: number, namesShown: number): string {
  const withValues = spec.bars.filter((bar): bar is BarSpec & { value: number } => bar.value !== null);
  const missing = spec.bars.filter((bar) => bar.value === null).map((bar) => bar.label);
  const ranked = [...withValues].sort((a, b) => b.value - a.value);
  const describe = (bar: BarSpec & { value: number }) => `${bar.label} ${formatValue(bar.value, spec.unit)}`;
  const parts = [sentence(`Bar chart: ${spec.title}`), sentence(spec.subtitle), sentence(`${spec.bars.length} ${spec.bars.length === 1 ? 'bar' : 'bars'}`)];
  if (ranked.length > 0) parts.push(sentence(`Highest: ${ranked.slice(0, topCount).map(describe).join('; ')}`));
  const lowest = ranked[ranked.length - 1];
  if (lowest && ranked.length > topCount) parts.push(sentence(`Lowest: ${describe(lowest)}`));
  for (const bar of spec.bars.filter((candidate) => candidate.highlight)) {
    const rank = ranked.findIndex((candidate) => candidate === bar);
    parts.push(
      sentence(
        bar.value === null || rank === -1
          ? `Highlighted: ${bar.label}, ${bar.missingLabel ?? DEFAULT_MISSING_LABEL}`
          : `Highlighted: ${describe({ ...bar, value: bar.value })}, ${ordinal(rank + 1)} highest of ${ranked.length} with a figure`,
      ),
    );
  }
  if (missing.length > 0) parts.push(sentence(`No figure for ${missing.length} of ${spec.bars.length}${listed(missing, namesShown)}`));
  if (spec.footnote) parts.push(sentence(spec.footnote));
  return parts.filter((part) => part !== '').join(' ');
}

function comparisonDescription(spec: ComparisonChartSpec): string {
  const parts = [sentence(`Comparison chart: ${spec.title}`), sentence(spec.subtitle), sentence(`Comparing ${spec.systems.join(' and ')}`)];
  let missing = 0;
  for (const measure of spec.measures) {
    const values = measure.values.map((value, index) => {
      if (value === null) missing += 1;
      const shown = value === null ? (measure.missingLabel ?? DEFAULT_MISSING_LABEL) : formatValue(value, measure.unit);
      return `${spec.systems[index] ?? ''} ${shown}`;
    });
    parts.push(sentence(`${measure.label}: ${values.join(', ')}`));
  }
  if (missing > 0) parts.push(sentence(`${missing} ${missing === 1 ? 'figure is' : 'figures are'} missing`));
  if (spec.footnote) parts.push(sentence(spec.footnote));
  return parts.filter((part) => part !== '').join(' ');
}

/**
 * Plain-words description for the image's alt text: what the chart shows, its top values and how many rows have
 * no figure. Lists shrink until it fits Discord's 1,024 characters; only as a last resort is the text cut.
 */
export function chartAltText(spec: BarChartSpec | ComparisonChartSpec): string {
  if ('systems' in spec) return fitToLimit(comparisonDescription(spec));
  for (const [topCount, namesShown] of [
    [5, 8],
    [5, 3],
    [3, 0],
    [1, 0],
  ] as const) {
    const text = barChartDescription(spec, topCount, namesShown);
    if (text.length <= ALT_TEXT_LIMIT) return text;
  }
  return fitToLimit(barChartDescription(spec, 1, 0));
}
