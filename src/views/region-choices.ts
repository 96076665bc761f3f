import type { APIActionRowComponent, APIButtonComponent } from 'discord-api-types/v10';
import { ComponentType } from '../protocol/api.ts';
import { actionButton, type ButtonAction } from '../protocol/buttons.ts';
import { REGIONS } from '../data/schema.ts';
import type { Choice } from '../search/autocomplete.ts';
import { regionId, suggestRegions } from '../search/regions.ts';
import { reply, type Reply } from '../protocol/reply.ts';
import { echo } from './text.ts';

export function regionChoices(input: string): Choice[] {
  return suggestRegions(input)
    .slice(0, 25)
    .map((r) => ({ name: r, value: r }));
}

/** The seven regions as buttons; `action` makes each button's action from the region's id. */
export function regionButtons(action: (id: string) => ButtonAction): Array<APIActionRowComponent<APIButtonComponent>> {
  const buttons = REGIONS.map((r) => actionButton(r, action(regionId(r))));
  return [
    { type: ComponentType.ActionRow, components: buttons.slice(0, 4) },
    { type: ComponentType.ActionRow, components: buttons.slice(4) },
  ];
}

export function unknownRegionReply(typed: string, action: (id: string) => ButtonAction): Reply {
  const intro = typed.trim() === '' ? 'Which region?' : `I don't know a region called “${echo(typed, 80)}”.`;
  return reply({
    ephemeral: true,
    content: `${intro} England's NHS has seven regions: ${REGIONS.join(', ')}. Pick one below, or try e.g. \`/region name:South West\`.`,
    components: regionButtons(action),
  });
}
