import type { APIActionRowComponent, APIAllowedMentions, APIComponentInMessageActionRow, APIEmbed } from 'discord-api-types/v10';
import { MessageFlags } from './api.ts';
import type { Reply } from './reply.ts';

/** Never ping anyone: user text is echoed back, and Discord's default for interaction replies parses user mentions. */
export const NO_MENTIONS: APIAllowedMentions = { parse: [] };

export interface AttachmentInfo {
  id: number;
  filename: string;
  description: string;
  size: number;
}

/** The `data` of an interaction response (type 4 / 7) or a webhook message, as Discord receives it. */
export interface MessageData {
  content?: string;
  embeds: APIEmbed[];
  components: Array<APIActionRowComponent<APIComponentInMessageActionRow>>;
  allowed_mentions: APIAllowedMentions;
  flags?: number;
  attachments: AttachmentInfo[];
}

/** The one Reply → Discord message serialiser, used by both Discord adapters and by `ask --json`. */
export function toMessageData(reply: Reply): MessageData {
  const data: MessageData = {
    embeds: reply.embeds,
    components: reply.components,
    allowed_mentions: NO_MENTIONS,
    attachments: reply.files.map((f, id) => ({ id, filename: f.name, description: f.description, size: f.data.byteLength })),
  };
  if (reply.content !== undefined) data.content = reply.content;
  if (reply.ephemeral) data.flags = MessageFlags.Ephemeral;
  return data;
}
