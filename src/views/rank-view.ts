import type { APIEmbed } from 'discord-api-types/v10';
import type { Dataset, IcsSystem } from '../data/model.ts';
import { METRICS, type MetricId } from '../data/metrics.ts';
import type { Region } from '../data/schema.ts';
import { shortName } from '../search/name-index.ts';
import { footerFor } from './labels.ts';
import { formatMetric } from './metric-format.ts';
import { flagLines, isFlagged } from '../data/figure-flags.ts';
import { figureTag } from '../data/position-kind.ts';

export interface RankRequest {
  metric: MetricId;
  order: 'highest' | 'lowest';
  region: Region | null;
  count: number;
}

export interface Ranked {
  rows: Array<{ position: number; system: IcsSystem; value: number }>;
  leftOut: IcsSystem[];
  poolSize: number;
}

/** Ranks the pool on a metric; equal values share a position; systems without a figure are reported, not ranked as zero. */
export function rankSystems(data: Dataset, request: RankRequest): Ranked {
  const metric = METRICS[request.metric];
  const pool = request.region === null ? data.systems : data.systems.filter((s) => s.region === request.region);
  const valued = pool
    .map((system) => ({ system, value: metric.value(system.figures) }))
    .filter((x): x is { system: IcsSystem; value: number } => x.value !== null)
    .sort((a, b) => (request.order === 'highest' ? b.value - a.value : a.value - b.value) || shortName(a.system).localeCompare(shortName(b.system)));
  const rows: Ranked['rows'] = [];
  valued.forEach((entry, i) => {
    const previous = rows[i - 1];
    const position = previous !== undefined && previous.value === entry.value ? previous.position : i + 1;
    rows.push({ position, ...entry });
  });
  return { rows: rows.slice(0, request.count), leftOut: pool.filter((s) => metric.value(s.figures) === null), poolSize: pool.length };
}

/** "5" or "=5" when the shown value is shared: ranks follow what the reader sees, not hidden decimals. */
function positionLabels(shown: readonly string[]): string[] {
  return shown.map((value) => {
    const first = shown.indexOf(value);
    const shared = shown.lastIndexOf(value) !== first;
    return `${shared ? '=' : ''}${first + 1}`;
  });
}

export function rankEmbed(data: Dataset, request: RankRequest): APIEmbed {
  const metric = METRICS[request.metric];
  const ranked = rankSystems(data, request);
  const where = request.region ?? 'England';
  const shown = ranked.rows.map((r) => `${r.system.figures.deficitIsRangeMidpoint && request.metric.startsWith('deficit') ? '~' : ''}${formatMetric(metric.unit, r.value)}`);
  const positions = positionLabels(shown);
  // Compact lines rather than a wide table: a phone wraps lines cleanly, and 42 of them fit one description.
  const isDeficit = request.metric.startsWith('deficit');
  const lines = ranked.rows.map((r, i) => {
    const tag = isDeficit ? figureTag(r.system.position) : undefined;
    const flag = isFlagged(r.system, request.metric) ? ' ⚠' : '';
    return `\`${positions[i] ?? ''}\` ${shortName(r.system)} — **${shown[i] ?? ''}**${tag !== undefined ? ` (${tag})` : ''}${flag}`;
  });
  const published = ranked.poolSize - ranked.leftOut.length;
  const fields: Array<{ name: string; value: string }> = [];
  if (ranked.leftOut.length > 0) {
    fields.push({ name: `Ranked among the ${published} of ${ranked.poolSize} that published a figure; left out`, value: ranked.leftOut.map(shortName).join('; ') });
  }
  const flags = flagLines(ranked.rows.map((r) => r.system), request.metric);
  if (flags.length > 0) fields.push({ name: '⚠ Ranked as published, but the row does not add up', value: flags.join('\n') });
  const notes: string[] = [];
  if (metric.note !== undefined) notes.push(metric.note);
  if (isDeficit) {
    notes.push('Not like-for-like: deficits and gaps of different stages, each tagged as published; break-even counts as £0; efficiency asks are not deficits. ~ marks the midpoint of a range.');
  }
  notes.push('= marks a joint place at the value shown. Ranked among the 42 systems of 2022, the survey’s unit (not today’s ICBs).');
  fields.push({ name: 'Notes', value: notes.map((n) => `• ${n}`).join('\n') });
  return {
    title: `${metric.label}: ${request.order} ${ranked.rows.length} — ${where}`,
    description: lines.join('\n'),
    color: 0x0072b2,
    fields,
    footer: footerFor(metric.source, data),
  };
}
