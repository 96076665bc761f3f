import type { Logger } from 'pino';
import type { Choice } from '../search/autocomplete.ts';
import { reply, type Reply } from '../views/reply.ts';
import type { CommandContext, CommandModule, CommandOptions, FocusedOption } from './command.ts';

/** The one place every transport sends interactions: it never throws, so one bad interaction cannot kill the process. */
export interface Router {
  commands: ReadonlyMap<string, CommandModule>;
  command(name: string, options: CommandOptions): Promise<Reply>;
  autocomplete(name: string, focused: FocusedOption, options: CommandOptions): Choice[];
  button(customId: string): Promise<Reply>;
}

export const APOLOGY = 'Sorry — something went wrong answering that. It has been logged; please try again, or try `/help`.';

export function createRouter(commands: ReadonlyMap<string, CommandModule>, ctx: CommandContext, logger?: Logger): Router {
  const apology = (): Reply => reply({ ephemeral: true, content: APOLOGY });
  return {
    commands,
    async command(name, options) {
      const command = commands.get(name);
      if (command === undefined) return reply({ ephemeral: true, content: `I don't know the command \`/${name.slice(0, 32)}\`. Try \`/help\`.` });
      try {
        return await command.run(options, ctx);
      } catch (error) {
        logger?.error({ err: error, command: name }, 'command failed');
        return apology();
      }
    },
    autocomplete(name, focused, options) {
      const command = commands.get(name);
      if (command?.autocomplete === undefined) return [];
      try {
        return command.autocomplete(focused, options, ctx);
      } catch (error) {
        logger?.error({ err: error, command: name }, 'autocomplete failed');
        return [];
      }
    },
    async button(customId) {
      const [name = '', ...args] = customId.split(':');
      const command = commands.get(name);
      if (command?.button === undefined) return reply({ ephemeral: true, content: 'That button is no longer supported; please run the command again.' });
      try {
        return await command.button(args, ctx);
      } catch (error) {
        logger?.error({ err: error, customId }, 'button failed');
        return apology();
      }
    },
  };
}
