// Builders for the JSON a real Discord sends: users, READY, INTERACTION_CREATE payloads and the message
// objects returned by webhook routes. Typed against discord-api-types (re-exported by discord.js) so a
// missing required field is a compile error, not a surprise inside discord.js.
import { randomBytes } from 'node:crypto';
import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ApplicationIntegrationType,
  ButtonStyle,
  ChannelType,
  ComponentType,
  InteractionContextType,
  InteractionType,
  Locale,
  MessageType,
} from 'discord.js';
import type {
  APIApplicationCommand,
  APIApplicationCommandAutocompleteInteraction,
  APIApplicationCommandInteractionDataBasicOption,
  APIApplicationCommandInteractionDataOption,
  APIAttachment,
  APIBaseInteraction,
  APIChatInputApplicationCommandInteraction,
  APIEmbed,
  APIInteractionGuildMember,
  APIMessage,
  APIMessageComponentButtonInteraction,
  APIMessageTopLevelComponent,
  APIUser,
  ApplicationFlags,
  GatewayReadyDispatchData,
  GuildMemberFlags,
} from 'discord.js';

const DISCORD_EPOCH_MS = 1_420_070_400_000n;
let snowflakeIncrement = 0n;

/** A snowflake with a real timestamp, so discord.js's createdAt and friends read sensibly. */
export function snowflake(): string {
  snowflakeIncrement = (snowflakeIncrement + 1n) & 0xfffn;
  return (((BigInt(Date.now()) - DISCORD_EPOCH_MS) << 22n) | snowflakeIncrement).toString();
}

/** Interaction tokens are opaque; Discord's start with base64("interaction:"). URL-safe by construction. */
export function interactionToken(id: string): string {
  return `aW50ZXJhY3Rpb246${Buffer.from(`${id}:${randomBytes(24).toString('hex')}`).toString('base64url')}`;
}

export const TEST_GUILD_ID = '1100000000000000001';
export const TEST_CHANNEL_ID = '1100000000000000002';
export const TEST_USER: APIUser = {
  id: '1100000000000000003',
  username: 'journalist',
  discriminator: '0',
  global_name: 'A Journalist',
  avatar: null,
};
/** View channel, send messages, embed links, attach files, read history: what a reply needs, nothing more. */
const APP_PERMISSIONS = String((1 << 10) | (1 << 11) | (1 << 14) | (1 << 15) | (1 << 16));
/** Bit-flag enums have no member for 0, but Discord sends 0 for "no flags". */
const NO_FLAGS = 0;
/** Discord's default upload limit for a server without boosts: 10 MiB. */
const ATTACHMENT_SIZE_LIMIT = 10 * 1024 * 1024;

export function botUser(applicationId: string): APIUser {
  return {
    id: applicationId,
    username: 'fake-bot',
    discriminator: '0',
    global_name: null,
    avatar: null,
    bot: true,
    verified: true,
    mfa_enabled: false,
  };
}

export function readyData(applicationId: string, sessionId: string, resumeUrl: string): GatewayReadyDispatchData {
  return {
    v: 10,
    user: botUser(applicationId),
    guilds: [],
    session_id: sessionId,
    resume_gateway_url: resumeUrl,
    shard: [0, 1],
    application: { id: applicationId, flags: NO_FLAGS as ApplicationFlags, flags_new: String(NO_FLAGS) },
  };
}

/** Where and by whom an interaction happens. Defaults: a fixed server text channel and TEST_USER. */
export interface InteractionPlace {
  /** true: the bot's DM with a user who installed the app to their account (context BOT_DM). */
  dm?: boolean;
  guildId?: string;
  channelId?: string;
  user?: APIUser;
  locale?: Locale;
}

export type OptionValue = string | number | boolean;
/** Either Discord's raw option array, or `{ name: value }` typed from the registered command. */
export type OptionsInput = APIApplicationCommandInteractionDataOption[] | Record<string, OptionValue>;

type BaseFields = APIBaseInteraction<InteractionType, unknown>;
/** Every interaction we inject happens in a channel, so channel and channel_id are always present. */
type InteractionBase = Omit<BaseFields, 'type' | 'data' | 'message'> & Required<Pick<BaseFields, 'channel' | 'channel_id'>>;

