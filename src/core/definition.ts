import type {
  APIApplicationCommandBasicOption,
  APIApplicationCommandBooleanOption,
  APIApplicationCommandStringOption,
  RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord-api-types/v10';
import { CommandType, ContextType, IntegrationType, OptionType } from '../protocol/api.ts';

export const HIDE_OPTION = 'hide';
export const CHART_OPTION = 'chart';

/** Every command has it: the reply is visible only to the asker. */
export const HIDE: APIApplicationCommandBooleanOption = {
  type: OptionType.Boolean,
  name: HIDE_OPTION,
  description: 'Show the answer only to you (default: everyone in the channel sees it)',
};

export const CHART: APIApplicationCommandBooleanOption = {
  type: OptionType.Boolean,
  name: CHART_OPTION,
  description: 'Include a chart image (default: yes; turn off on slow connections)',
};

/** The system a card is about: what a user would type, answered by the name resolver (places and postcodes too). */
export const SYSTEM_NAME: APIApplicationCommandStringOption = {
  type: OptionType.String,
  name: 'name',
  description: 'System name, place it covers, or abbreviation (e.g. Devon, Leeds, BNSSG)',
  required: true,
  autocomplete: true,
  max_length: 100,
};

/**
 * A slash command as the JSON Discord receives: installable to servers and to users' own accounts, usable in
 * servers, DMs with the bot and private channels, so a journalist can ask anywhere.
 */
export function slashCommand(name: string, description: string, options: APIApplicationCommandBasicOption[]): RESTPostAPIChatInputApplicationCommandsJSONBody {
  return {
    type: CommandType.ChatInput,
    name,
    description,
    integration_types: [IntegrationType.GuildInstall, IntegrationType.UserInstall],
    contexts: [ContextType.Guild, ContextType.BotDM, ContextType.PrivateChannel],
    options,
  };
}
