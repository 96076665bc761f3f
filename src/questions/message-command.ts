import type { RESTPostAPIContextMenuApplicationCommandsJSONBody } from 'discord-api-types/v10';
import { CommandType, ContextType, IntegrationType } from '../protocol/api.ts';

export const MESSAGE_COMMAND_NAME = 'Look up ICS figures';

/** Right-click a message → Apps → "Look up ICS figures": the message's text is asked as a question. */
export const MESSAGE_COMMAND: RESTPostAPIContextMenuApplicationCommandsJSONBody = {
  name: MESSAGE_COMMAND_NAME,
  type: CommandType.Message,
  integration_types: [IntegrationType.GuildInstall, IntegrationType.UserInstall],
  contexts: [ContextType.Guild, ContextType.BotDM, ContextType.PrivateChannel],
};

/** The command and options the message command runs: /ask with the message's text. */
export function messageCommandAsk(text: string): { name: 'ask'; options: { question: string } } {
  return { name: 'ask', options: { question: text } };
}