function interactionBase(applicationId: string, place: InteractionPlace): InteractionBase {
  const id = snowflake();
  const user = place.user ?? TEST_USER;
  const locale = place.locale ?? Locale.EnglishGB;
  const channelId = place.channelId ?? TEST_CHANNEL_ID;
  const common = {
    id,
    application_id: applicationId,
    token: interactionToken(id),
    version: 1 as const,
    app_permissions: APP_PERMISSIONS,
    locale,
    entitlements: [],
    attachment_size_limit: ATTACHMENT_SIZE_LIMIT,
    channel_id: channelId,
  };
  if (place.dm) {
    return {
      ...common,
      user,
      channel: { id: channelId, type: ChannelType.DM, recipients: [user] },
      context: InteractionContextType.BotDM,
      authorizing_integration_owners: { [ApplicationIntegrationType.UserInstall]: user.id },
    };
  }
  const guildId = place.guildId ?? TEST_GUILD_ID;
  const member: APIInteractionGuildMember = {
    user,
    roles: [],
    joined_at: '2024-01-01T00:00:00.000000+00:00',
    deaf: false,
    mute: false,
    flags: NO_FLAGS as GuildMemberFlags,
    pending: false,
    nick: null,
    avatar: null,
    premium_since: null,
    communication_disabled_until: null,
    permissions: APP_PERMISSIONS,
  };
  return {
    ...common,
    guild_id: guildId,
    guild: { id: guildId, locale, features: [] },
    guild_locale: locale,
    member,
    channel: {
      id: channelId,
      type: ChannelType.GuildText,
      guild_id: guildId,
      name: 'general',
      position: 0,
      nsfw: false,
      parent_id: null,
      topic: null,
      rate_limit_per_user: 0,
      last_message_id: null,
    },
    context: InteractionContextType.Guild,
    authorizing_integration_owners: { [ApplicationIntegrationType.GuildInstall]: guildId },
  };
}

function inferredOptionType(value: OptionValue): ApplicationCommandOptionType {
  if (typeof value === 'boolean') return ApplicationCommandOptionType.Boolean;
  if (typeof value === 'number') {
    return Number.isInteger(value) ? ApplicationCommandOptionType.Integer : ApplicationCommandOptionType.Number;
  }
  return ApplicationCommandOptionType.String;
}

/**
 * `{ name: value }` becomes Discord's option array. Types come from the registered definition when there is
 * one (discord.js's getInteger/getNumber throw on a type mismatch), otherwise from the JavaScript value.
 */
export function resolveOptions(input: OptionsInput | undefined, definition: APIApplicationCommand | undefined): APIApplicationCommandInteractionDataOption[] {
  if (input === undefined) return [];
  if (Array.isArray(input)) return input;
  return Object.entries(input).map(([name, value]) => {
    const declared = definition?.options?.find((option) => option.name === name)?.type;
    const type = declared ?? inferredOptionType(value);
    // The union member is chosen by `type` at run time; the JSON shape is the same for every basic type.
    return { name, type, value } as APIApplicationCommandInteractionDataBasicOption;
  });
}

export interface CommandInput extends InteractionPlace {
  name: string;
  options?: OptionsInput;
}

export function commandInteraction(
  applicationId: string,
  input: CommandInput,
  definition: APIApplicationCommand | undefined,
): APIChatInputApplicationCommandInteraction {
  return {
    ...interactionBase(applicationId, input),
    type: InteractionType.ApplicationCommand,
    data: {
      id: definition?.id ?? snowflake(),
      name: input.name,
      type: ApplicationCommandType.ChatInput,
      options: resolveOptions(input.options, definition),
      ...(definition?.guild_id ? { guild_id: definition.guild_id } : {}),
    },
  };
}

export interface AutocompleteInput extends InteractionPlace {
  name: string;
  /** The option the user is typing in; Discord sends its partial value as typed. */
  focused: { name: string; value: string; type?: ApplicationCommandOptionType };
  /** Options already filled in before the focused one. */
  options?: OptionsInput;
}

export function autocompleteInteraction(
  applicationId: string,
  input: AutocompleteInput,
  definition: APIApplicationCommand | undefined,
): APIApplicationCommandAutocompleteInteraction {
  const declared = definition?.options?.find((option) => option.name === input.focused.name)?.type;
  const focused = {
    name: input.focused.name,
    type: input.focused.type ?? declared ?? ApplicationCommandOptionType.String,
    value: input.focused.value,
    focused: true,
  } as APIApplicationCommandInteractionDataBasicOption<InteractionType.ApplicationCommandAutocomplete>;
  const others = resolveOptions(input.options, definition).filter((option) => option.name !== input.focused.name);
  return {
    ...interactionBase(applicationId, input),
    type: InteractionType.ApplicationCommandAutocomplete,
    data: {
      id: definition?.id ?? snowflake(),
      name: input.name,
      type: ApplicationCommandType.ChatInput,
      options: [...(others as APIApplicationCommandInteractionDataOption<InteractionType.ApplicationCommandAutocomplete>[]), focused],
    },
  };
}

