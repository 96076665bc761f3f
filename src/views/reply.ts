import type { APIActionRowComponent, APIEmbed, APIComponentInMessageActionRow } from 'discord.js';

/** A chart or other file carried with a reply; `description` is the alt text Discord shows to screen readers. */
export interface ReplyFile {
  name: string;
  data: Buffer;
  description: string;
}

/** What every command returns: plain data, transport-neutral. Adapters turn it into Discord payloads or text. */
export interface Reply {
  content?: string;
  embeds: APIEmbed[];
  components: Array<APIActionRowComponent<APIComponentInMessageActionRow>>;
  files: ReplyFile[];
  ephemeral: boolean;
}

export function reply(parts: Partial<Reply>): Reply {
  return { embeds: [], components: [], files: [], ephemeral: false, ...parts };
}
