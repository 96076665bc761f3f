import { Events, MessageFlags, type Client, type Message, type MessageReplyOptions } from 'discord.js';
import type { Logger } from 'pino';
import type { CommandContext } from '../core/command.ts';
import { askQuestion } from '../questions/index.ts';
import type { Reply } from '../protocol/reply.ts';
import { fitReply } from '../protocol/guard.ts';
import { toMessageData } from '../protocol/message-data.ts';

/** One answer per user per this many milliseconds: enough to stop a flood, short enough not to annoy. */
export const COOLDOWN_MS = 5_000;

export const COOLDOWN_NOTE = 'One question every few seconds, please: ask again in a moment.';

/** Whether a message asks the bot something: any DM, or a server message that mentions the bot user itself. */
export function isQuestionForBot(message: Message, botId: string): boolean {
  if (message.author.bot) return false;
  if (message.guildId === null) return true;
  // Only the bot user itself: @everyone, @here and role pings set other fields, never this one.
  return message.mentions.users.has(botId);
}

/**
 * A reply to a message: the same Reply as an interaction, through the same guard (Discord's limits), pinging
 * nobody, not even the person it replies to.
 */
function asMessageReply(answer: Reply): MessageReplyOptions {
  const { reply } = fitReply(answer);
  const data = toMessageData(reply);
  return {
    ...(data.content !== undefined ? { content: data.content } : {}),
    embeds: data.embeds,
    components: data.components,
    files: reply.files.map((f) => ({ attachment: f.data, name: f.name, description: f.description })),
    allowedMentions: { parse: [], repliedUser: false },
  };
}

/** Remembers when each user was last answered; forgets users once their cooldown has passed. */
export function createCooldown(ms: number = COOLDOWN_MS, now: () => number = Date.now): (userId: string) => boolean {
  const last = new Map<string, number>();
  return (userId) => {
    const t = now();
    for (const [id, at] of last) if (t - at >= ms) last.delete(id);
    if (last.has(userId)) return false;
    last.set(userId, t);
    return true;
  };
}

/** @mentions in servers and DMs, answered by the questions engine as replies to the message. */
export function answerMessages(client: Client, ctx: CommandContext, logger: Logger): void {
  const allowed = createCooldown();
  client.on(Events.MessageCreate, (message) => {
    const botId = client.user?.id;
    if (botId === undefined || !isQuestionForBot(message, botId)) return;
    void (async () => {
      try {
        if (!allowed(message.author.id)) {
          await message.reply({ content: COOLDOWN_NOTE, allowedMentions: { parse: [], repliedUser: false }, flags: MessageFlags.SuppressNotifications });
          return;
        }
        const { reply } = await askQuestion(message.content, ctx);
        await message.reply(asMessageReply(reply));
      } catch (error) {
        logger.error(
          { err: error instanceof Error ? { name: error.name, message: error.message } : String(error), message: message.id },
          'message answer failed',
        );
      }
    })();
  });
}
