/**
 * The few Discord API numbers the bot sends, as local constants: discord-api-types is imported for types only,
 * because loading its runtime enums costs more than a bare node start. `satisfies` ties each to the official type.
 */
import type {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ApplicationIntegrationType,
  ButtonStyle as ApiButtonStyle,
  ComponentType as ApiComponentType,
  InteractionContextType,
  MessageFlags as ApiMessageFlags,
} from 'discord-api-types/v10';

export const ComponentType = {
  ActionRow: 1 satisfies ApiComponentType.ActionRow,
  Button: 2 satisfies ApiComponentType.Button,
} as const;

export const ButtonStyle = {
  Primary: 1 satisfies ApiButtonStyle.Primary,
  Secondary: 2 satisfies ApiButtonStyle.Secondary,
  Link: 5 satisfies ApiButtonStyle.Link,
} as const;

export const MessageFlags = {
  Ephemeral: 64 satisfies ApiMessageFlags.Ephemeral,
} as const;

export const OptionType = {
  String: 3 satisfies ApplicationCommandOptionType.String,
  Integer: 4 satisfies ApplicationCommandOptionType.Integer,
  Boolean: 5 satisfies ApplicationCommandOptionType.Boolean,
} as const;

export const CommandType = {
  ChatInput: 1 satisfies ApplicationCommandType.ChatInput,
  Message: 3 satisfies ApplicationCommandType.Message,
} as const;

export const IntegrationType = {
  GuildInstall: 0 satisfies ApplicationIntegrationType.GuildInstall,
  UserInstall: 1 satisfies ApplicationIntegrationType.UserInstall,
} as const;

export const ContextType = {
  Guild: 0 satisfies InteractionContextType.Guild,
  BotDM: 1 satisfies InteractionContextType.BotDM,
  PrivateChannel: 2 satisfies InteractionContextType.PrivateChannel,
} as const;
