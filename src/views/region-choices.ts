import { ButtonStyle, ComponentType, type APIActionRowComponent, type APIButtonComponent } from 'discord.js';
import { REGIONS } from '../data/schema.ts';
import type { Choice } from '../search/autocomplete.ts';
import { regionId, suggestRegions } from '../search/regions.ts';
import { reply, type Reply } from './reply.ts';
import { echo } from './text.ts';

export function regionChoices(input: string): Choice[] {
  return suggestRegions(input).slice(0, 25).map((r) => ({ name: r, value: r }));
}

/** The seven regions as buttons; `customId` makes each button's id from the region's id. */
export function regionButtons(customId: (id: string) => string): Array<APIActionRowComponent<APIButtonComponent>> {
  const buttons: APIButtonComponent[] = REGIONS.map((r) => ({ type: ComponentType.Button, style: ButtonStyle.Secondary, label: r, custom_id: customId(regionId(r)) }));
  return [
    { type: ComponentType.ActionRow, components: buttons.slice(0, 4) },
    { type: ComponentType.ActionRow, components: buttons.slice(4) },
  ];
}

export function unknownRegionReply(typed: string, customId: (id: string) => string): Reply {
  const intro = typed.trim() === '' ? 'Which region?' : `I don't know a region called “${echo(typed, 80)}”.`;
  return reply({
    ephemeral: true,
    content: `${intro} England's NHS has seven regions: ${REGIONS.join(', ')}. Pick one below, or try e.g. \`/region name:South West\`.`,
    components: regionButtons(customId),
  });
}
