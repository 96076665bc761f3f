import type { APIActionRowComponent, APIButtonComponent } from 'discord-api-types/v10';
import { ComponentType } from '../protocol/api.ts';
import { actionButton, encodeButton } from '../protocol/buttons.ts';
import { DISCORD_LIMITS } from '../protocol/limits.ts';
import { reply, type Reply } from '../protocol/reply.ts';
import { echo, truncate } from '../views/text.ts';
import { encodeReading, readAs } from './read-as.ts';
import type { OutOfScopeReason, Reading } from './reading.ts';

export const EXAMPLE_QUESTIONS = ['What is the deficit in Kent?', 'Which London ICS spends least per head?', 'What happened to Frimley ICB?'] as const;

const OPENING: Readonly<Record<OutOfScopeReason, string>> = {
  about:
    'An Integrated Care System (ICS) brings together the NHS, councils and others to plan health and care for an area; its NHS body, the Integrated Care Board (ICB), holds the budget.',
  empty: 'Ask me a question in plain English.',
  'too-long': 'That is longer than I can read: please ask one short question (up to 300 characters).',
  greeting: 'Hello! I answer questions about the finances of England’s Integrated Care Systems.',
  joke: 'I’m a numbers bot, so no jokes from me, I’m afraid.',
  'other-country':
    'I only cover England: Scotland, Wales, Northern Ireland, the Isle of Man and the Channel Islands run their health services separately, and the survey does not include them.',
  instruction: 'I only answer questions about ICS finances; I can’t take other instructions.',
  'other-subject': 'That is outside what I know.',
};

/** What the bot answers, with three questions to try: never a card, since nothing was asked that a card answers. */
export function outOfScopeReply(reason: OutOfScopeReason, hide: boolean): Reply {
  const body = [
    OPENING[reason],
    'I answer questions about England’s 42 Integrated Care Systems from the 2022 survey of their finances, NHS England’s allocations since, and today’s ICBs: deficits, allocations, spend per head, rankings, comparisons and regions.',
    `Try: ${EXAMPLE_QUESTIONS.map((q) => `“${q}”`).join(' · ')}`,
  ].join('\n');
  return reply({ ephemeral: hide || reason !== 'greeting', content: body });
}

function readingButtons(options: readonly Reading[], hide: boolean): Array<APIActionRowComponent<APIButtonComponent>> {
  const buttons: APIButtonComponent[] = [];
  for (const option of options) {
    const action = encodeReading(option, hide);
    if (action === null) continue;
    const id = encodeButton(action);
    if (buttons.some((b) => 'custom_id' in b && b.custom_id === id)) continue;
    buttons.push(actionButton(readAs(option), action));
  }
  const rows: Array<APIActionRowComponent<APIButtonComponent>> = [];
  for (let i = 0; i < Math.min(buttons.length, DISCORD_LIMITS.buttonsPerRow * 2); i += DISCORD_LIMITS.buttonsPerRow) {
    rows.push({ type: ComponentType.ActionRow, components: buttons.slice(i, i + DISCORD_LIMITS.buttonsPerRow) });
  }
  return rows;
}

/** A question it could not place: the closest readings as buttons, never a guess. */
export function unclearReply(typed: string, options: readonly Reading[], hide: boolean): Reply {
  return reply({
    ephemeral: true,
    content: truncate(
      `I’m not sure how to read “${echo(typed, 80)}”. Did you mean one of these? Press one, or ask again naming a system, a place or a region and a figure (e.g. “${EXAMPLE_QUESTIONS[0]}”).`,
      DISCORD_LIMITS.content,
    ),
    components: readingButtons(options, hide),
  });
}
