import type { APIEmbed } from 'discord-api-types/v10';
import type { Dataset, IcsSystem } from '../data/model.ts';
import { METRICS, type MetricId } from '../data/metrics.ts';
import type { Region } from '../data/schema.ts';
import { shortName } from '../data/names.ts';
import { rankBy, type Rank } from '../data/ranking.ts';
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
  rows: Array<{ system: IcsSystem; value: number; rank: Rank }>;
  leftOut: IcsSystem[];
  poolSize: number;
}

/** Ranks the pool on a metric with the one ranking (joint places at the shown value); systems without a figure are reported, not ranked as zero. */
export function rankSystems(data: Dataset, request: RankRequest): Ranked {
  const metric = METRICS[request.metric];
  const pool = request.region === null ? data.systems : data.systems.filter((s) => s.region === request.region);
  const byName = (a: IcsSystem, b: IcsSystem) => shortName(a).localeCompare(shortName(b));
  const { entries, unranked } = rankBy(pool, (s) => metric.value(s.figures), metric.unit, request.order, byName);
  const rows = entries.slice(0, request.count).map(({ item, value, rank }) => ({ system: item, value, rank }));
  return { rows, leftOut: unranked, poolSize: pool.length };
}

export function rankEmbed(data: Dataset, request: RankRequest): APIEmbed {
  const metric = METRICS[request.metric];
  const ranked = rankSystems(data, request);
  const where = request.region ?? 'England';
  const shown = ranked.rows.map(
    (r) => `${r.system.figures.deficitIsRangeMidpoint && request.metric.startsWith('deficit') ? '~' : ''}${formatMetric(metric.unit, r.value)}`,
  );
  // Compact lines rather than a wide table: a phone wraps lines cleanly, and 42 of them fit one description.
  const isDeficit = request.metric.startsWith('deficit');
  const lines = ranked.rows.map((r, i) => {
    const tag = isDeficit ? figureTag(r.system.position) : undefined;
    const flag = isFlagged(r.system, request.metric) ? ' ⚠' : '';
    return `\`${r.rank.joint ? '=' : ''}${r.rank.position}\` ${shortName(r.system)} — **${shown[i] ?? ''}**${tag !== undefined ? ` (${tag})` : ''}${flag}`;
  });
  const published = ranked.poolSize - ranked.leftOut.length;
  const fields: Array<{ name: string; value: string }> = [];
  if (ranked.leftOut.length > 0) {
    fields.push({
      name: `Ranked among the ${published} of ${ranked.poolSize} that published a figure; left out`,
      value: ranked.leftOut.map(shortName).join('; '),
    });
  }
  const flags = flagLines(
    ranked.rows.map((r) => r.system),
    request.metric,
  );
  if (flags.length > 0) fields.push({ name: '⚠ Ranked as published, but the row does not add up', value: flags.join('\n') });
  const notes: string[] = [];
  if (metric.note !== undefined) notes.push(metric.note);
  if (isDeficit) {
    notes.push(
      'Not like-for-like: deficits and gaps of different stages, each tagged as published; break-even counts as £0; efficiency asks are not deficits. ~ marks the midpoint of a range.',
    );
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
