import type { APIEmbed } from 'discord-api-types/v10';
import type { Dataset, IcsSystem } from '../data/model.ts';
import { METRICS, type MetricId } from '../data/metrics.ts';
import type { Region } from '../data/schema.ts';
import { shortName } from '../data/names.ts';
import { rankBy, type Rank } from '../data/ranking.ts';
import { footerFor } from './labels.ts';
import { formatMetric } from './metric-format.ts';

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
  const shown = ranked.rows.map((r) => `${r.system.figures.deficitIsRangeMidpoint && request.metric.startsWith('deficit') ? '~' : ''}${formatMetric(metric.unit, r.value)}`);
  // Compact lines rather than a wide table: a phone wraps lines cleanly, and 42 of them fit one description.
  const lines = ranked.rows.map((r, i) => `\`${r.rank.joint ? '=' : ''}${r.rank.position}\` ${shortName(r.system)} — **${shown[i] ?? ''}**`);
  const notes: string[] = [];
  if (ranked.leftOut.length > 0) {
    notes.push(`${ranked.leftOut.length} of ${ranked.poolSize} systems ${metric.missingMeaning} and are left out: ${ranked.leftOut.map(shortName).join('; ')}.`);
  }
  if (metric.note !== undefined) notes.push(metric.note);
  if (request.metric.startsWith('deficit')) {
    notes.push('Deficits and financial gaps as the survey published them (break-even counts as £0); efficiency asks are not deficits. ~ marks the midpoint of a published range.');
  }
  notes.push('= marks a joint place at the value shown. Ranked among the 42 systems of 2022, the survey’s unit (not today’s ICBs).');
  return {
    title: `${metric.label}: ${request.order} ${ranked.rows.length} — ${where}`,
    description: lines.join('\n'),
    color: 0x0072b2,
    fields: [{ name: 'Notes', value: notes.map((n) => `• ${n}`).join('\n') }],
    footer: footerFor(metric.source, data),
  };
}
