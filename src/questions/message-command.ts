import type { RESTPostAPIContextMenuApplicationCommandsJSONBody } from 'discord.js';

/** Discord's numbers, written out so the core needs no discord.js at run time. */
const MESSAGE_COMMAND_TYPE = 3;
const GUILD_INSTALL = 0;
const USER_INSTALL = 1;
const CONTEXTS = [0, 1, 2];

export const MESSAGE_COMMAND_NAME = 'Look up ICS figures';

/** Right-click a message → Apps → "Look up ICS figures": the message's text is asked as a question. */
export const MESSAGE_COMMAND: RESTPostAPIContextMenuApplicationCommandsJSONBody = {
  name: MESSAGE_COMMAND_NAME,
  type: MESSAGE_COMMAND_TYPE,
  integration_types: [GUILD_INSTALL, USER_INSTALL],
  contexts: CONTEXTS,
};

/** The command and options the message command runs: /ask with the message's text. */
export function messageCommandAsk(text: string): { name: 'ask'; options: { question: string } } {
  return { name: 'ask', options: { question: text } };
}
