import type { APIActionRowComponent, APIButtonComponent, APIEmbed, APIEmbedField } from 'discord-api-types/v10';
import { ComponentType } from '../protocol/api.ts';
import { actionButton } from '../protocol/buttons.ts';
import type { Successor } from '../data/changes-schema.ts';
import { isWholeMerger, type SystemFate } from '../data/changes.ts';
import type { Dataset, IcsSystem } from '../data/model.ts';
import { gbp, gbpBillions, gbpMillions, people } from '../format/numbers.ts';
import { longDate } from '../format/dates.ts';
import { DISCORD_LIMITS } from '../protocol/limits.ts';
import { surveyFooter } from './labels.ts';
import { reply, type Reply } from '../protocol/reply.ts';
import { truncate } from './text.ts';
import { boundaryMovesSentence } from './boundary-moves.ts';
import { allocationYearsPhrase, surveyYearsPhrase } from './source-years.ts';

/** Bullets of source titles, linked where the address is verified, falling back to plain titles to stay in `max`. */
function linkedWhileFits(sources: ReadonlyArray<{ title: string; url?: string | undefined }>, max: number): string[] {
  const plain = sources.map((s) => `• ${s.title}`);
  let used = plain.join('\n').length;
  return sources.map((s, i) => {
    const linked = s.url === undefined ? (plain[i] ?? '') : `• [${s.title}](${s.url})`;
    const extra = linked.length - (plain[i] ?? '').length;
    if (used + extra > max) return plain[i] ?? '';
    used += extra;
    return linked;
  });
}

function predecessorSystems(successor: Successor, data: Dataset): Array<{ system: IcsSystem; whole: boolean; part?: string; share?: number }> {
  return successor.predecessors.flatMap((p) => {
    const system = data.byId.get(p.systemId);
    if (system === undefined) return [];
    return [
      {
        system,
        whole: p.passedOver === 'whole',
        ...(p.part !== undefined ? { part: p.part } : {}),
        ...(p.populationShare !== undefined ? { share: p.populationShare.share } : {}),
      },
    ];
  });
}

function figuresLine(s: IcsSystem): string {
  const f = s.figures;
  return [
    f.population !== null ? `${people(f.population)} people` : 'population not published',
    f.allocationGbpBillions !== null ? `allocation ${gbpBillions(f.allocationGbpBillions)}` : null,
    f.spendPerHeadGbp !== null ? `${gbp(f.spendPerHeadGbp)} per head` : null,
    f.deficitGbpM !== null ? `deficit or gap ${gbpMillions(f.deficitGbpM)}` : `position: ${s.position.summary}`,
  ]
    .filter((x): x is string => x !== null)
    .join(', ');
}

/** The 2022 figures of the predecessors: summed only when every one passed over whole, and then labelled as such. */
function predecessorFigures(successor: Successor, data: Dataset): APIEmbedField[] {
  const parts = predecessorSystems(successor, data);
  if (isWholeMerger(successor)) {
    const systems = parts.map((p) => p.system);
    const pop = systems.every((s) => s.figures.population !== null) ? systems.reduce((a, s) => a + (s.figures.population ?? 0), 0) : null;
    const alloc = systems.reduce((a, s) => a + (s.figures.allocationGbpBillions ?? 0), 0);
    const withDeficit = systems.filter((s) => s.figures.deficitGbpM !== null);
    const deficit = withDeficit.reduce((a, s) => a + (s.figures.deficitGbpM ?? 0), 0);
    const official = systems.map((s) => data.funding.bySystem.get(s.id)?.published.core_2024_25_recurrent_k);
    const officialSum = official.every((k): k is number => k !== undefined) ? official.reduce((a, k) => a + k, 0) : null;
    const lines = [
      pop !== null ? `Population: **${people(pop)}**` : 'Population: not summed (a predecessor published none)',
      `Allocation 2022/23: **${gbpBillions(alloc)}**`,
      pop !== null ? `Spend per head (allocation ÷ population): **${gbp((alloc * 1e9) / pop)}**` : null,
      `Published deficits and gaps: **${gbpMillions(Math.round(deficit * 100) / 100)}** (${withDeficit.length} of ${systems.length} predecessors published a figure)`,
      officialSum !== null ? `NHS England core allocations 2024/25 (recurrent), summed: **${gbpBillions(officialSum / 1e6)}**` : null,
      '_These are the predecessors’ figures added up, not the new body’s own._',
    ].filter((x): x is string => x !== null);
    return [
      { name: 'Predecessors’ 2022 survey totals', value: lines.join('\n') },
      ...parts.map((p) => ({ name: `${p.system.shortName} (whole)`, value: figuresLine(p.system) })),
    ];
  }
  const partial = parts.filter((p) => !p.whole).map((p) => p.system.shortName);
  return [
    ...parts.map((p) => ({
      name: `${p.system.shortName} (${p.whole ? 'whole' : 'part'})`,
      value: truncate(
        `${p.whole ? '' : `Only ${p.part ?? 'part'}${p.share !== undefined ? `, about ${Math.round(p.share * 100)}% of its population,` : ''} passed over. Figures below are for all of ${p.system.shortName} in 2022.\n`}${figuresLine(p.system)}`,
        DISCORD_LIMITS.fieldValue,
      ),
    })),
    {
      name: 'Why no total',
      value: `Not summed: ${partial.join(' and ')} passed over only in part, and the survey has no figures for parts of a system.`,
    },
  ];
}

