import type { APIActionRowComponent, APIButtonComponent, APIEmbed } from 'discord-api-types/v10';
import { ComponentType } from '../protocol/api.ts';
import { actionButton, type ButtonAction } from '../protocol/buttons.ts';
import { changesEmbedFor } from './icb-changes-embed.ts';
import { METRICS } from '../data/metrics.ts';
import type { Dataset, IcsSystem } from '../data/model.ts';
import { regionId } from '../search/regions.ts';
import { shortName } from '../data/names.ts';
import { compareEmbed } from '../views/compare-card.ts';
import { englandEmbeds } from '../views/england-view.ts';
import { fundingCardFields } from '../views/funding-fields.ts';
import { fundingReply } from '../views/funding-view.ts';
import { DISCORD_LIMITS } from '../protocol/limits.ts';
import { rankEmbed } from '../views/rank-view.ts';
import { regionRankEmbed } from '../views/region-rank-view.ts';
import { regionEmbed } from '../views/region-view.ts';
import { reply, type Reply } from '../protocol/reply.ts';
import { icbCountShort, predecessorButtons, successorEmbed } from '../views/successor-card.ts';
import { systemEmbed } from '../views/system-card.ts';
import { truncate } from '../views/text.ts';
import { outOfScopeReply, unclearReply } from './help-reply.ts';
import { leadFor } from './lead.ts';
import { readAs } from './read-as.ts';
import type { Reading } from './reading.ts';

interface Button {
  label: string;
  action: ButtonAction;
}

function buttonRow(buttons: readonly Button[]): Array<APIActionRowComponent<APIButtonComponent>> {
  const usable = buttons.slice(0, DISCORD_LIMITS.buttonsPerRow);
  if (usable.length === 0) return [];
  return [{ type: ComponentType.ActionRow, components: usable.map((b) => actionButton(b.label, b.action)) }];
}

const to = (command: string, args: string[], hide: boolean): ButtonAction => ({ command, args, hide, chart: false });

const FUNDING_FIGURES = new Set([
  'distance-from-target-2024-25',
  'core-per-head-2024-25',
  'core-recurrent-growth',
  'running-cost-cut-2025-26',
  'gp-per-head',
  'core-allocation',
]);

function cardButtons(system: IcsSystem, hide: boolean, funding: boolean): Button[] {
  return [
    funding
      ? { label: `2022 card: ${shortName(system)}`, action: to('ics', [system.odsCode], hide) }
      : { label: `Official funding: ${shortName(system)}`, action: to('funding', [system.odsCode], hide) },
    { label: `${system.region}: all systems`, action: to('region', [regionId(system.region), 'deficit'], hide) },
  ];
}

/** The view under the lead: the same embeds and buttons the slash commands give, chosen by the reading. */
async function view(reading: Reading, data: Dataset, hide: boolean): Promise<{ embeds: APIEmbed[]; buttons: Button[]; components?: Reply['components'] }> {
  switch (reading.intent) {
    case 'figure': {
      const { system, figure } = reading;
      if (FUNDING_FIGURES.has(figure)) {
        const funded = fundingReply(system, data, hide);
        return { embeds: funded.embeds, buttons: cardButtons(system, hide, true) };
      }
      return { embeds: [systemEmbed(system, data, fundingCardFields(system, data))], buttons: cardButtons(system, hide, false) };
    }
    case 'rank': {
      const region =
        reading.region === null
          ? []
          : [{ label: `Full ranking in ${reading.region}`, action: to('rank', [reading.metric, reading.order, '42', regionId(reading.region)], hide) }];
      const top = rankEmbedTop(reading, data);
      return {
        embeds: [rankEmbed(data, reading)],
        buttons: [...(top === null ? [] : [{ label: `Card: ${shortName(top)}`, action: to('ics', [top.odsCode], hide) }]), ...region],
      };
    }
    case 'compare': {
      const [a, b] = reading.systems;
      return { embeds: [compareEmbed(a, b, data)], buttons: [a, b].map((s) => ({ label: `Card: ${shortName(s)}`, action: to('ics', [s.odsCode], hide) })) };
    }
    case 'region': {
      const summary = data.regions.find((r) => r.region === reading.region);
      if (summary === undefined) return { embeds: [], buttons: [] };
      const sort = reading.metric ?? 'deficit';
      return {
        embeds: [regionEmbed(summary, sort, data)],
        buttons: [
          {
            label: `Rank ${reading.region} by ${METRICS[sort].label.replace(/ \(.*\)$/, '').toLowerCase()}`,
            action: to('rank', [sort, 'highest', '42', regionId(reading.region)], hide),
          },
        ],
      };
    }
    case 'region-rank':
      return { embeds: [regionRankEmbed(data, reading.metric, reading.order)], buttons: [] };
    case 'england':
      return { embeds: englandEmbeds(data, [icbCountShort(data)]), buttons: [] };
    case 'icb-count':
      return { embeds: [changesEmbedFor(data)], buttons: [] };
    case 'fate': {
      const fate = data.changes.fateOf(reading.system.id);
      if (fate.change === 'abolished') {
        const successors = fate.successors.map((h) => h.successor);
        return {
          embeds: successors.slice(0, 2).map((s) => successorEmbed(s, data)),
          buttons: [
            { label: `2022 card: ${shortName(reading.system)}`, action: to('ics', [reading.system.odsCode], hide) },
            ...successors.map((s) => ({ label: `Today: ${s.shortName} ICB`, action: to('ics', ['successor', s.id], hide) })),
          ],
        };
      }
      return { embeds: [systemEmbed(reading.system, data)], buttons: cardButtons(reading.system, hide, false) };
    }
    case 'successor':
      return { embeds: [successorEmbed(reading.successor, data)], buttons: [], components: predecessorButtons(reading.successor, data, hide) };
    case 'out-of-scope':
    case 'unclear':
      return { embeds: [], buttons: [] };
  }
}

function rankEmbedTop(reading: Extract<Reading, { intent: 'rank' }>, data: Dataset): IcsSystem | null {
  const metric = METRICS[reading.metric];
  const pool = reading.region === null ? data.systems : data.systems.filter((s) => s.region === reading.region);
  let best: IcsSystem | null = null;
  let bestValue = 0;
  for (const s of pool) {
    const v = metric.value(s.figures);
    if (v === null) continue;
    if (best === null || (reading.order === 'highest' ? v > bestValue : v < bestValue)) {
      best = s;
      bestValue = v;
    }
  }
  return best;
}

/** The whole answer: the direct sentences, how the question was read, then the view with buttons to open more. */
export async function answerReading(reading: Reading, data: Dataset, hide: boolean, typed = ''): Promise<Reply> {
  if (reading.intent === 'out-of-scope') return outOfScopeReply(reading.reason, hide);
  if (reading.intent === 'unclear') return unclearReply(typed, reading.options, hide);
  const lead = leadFor(reading, data);
  const { embeds, buttons, components } = await view(reading, data, hide);
  return reply({
    ephemeral: hide,
    content: truncate(`${lead}\n-# Read as: ${readAs(reading)}`, DISCORD_LIMITS.content),
    embeds,
    components: components ?? buttonRow(buttons),
  });
}
