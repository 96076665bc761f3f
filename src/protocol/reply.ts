import type { APIActionRowComponent, APIComponentInMessageActionRow, APIEmbed } from 'discord-api-types/v10';

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
  /** A button's answer that replaces the message the button is on (paging), instead of posting a new one. */
  updatesMessage?: boolean;
}

export function reply(parts: Partial<Reply>): Reply {
  return { embeds: [], components: [], files: [], ephemeral: false, ...parts };
}