export interface ButtonInput extends InteractionPlace {
  customId: string;
  /** The bot message carrying the button; by default a message with that one button. */
  message?: Partial<APIMessage>;
}

export function buttonInteraction(applicationId: string, input: ButtonInput): APIMessageComponentButtonInteraction {
  const base = interactionBase(applicationId, input);
  const components: APIMessageTopLevelComponent[] = [
    {
      type: ComponentType.ActionRow,
      components: [{ type: ComponentType.Button, style: ButtonStyle.Secondary, custom_id: input.customId, label: 'More' }],
    },
  ];
  const message: APIMessage = {
    ...botMessage({
      applicationId,
      channelId: base.channel_id,
      body: { content: '', components },
      files: [],
      origin: 'http://127.0.0.1',
    }),
    ...input.message,
  };
  return {
    ...base,
    type: InteractionType.MessageComponent,
    data: { custom_id: input.customId, component_type: ComponentType.Button },
    message,
  };
}

export interface ReceivedFile {
  field: string;
  name: string;
  size: number;
  contentType: string;
}

interface BotMessageInput {
  applicationId: string;
  channelId: string;
  /** The message body the bot sent (interaction callback data or webhook body). */
  body: Record<string, unknown>;
  files: ReceivedFile[];
  /** Where the fake is served, for attachment URLs (never fetched by the tests). */
  origin: string;
  interaction?: { id: string; user: APIUser };
}

function attachmentsFor(files: ReceivedFile[], channelId: string, origin: string): APIAttachment[] {
  return files.map((file) => {
    const id = snowflake();
    const url = `${origin}/attachments/${channelId}/${id}/${encodeURIComponent(file.name)}`;
    return { id, filename: file.name, size: file.size, url, proxy_url: url, content_type: file.contentType };
  });
}

/** The message Discord would store for a bot reply, as returned by webhook routes and with_response. */
export function botMessage(input: BotMessageInput): APIMessage {
  const { body } = input;
  return {
    id: snowflake(),
    channel_id: input.channelId,
    author: botUser(input.applicationId),
    content: typeof body.content === 'string' ? body.content : '',
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    tts: false,
    mention_everyone: false,
    mentions: [],
    mention_roles: [],
    attachments: attachmentsFor(input.files, input.channelId, input.origin),
    embeds: Array.isArray(body.embeds) ? (body.embeds as APIEmbed[]) : [],
    components: Array.isArray(body.components) ? (body.components as APIMessageTopLevelComponent[]) : [],
    pinned: false,
    type: input.interaction ? MessageType.ChatInputCommand : MessageType.Default,
    flags: typeof body.flags === 'number' ? body.flags : 0,
    webhook_id: input.applicationId,
    application_id: input.applicationId,
    ...(input.interaction
      ? {
          interaction_metadata: {
            id: input.interaction.id,
            type: InteractionType.ApplicationCommand,
            user: input.interaction.user,
            authorizing_integration_owners: {},
          },
        }
      : {}),
  };
}

/** An edit (PATCH) replaces the fields it names and keeps the rest, as Discord does. */
export function editedMessage(original: APIMessage, body: Record<string, unknown>, files: ReceivedFile[], origin: string): APIMessage {
  const replacement = botMessage({
    applicationId: original.application_id ?? original.author.id,
    channelId: original.channel_id,
    body,
    files,
    origin,
  });
  const keptAttachments = Array.isArray(body.attachments)
    ? original.attachments.filter((attachment) =>
        (body.attachments as unknown[]).some((kept) => typeof kept === 'object' && kept !== null && 'id' in kept && kept.id === attachment.id),
      )
    : original.attachments;
  return {
    ...original,
    ...('content' in body ? { content: replacement.content } : {}),
    ...('embeds' in body ? { embeds: replacement.embeds } : {}),
    ...('components' in body ? { components: replacement.components } : {}),
    ...('flags' in body ? { flags: replacement.flags } : {}),
    attachments: [...keptAttachments, ...replacement.attachments],
    edited_timestamp: new Date().toISOString(),
  };
}
