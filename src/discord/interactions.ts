import type { ButtonInteraction, ChatInputCommandInteraction, CommandInteractionOption, Interaction, MessageContextMenuCommandInteraction } from 'discord.js';
import { MessageFlags } from 'discord.js';
import type { Logger } from 'pino';
import type { CommandOptions, OptionValue } from '../core/command.ts';
import { HIDE_OPTION } from '../core/definition.ts';
import { APOLOGY, type Router } from '../core/router.ts';
import { messageCommandAsk } from '../questions/message-command.ts';
import type { Reply } from '../views/reply.ts';
import { toEditOptions, toReplyOptions } from './to-discord.ts';

/** Discord allows 3 s for the first answer; past this we defer and edit, so a slow reply (a chart) is never lost. */
export const DEFER_AFTER_MS = 1500;

export function optionsOf(data: readonly CommandInteractionOption[]): CommandOptions {
  const options: Record<string, OptionValue> = {};
  for (const option of data) {
    if (option.options !== undefined) Object.assign(options, optionsOf(option.options));
    else if (option.value !== undefined && option.value !== null) options[option.name] = option.value;
  }
  return options;
}

/** The reply if it is ready within `ms`, else null; the timer never outlives the race. */
async function within(pending: Promise<Reply>, ms: number): Promise<Reply | null> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), ms);
  });
  try {
    return await Promise.race([pending, late]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Answers at once when the reply is quick; otherwise defers ("thinking…") and edits the reply in. A deferral fixes
 * the reply's visibility before the reply exists, so the caller says what the user asked for (the `hide` option).
 */
async function answer(interaction: ChatInputCommandInteraction | ButtonInteraction | MessageContextMenuCommandInteraction, pending: Promise<Reply>, hidden: boolean): Promise<void> {
  const quick = await within(pending, DEFER_AFTER_MS);
  if (quick !== null) {
    await interaction.reply(toReplyOptions(quick));
    return;
  }
  await interaction.deferReply(hidden ? { flags: MessageFlags.Ephemeral } : {});
  await interaction.editReply(toEditOptions(await pending));
}

/** Button custom ids end in `:hide` when the command that made them was asked to hide its reply. */
function buttonHidden(customId: string): boolean {
  return customId.split(':').at(-1) === 'hide';
}

/** A Discord REST error carries the request URL, and with it the interaction token: log what helps, not that. */
function loggable(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { message: String(error) };
  const { name, message, stack } = error;
  const { code, status } = error as { code?: unknown; status?: unknown };
  return { name, message, stack, ...(code !== undefined ? { code } : {}), ...(status !== undefined ? { status } : {}) };
}

async function apologise(interaction: Interaction): Promise<void> {
  if (!interaction.isRepliable() || interaction.replied) return;
  if (interaction.deferred) {
    await interaction.editReply({ content: APOLOGY, embeds: [], components: [], files: [], allowedMentions: { parse: [] } });
  } else {
    await interaction.reply({ content: APOLOGY, flags: MessageFlags.Ephemeral, allowedMentions: { parse: [] } });
  }
}

/** Routes one interaction; an error is logged and answered with an apology, never thrown to the client. */
export async function handleInteraction(interaction: Interaction, router: Router, logger: Logger): Promise<void> {
  try {
    if (interaction.isChatInputCommand()) {
      const options = optionsOf(interaction.options.data);
      await answer(interaction, router.command(interaction.commandName, options), options[HIDE_OPTION] === true);
    } else if (interaction.isAutocomplete()) {
      const focused = interaction.options.getFocused(true);
      const focusedOption = { name: focused.name, value: String(focused.value) };
      await interaction.respond(router.autocomplete(interaction.commandName, focusedOption, optionsOf(interaction.options.data)));
    } else if (interaction.isMessageContextMenuCommand()) {
      const ask = messageCommandAsk(interaction.targetMessage.content);
      await answer(interaction, router.command(ask.name, ask.options), false);
    } else if (interaction.isButton()) {
      await answer(interaction, router.button(interaction.customId), buttonHidden(interaction.customId));
    }
  } catch (error) {
    logger.error({ err: loggable(error), interaction: interaction.id, type: interaction.type }, 'interaction failed');
    await apologise(interaction).catch(() => undefined);
  }
}
