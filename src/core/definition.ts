import { ApplicationIntegrationType, InteractionContextType, SlashCommandBuilder } from 'discord.js';

/**
 * A builder preset every command starts from: installable to servers and to users' own accounts, usable in servers,
 * DMs with the bot and private channels, with the shared `hide` option that makes the reply visible only to the asker.
 */
export function baseCommand(name: string, description: string): SlashCommandBuilder {
  return new SlashCommandBuilder()
    .setName(name)
    .setDescription(description)
    .setIntegrationTypes(ApplicationIntegrationType.GuildInstall, ApplicationIntegrationType.UserInstall)
    .setContexts(InteractionContextType.Guild, InteractionContextType.BotDM, InteractionContextType.PrivateChannel);
}

export const HIDE_OPTION = 'hide';
export const HIDE_DESCRIPTION = 'Show the answer only to you (default: everyone in the channel sees it)';

export const CHART_OPTION = 'chart';
export const CHART_DESCRIPTION = 'Include a chart image (default: yes; turn off on slow connections)';
