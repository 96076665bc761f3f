import type { APIActionRowComponent, APIButtonComponent } from 'discord-api-types/v10';
import { ComponentType } from '../protocol/api.ts';
import { actionButton, type ButtonAction } from '../protocol/buttons.ts';
import type { IcsSystem } from '../data/model.ts';
import { shortName } from '../data/names.ts';
import type { Resolution } from '../search/resolve.ts';
import { DISCORD_LIMITS } from '../protocol/limits.ts';
import { reply, type Reply } from '../protocol/reply.ts';
import { echo, truncate } from './text.ts';
import { outsideEnglandText, placeButtonLabel, placeChoiceText } from './place-choices.ts';

/** Buttons for candidate systems, at most 5 rows of 5; each custom id carries what the press needs (no server state). */
export function candidateButtons(
  systems: readonly IcsSystem[],
  action: (system: IcsSystem) => ButtonAction,
  label: (system: IcsSystem) => string = shortName,
): Array<APIActionRowComponent<APIButtonComponent>> {
  const max = DISCORD_LIMITS.actionRows * DISCORD_LIMITS.buttonsPerRow;
  const buttons = systems.slice(0, max).map((s) => actionButton(label(s), action(s)));
  const rows: Array<APIActionRowComponent<APIButtonComponent>> = [];
  for (let i = 0; i < buttons.length; i += DISCORD_LIMITS.buttonsPerRow) {
    rows.push({ type: ComponentType.ActionRow, components: buttons.slice(i, i + DISCORD_LIMITS.buttonsPerRow) });
  }
  return rows;
}

/** The ephemeral answer to a name that found no single system: why, what to pick, how to ask. */
export function unresolvedReply(
  typed: string,
  resolution: Extract<Resolution, { kind: 'ambiguous' | 'notFound' }>,
  action: (system: IcsSystem) => ButtonAction,
  optionLabel = 'name',
  hide = false,
  command = 'ics',
): Reply {
  const examples = ['Devon', 'Leeds', 'BNSSG'].map((name) => `\`/${command} ${optionLabel}:${name}\``).join(', ');
  const shown = echo(typed, 80);
  if (resolution.kind === 'ambiguous') {
    const today = resolution.successors ?? [];
    const todayText = today.length > 0 ? `\nSince April 2026 there is also ${today.map((s) => `**${s.name}**`).join(', ')}, formed from some of them.` : '';
    const todayButtons = today.map((s) =>
      actionButton(`Today: ${s.shortName} ICB`, { command: 'ics', args: ['successor', s.id], hide, chart: true }, 'primary'),
    );
    const rows = candidateButtons(resolution.candidates, action, placeButtonLabel(resolution));
    if (todayButtons.length > 0 && rows.length < DISCORD_LIMITS.actionRows) rows.push({ type: ComponentType.ActionRow, components: todayButtons });
    return reply({
      ephemeral: true,
      embeds: [
        {
          title: 'Which one did you mean?',
          description: truncate(
            placeChoiceText(resolution, shown) ??
              `“${shown}” could mean ${resolution.candidates.length} of the 2022 systems: ${resolution.candidates.map((s) => `**${shortName(s)}**`).join(', ')}.${todayText}\nPick one below, or be more specific in \`${optionLabel}\`.`,
            DISCORD_LIMITS.embedDescription,
          ),
          color: 0x56b4e9,
        },
      ],
      components: rows,
    });
  }
  const blank = typed.trim() === '';
  const intro = blank
    ? `Please give a system's name, a place it covers or its abbreviation in \`${optionLabel}\`.`
    : resolution.outside !== undefined
      ? outsideEnglandText(resolution.outside)
      : `I couldn't find an Integrated Care System in England called “${shown}”.`;
  const suggestions =
    resolution.suggestions.length > 0 ? `\nClosest matches: ${resolution.suggestions.map((s) => `**${shortName(s)}**`).join(', ')} — press one below.` : '';
  return reply({
    ephemeral: true,
    embeds: [
      {
        title: blank ? 'Which system?' : resolution.outside !== undefined ? 'Not in England' : 'Not found',
        description: truncate(
          `${intro}${suggestions}\nTry a system name, a city or county it covers, or an abbreviation: ${examples}. The survey covers England's 42 ICSs as of early 2022.`,
          DISCORD_LIMITS.embedDescription,
        ),
        color: 0x999999,
      },
    ],
    components: candidateButtons(resolution.suggestions, action),
  });
}
