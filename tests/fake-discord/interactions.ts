// Interactions the fake has sent, so the REST side can tell a real id/token from a made-up one and keep the
// messages a reply creates (@original and follow-ups) for later edits and fetches.
import type { APIInteraction, APIMessage, APIUser } from 'discord.js';

export interface IssuedInteraction {
  id: string;
  token: string;
  type: APIInteraction['type'];
  channelId: string;
  user: APIUser;
  /** The message a button sat on: what @original means for a component interaction. */
  componentMessage?: APIMessage;
  acknowledged: boolean;
  original?: APIMessage;
  followUps: Map<string, APIMessage>;
}

export class InteractionRegistry {
  private readonly byIdMap = new Map<string, IssuedInteraction>();
  private readonly byTokenMap = new Map<string, IssuedInteraction>();

  add(payload: APIInteraction): IssuedInteraction {
    const user = payload.member?.user ?? payload.user;
    if (!user || !payload.channel) throw new Error('an injected interaction needs a user (or member) and a channel');
    const issued: IssuedInteraction = {
      id: payload.id,
      token: payload.token,
      type: payload.type,
      channelId: payload.channel.id,
      user,
      ...('message' in payload && payload.message ? { componentMessage: payload.message } : {}),
      acknowledged: false,
      followUps: new Map(),
    };
    this.byIdMap.set(issued.id, issued);
    this.byTokenMap.set(issued.token, issued);
    return issued;
  }

  byId(id: string): IssuedInteraction | undefined {
    return this.byIdMap.get(id);
  }

  byToken(token: string): IssuedInteraction | undefined {
    return this.byTokenMap.get(token);
  }
}
