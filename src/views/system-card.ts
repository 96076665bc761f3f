import type { APIEmbed, APIEmbedField } from 'discord-api-types/v10';
import type { Dataset, IcsSystem } from '../data/model.ts';
import { isFlagged } from '../data/figure-flags.ts';
import { METRICS, type MetricId } from '../data/metrics.ts';
import { KIND_LABEL, STAGE_LABEL } from '../data/position-kind.ts';
import { gbp, gbpBillions, gbpMillions, ordinal, people, percent } from '../format/numbers.ts';
import { DISCORD_LIMITS } from '../protocol/limits.ts';
import { amountText, STATUS_COLOUR, STATUS_LABEL, surveyFooter } from './labels.ts';
import { blockQuote, truncate } from './text.ts';
import { fateText } from './successor-card.ts';

/**
 * "12th highest of 42 · joint 3rd of the 3 in the South West that published a figure", ⚠ when the row's figures do
 * not add up; nothing when the figure is missing. Ranks count only the systems that published the figure.
 */
export function rankText(system: IcsSystem, metric: MetricId, data: Dataset): string {
  const rank = system.ranks[metric];
  if (rank === undefined) return '';
  const regionSize = data.systems.filter((s) => s.region === system.region).length;
  const { england, region } = rank;
  const national = `${england.joint ? 'joint ' : ''}${ordinal(england.position)} highest of ${england.of}${england.of < data.systems.length ? ' that published it' : ''}`;
  const regional = `${region.joint ? 'joint ' : ''}${ordinal(region.position)} of ${region.of}${region.of < regionSize ? ` in ${system.region} that published it (the region has ${regionSize})` : ` in ${system.region}`}`;
  return `${national} · ${regional}${isFlagged(system, metric) ? ' ⚠ ranked as published; the row does not add up' : ''}`;
}

function figureField(name: string, value: string | null, published: string | null, rank: string): APIEmbedField {
  const shown = value ?? 'not published';
  const asPrinted = published !== null && value !== null && !value.includes(published) ? ` (printed “${published}”)` : '';
  return { name, value: [`**${shown}**${asPrinted}`, rank].filter(Boolean).join('\n'), inline: true };
}

/** The structured reading of the financial position: status, amount or range, earlier figures, derived shares. */
export function positionLines(system: IcsSystem): string[] {
  const { position } = system;
  const f = system.figures;
  const lines: string[] = [];
  const amount = amountText(position);
  lines.push(`**${STATUS_LABEL[position.status]}: ${amount}**`);
  lines.push(`Kind of figure: ${KIND_LABEL[position.status]}, ${STAGE_LABEL[position.stage]}.`);
  lines.push(position.summary);
  if (position.earlier.length > 0) lines.push(`Earlier or draft: ${position.earlier.map((e) => `${gbpMillions(e.gbpM)} (${e.label})`).join('; ')}`);
  if (position.otherFigures.length > 0) lines.push(`Also in the quote: ${position.otherFigures.map((e) => `${gbpMillions(e.gbpM)} (${e.label})`).join('; ')}`);
  if (f.deficitGbpM !== null && f.deficitGbpM > 0) {
    const basis = f.deficitIsRangeMidpoint ? ` (midpoint of the range, ${gbpMillions(f.deficitGbpM)})` : '';
    const share = f.deficitSharePct !== null ? `${percent(f.deficitSharePct)} of allocation` : null;
    const perHead = f.deficitPerHeadGbp !== null ? `${gbp(f.deficitPerHeadGbp)} per head` : null;
    const parts = [share, perHead].filter((p): p is string => p !== null);
    if (parts.length > 0) lines.push(`That is ${parts.join(', ')}${basis}.`);
  }
  return lines;
}

/** Inconsistencies first, then missing figures, then printing slips, each said for what it is. */
export function dataNotes(system: IcsSystem): string[] {
  const order = { inconsistency: 0, missing: 1, 'printing-slip': 2 } as const;
  const anomalies = [...system.anomalies].sort((a, b) => order[a.severity] - order[b.severity]);
  return [...anomalies.map((a) => (a.severity === 'printing-slip' ? `Printing slip: ${a.note}` : a.note)), ...system.position.readingNotes];
}

/** The card for one 2022 system: figures with ranks, the position read and quoted, and what does not add up. */
export function systemEmbed(system: IcsSystem, data: Dataset, extraFields: APIEmbedField[] = []): APIEmbed {
  const f = system.figures;
  const heading = system.publishedHeading !== system.region ? ` (the survey printed it under “${system.publishedHeading}”)` : '';
  const fields: APIEmbedField[] = [
    figureField('Population', f.population !== null ? people(f.population) : null, system.population.published, rankText(system, 'population', data)),
    figureField(
      'Allocation 2022/23',
      f.allocationGbpBillions !== null ? gbpBillions(f.allocationGbpBillions) : null,
      system.allocation.published,
      rankText(system, 'allocation', data),
    ),
    figureField(
      'Spend per head',
      f.spendPerHeadGbp !== null ? gbp(f.spendPerHeadGbp) : null,
      system.spendPerHead.published,
      rankText(system, 'spend-per-head', data),
    ),
    { name: 'Financial position 2022/23', value: positionLines(system).join('\n') },
    {
      name: 'What the survey says',
      value: truncate(
        `${blockQuote(system.position.quote)}${system.position.subSource !== null ? `\n— citing ${system.position.subSource}` : ''}`,
        DISCORD_LIMITS.fieldValue,
      ),
    },
  ];
  if (f.deficitGbpM !== null) {
    const share = rankText(system, 'deficit-share', data);
    if (share !== '') fields.push({ name: `${METRICS['deficit-share'].label} — rank`, value: share, inline: false });
  }
  const notes = dataNotes(system);
  if (notes.length > 0) {
    fields.push({ name: '⚠️ Data notes', value: notes.map((n) => `• ${n}`).join('\n') });
  }
  fields.push({ name: 'Since 2022', value: fateText(data.changes.fateOf(system.id), data) });
  fields.push(...extraFields);
  return {
    title: system.publishedName,
    description: `**${system.icbName}**${system.odsCode !== undefined ? ` (ODS ${system.odsCode})` : ''}\nRegion: ${system.region}${heading}`,
    color: STATUS_COLOUR[system.position.status],
    fields: fields.slice(0, DISCORD_LIMITS.embedFields),
    footer: surveyFooter(data),
  };
}