/** The card for a body created in April 2026: what it is, what it came from, and the 2022 figures of its predecessors. */
export function successorEmbed(successor: Successor, data: Dataset): APIEmbed {
  const parts = predecessorSystems(successor, data);
  const from = parts.map((p) => `**${p.system.shortName}** (${p.whole ? 'whole' : `part: ${p.part ?? ''}`})`).join('; ');
  const codes = [
    `ODS ${successor.odsCode}`,
    successor.onsCode !== undefined ? `ONS ${successor.onsCode}${successor.onsCodeConfidence === 'single-source' ? ' (single source)' : ''}` : null,
  ]
    .filter(Boolean)
    .join(' · ');
  const sources = linkedWhileFits(
    successor.sourceIds.map((id) => data.changes.source(id) ?? { title: id }),
    DISCORD_LIMITS.fieldValue,
  );
  return {
    title: `${successor.name}`,
    description: truncate(
      [
        `A new integrated care board since **${longDate(successor.startDate)}**, in NHS England's ${successor.region} region (${codes}).`,
        `It was formed from: ${from}.`,
        `The survey, ${surveyYearsPhrase()}, predates it, so it has no figures of its own here; below are its predecessors’ survey figures and NHS England’s ${allocationYearsPhrase()}, summed where they add up.`,
      ].join('\n'),
      DISCORD_LIMITS.embedDescription,
    ),
    color: 0x009e73,
    fields: [...predecessorFigures(successor, data), { name: 'Sources for the change', value: sources.join('\n') }].slice(0, DISCORD_LIMITS.embedFields),
    footer: surveyFooter(data),
  };
}

export function predecessorButtons(successor: Successor, data: Dataset, hide: boolean): Array<APIActionRowComponent<APIButtonComponent>> {
  const buttons = successor.predecessors.slice(0, DISCORD_LIMITS.buttonsPerRow).flatMap((p) => {
    const system = data.byId.get(p.systemId);
    return system === undefined ? [] : [actionButton(`2022 card: ${system.shortName}`, { command: 'ics', args: [system.odsCode], hide, chart: true })];
  });
  return [{ type: ComponentType.ActionRow, components: buttons }];
}

/** One line for a 2022 card: what the system became, and since when (the July 2022 boundary moves first). */
export function fateText(fate: SystemFate, data: Dataset): string {
  const moved = boundaryMovesSentence(fate.systemId, data);
  const since2026 = fateSince2026(fate, data, moved !== '');
  return moved === '' ? since2026 : `${moved}\n${since2026}`;
}

function fateSince2026(fate: SystemFate, data: Dataset, movedIn2022: boolean): string {
  if (fate.change === 'unchanged') {
    return movedIn2022
      ? 'Still an ICB today, unchanged by the April 2026 mergers.'
      : 'Still an ICB today, with the same area (unchanged by the April 2026 mergers).';
  }
  if (fate.change === 'boundary-change') {
    const gained = fate.gained.map((g) => `${g.part ?? 'part'} from ${data.byId.get(g.systemId)?.shortName ?? g.systemId}`).join('; ');
    return `Still an ICB today; its area grew on ${longDate(fate.body.startDate)}, taking in ${gained}.`;
  }
  const to = fate.successors.map((h) => `${h.successor.name}${h.passedOver === 'part' ? ` (${h.part ?? 'part'})` : ''}`);
  const verb = fate.successors.length > 1 ? `split between ${to.join('; ')}` : `merged whole into ${to[0] ?? 'a successor'}`;
  return `Abolished ${longDate(fate.abolishedOn)}; ${verb}.`;
}

/** The whole reply for a successor name: its card, with buttons to each predecessor's 2022 card. */
export function successorReply(successor: Successor, data: Dataset, hide: boolean, lead?: string): Reply {
  return reply({
    ephemeral: hide,
    ...(lead !== undefined ? { content: lead } : {}),
    embeds: [successorEmbed(successor, data)],
    components: predecessorButtons(successor, data, hide),
  });
}

/** The short form for /england, where space is tight: today's count and what the figures are for. */
export function icbCountShort(data: Dataset): string {
  const created = data.changes.successors.filter((s) => s.kind === 'new-body').length;
  return `Since ${longDate(data.changes.file.icbCountSince.date)} England has ${data.changes.currentIcbCount()} ICBs (${data.changes.abolished.length} abolished, ${created} created); figures here are for the ${data.systems.length} systems of 2022.`;
}

/** "42 ICBs when the survey was taken; 36 since 1 April 2026" — computed from the changes data, not written by hand. */
export function icbCountLine(data: Dataset): string {
  const since = data.changes.file.icbCountSince.date;
  const created = data.changes.successors.filter((s) => s.kind === 'new-body').length;
  return `England had ${data.systems.length} ICSs when the survey was taken; it has had ${data.changes.currentIcbCount()} ICBs since ${longDate(since)} (${data.changes.abolished.length} abolished, ${created} created). Figures here are for the ${data.systems.length} systems of 2022.`;
}
