import { AttachmentBuilder, MessageFlags, type InteractionReplyOptions } from 'discord.js';
import { NO_MENTIONS } from '../core/payload.ts';
import type { Reply } from '../views/reply.ts';

/** A Reply as discord.js reply options: never a ping, ephemeral when asked, charts as described attachments. */
export function toReplyOptions(reply: Reply): InteractionReplyOptions & { flags?: MessageFlags.Ephemeral } {
  return {
    ...(reply.content !== undefined ? { content: reply.content } : {}),
    embeds: reply.embeds,
    components: reply.components,
    allowedMentions: NO_MENTIONS,
    files: reply.files.map((f) => new AttachmentBuilder(f.data, { name: f.name, description: f.description })),
    ...(reply.ephemeral ? { flags: MessageFlags.Ephemeral } : {}),
  };
}
