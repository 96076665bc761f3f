import type { Logger } from 'pino';
import { decodeButton, encodeButton } from '../protocol/buttons.ts';
import { fitReply } from '../protocol/guard.ts';
import { reply, type Reply } from '../protocol/reply.ts';
import type { Choice } from '../search/autocomplete.ts';
import type { CommandContext, CommandModule, CommandOptions, FocusedOption } from './command.ts';

/**
 * The one place every transport sends interactions. It never throws, so one bad interaction cannot kill the
 * process, and every reply leaves through the one guard, so Discord never rejects one.
 */
export interface Router {
  commands: ReadonlyMap<string, CommandModule>;
  command(name: string, options: CommandOptions): Promise<Reply>;
  autocomplete(name: string, focused: FocusedOption, options: CommandOptions): Choice[];
  button(customId: string): Promise<Reply>;
}

export const APOLOGY = 'Sorry — something went wrong answering that. It has been logged; please try again, or try `/help`.';
export const OLD_BUTTON = 'That button is from an older version of the bot; please run the command again (try `/help`).';

/** The buttons of a hidden reply answer hidden: each id says so itself, so every transport (and `press`) knows. */
function hideButtonsOf(answer: Reply): Reply {
  if (!answer.ephemeral) return answer;
  const components = answer.components.map((row) => ({
    ...row,
    components: row.components.map((c) => {
      if (!('custom_id' in c)) return c;
      const decoded = decodeButton(c.custom_id);
      return decoded.ok && !decoded.action.hide ? { ...c, custom_id: encodeButton({ ...decoded.action, hide: true }) } : c;
    }),
  }));
  return { ...answer, components };
}

export function createRouter(commands: ReadonlyMap<string, CommandModule>, ctx: CommandContext, logger?: Logger): Router {
  const apology = (): Reply => reply({ ephemeral: true, content: APOLOGY });
  const guarded = (answer: Reply, what: string): Reply => {
    const { reply: fitted, cuts } = fitReply(hideButtonsOf(answer));
    if (cuts.length > 0) logger?.warn({ command: what, cuts }, 'reply cut to fit Discord limits');
    return fitted;
  };
  const context: CommandContext = { ...ctx, reportError: ctx.reportError ?? ((err, what) => logger?.error({ err }, `${what} failed; answered without it`)) };
  return {
    commands,
    async command(name, options) {
      const command = commands.get(name);
      if (command === undefined) return reply({ ephemeral: true, content: `I don't know the command \`/${name.slice(0, 32)}\`. Try \`/help\`.` });
      try {
        return guarded(await command.run(options, context), name);
      } catch (error) {
        logger?.error({ err: error, command: name }, 'command failed');
        return apology();
      }
    },
    autocomplete(name, focused, options) {
      const command = commands.get(name);
      if (command?.autocomplete === undefined) return [];
      try {
        return command.autocomplete(focused, options, context);
      } catch (error) {
        logger?.error({ err: error, command: name }, 'autocomplete failed');
        return [];
      }
    },
    async button(customId) {
      const decoded = decodeButton(customId);
      const command = decoded.ok ? commands.get(decoded.action.command) : undefined;
      if (!decoded.ok || command?.button === undefined) return reply({ ephemeral: true, content: OLD_BUTTON });
      try {
        const answer = guarded(await command.button(decoded.action, context), decoded.action.command);
        // A press on a hidden reply stays hidden, whatever the command built.
        return decoded.action.hide ? { ...answer, ephemeral: true } : answer;
      } catch (error) {
        logger?.error({ err: error, customId }, 'button failed');
        return apology();
      }
    },
  };
}
