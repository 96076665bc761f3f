import { LRUCache } from 'lru-cache';
import type { Reply } from '../protocol/reply.ts';
import type { CommandOptions } from './command.ts';
import { APOLOGY, type Router } from './router.ts';

/** Distinct questions worth remembering: every command × its common option values fits many times over. */
const MAX_REPLIES = 2_000;

function keyOf(name: string, options: CommandOptions): string {
  const entries = Object.entries(options).filter(([, value]) => value !== undefined);
  entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `${name}\u0000${JSON.stringify(entries)}`;
}

/** Only plain replies are kept: files ride on the chart cache, and an apology may not happen the next time. */
function keepable(reply: Reply): boolean {
  return reply.files.length === 0 && reply.content !== APOLOGY;
}

/**
 * A router that answers a question it has answered before from memory. Replies are pure functions of the command, its
 * options and the static dataset, so the same question always gets the same answer; for a server taking thousands of
 * interactions a second, building it once is the difference between keeping up with signature checks and not.
 * Concurrent identical questions share one answer. Replies are shared, so nothing downstream may modify them.
 */
export function memoiseReplies(router: Router, maxReplies = MAX_REPLIES): Router {
  const replies = new LRUCache<string, Promise<Reply>>({ max: maxReplies });
  const remember = (key: string, answer: () => Promise<Reply>): Promise<Reply> => {
    const known = replies.get(key);
    if (known !== undefined) return known;
    const pending = answer();
    replies.set(key, pending);
    pending.then(
      (reply) => {
        if (!keepable(reply)) replies.delete(key);
      },
      () => replies.delete(key),
    );
    return pending;
  };
  return {
    commands: router.commands,
    command: (name, options) => remember(keyOf(name, options), () => router.command(name, options)),
    autocomplete: (name, focused, options) => router.autocomplete(name, focused, options),
    button: (customId) => remember(`button\u0000${customId}`, () => router.button(customId)),
  };
}
