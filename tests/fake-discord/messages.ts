// Messages as Discord delivers them to a bot without the Message Content intent: MESSAGE_CREATE for messages that
// mention it and for DMs (with channel_type, as Discord sends), and the message command (type 3) on a message.
import {
  ApplicationCommandType,
  ChannelType,
  MessageType,
  type APIApplicationCommand,
  type APIMessage,
  type APIMessageApplicationCommandInteraction,
  type APIUser,
  type GuildMemberFlags,
  type GatewayMessageCreateDispatchData,
} from 'discord.js';
import { botUser, commandInteraction, snowflake, TEST_CHANNEL_ID, TEST_GUILD_ID, TEST_USER, type InteractionPlace } from './payloads.ts';

/** Bit-flag enums have no member for 0, but Discord sends 0 for "no flags". */
const NO_MEMBER_FLAGS = 0 as GuildMemberFlags;

/** A DM channel id distinct from the server channel, so a reply's channel says where it went. */
export const TEST_DM_CHANNEL_ID = '1100000000000000004';

export interface UserMessageInput {
  content: string;
  /** The message pings the bot itself (`<@app id>` in the text and the bot in `mentions`). */
  mentionsBot?: boolean;
  /** @everyone: Discord sets mention_everyone, never the bot in `mentions`. */
  mentionsEveryone?: boolean;
  dm?: boolean;
  author?: APIUser;
}

export function userMessage(applicationId: string, input: UserMessageInput): GatewayMessageCreateDispatchData {
  const author = input.author ?? TEST_USER;
  const content = input.mentionsBot === true ? `<@${applicationId}> ${input.content}` : input.content;
  const base: APIMessage = {
    id: snowflake(),
    channel_id: input.dm === true ? TEST_DM_CHANNEL_ID : TEST_CHANNEL_ID,
    author,
    content,
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    tts: false,
    mention_everyone: input.mentionsEveryone === true,
    mentions: input.mentionsBot === true ? [botUser(applicationId)] : [],
    mention_roles: [],
    attachments: [],
    embeds: [],
    pinned: false,
    type: MessageType.Default,
  };
  if (input.dm === true) return { ...base, channel_type: ChannelType.DM, mentions: base.mentions };
  return {
    ...base,
    guild_id: TEST_GUILD_ID,
    channel_type: ChannelType.GuildText,
    member: { roles: [], joined_at: new Date().toISOString(), deaf: false, mute: false, flags: NO_MEMBER_FLAGS },
    mentions: base.mentions.map((user) => ({ ...user })),
  };
}

export interface MessageCommandInput extends InteractionPlace {
  name: string;
  /** The text of the message the user right-clicked. */
  targetContent: string;
}

/** A message command on someone's message: data.type 3, target_id, and the message under resolved.messages. */
export function messageCommandInteraction(
  applicationId: string,
  input: MessageCommandInput,
  definition: APIApplicationCommand | undefined,
): APIMessageApplicationCommandInteraction {
  const base = commandInteraction(applicationId, { ...input, options: [] }, definition);
  const target: APIMessage = {
    ...userMessage(applicationId, { content: input.targetContent, ...(input.dm === true ? { dm: true } : {}) }),
    channel_id: base.channel_id,
  };
  return {
    ...base,
    data: {
      id: definition?.id ?? snowflake(),
      name: input.name,
      type: ApplicationCommandType.Message,
      target_id: target.id,
      resolved: { messages: { [target.id]: target } },
    },
  };
}

/** GUILD_CREATE for the test server and its text channel, as Discord sends after READY: discord.js files server
 * messages under cached channels, so a server message needs this first. */
export function testGuildCreate(applicationId: string): Record<string, unknown> {
  return {
    id: TEST_GUILD_ID,
    name: 'Fake newsroom',
    icon: null,
    owner_id: TEST_USER.id,
    afk_timeout: 300,
    verification_level: 0,
    default_message_notifications: 0,
    explicit_content_filter: 0,
    mfa_level: 0,
    nsfw_level: 0,
    premium_tier: 0,
    preferred_locale: 'en-GB',
    features: [],
    roles: [{ id: TEST_GUILD_ID, name: '@everyone', color: 0, hoist: false, position: 0, permissions: '68608', managed: false, mentionable: false, flags: 0 }],
    emojis: [],
    stickers: [],
    joined_at: new Date().toISOString(),
    large: false,
    unavailable: false,
    member_count: 2,
    voice_states: [],
    members: [{ user: botUser(applicationId), roles: [], joined_at: new Date().toISOString(), deaf: false, mute: false, flags: 0 }],
    channels: [
      {
        id: TEST_CHANNEL_ID,
        type: ChannelType.GuildText,
        guild_id: TEST_GUILD_ID,
        name: 'news',
        position: 0,
        permission_overwrites: [],
        nsfw: false,
        parent_id: null,
      },
    ],
    threads: [],
    presences: [],
    stage_instances: [],
    guild_scheduled_events: [],
    soundboard_sounds: [],
  };
}
