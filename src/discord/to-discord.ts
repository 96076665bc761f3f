import { AttachmentBuilder, MessageFlags, type InteractionEditReplyOptions, type InteractionReplyOptions } from 'discord.js';
import type { Reply } from '../views/reply.ts';

/** What a first reply and an edit share: never a ping, charts as attachments carrying their alt text. */
function messageOptions(reply: Reply): Pick<InteractionReplyOptions, 'content' | 'embeds' | 'components' | 'allowedMentions' | 'files'> {
  return {
    ...(reply.content !== undefined ? { content: reply.content } : {}),
    embeds: reply.embeds,
    components: reply.components,
    allowedMentions: { parse: [] },
    files: reply.files.map((f) => new AttachmentBuilder(f.data, { name: f.name, description: f.description })),
  };
}

/** A Reply as discord.js reply options: ephemeral when asked. */
export function toReplyOptions(reply: Reply): InteractionReplyOptions {
  return { ...messageOptions(reply), ...(reply.ephemeral ? { flags: MessageFlags.Ephemeral } : {}) };
}

/** A Reply as the edit of a deferred reply: visibility was fixed when deferring, so no flags. */
export function toEditOptions(reply: Reply): InteractionEditReplyOptions {
  return messageOptions(reply);
}
