import type { Interaction, ChatInputCommandInteraction, CommandInteractionOption } from 'discord.js';
import { MessageFlags } from 'discord.js';
import type { Logger } from 'pino';
import type { CommandOptions, OptionValue } from '../core/command.ts';
import { APOLOGY, type Router } from '../core/router.ts';
import { NO_MENTIONS } from '../core/payload.ts';
import type { Reply } from '../views/reply.ts';
import { toReplyOptions } from './to-discord.ts';

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

async function answerCommand(interaction: ChatInputCommandInteraction, router: Router): Promise<void> {
  const options = optionsOf(interaction.options.data);
  const pending = router.command(interaction.commandName, options);
  const quick = await Promise.race([pending, new Promise<null>((r) => setTimeout(() => r(null), DEFER_AFTER_MS).unref())]);
  if (quick !== null) {
    await interaction.reply(toReplyOptions(quick));
    return;
  }
  await interaction.deferReply(options['hide'] === true ? { flags: MessageFlags.Ephemeral } : {});
  const late: Reply = await pending;
  const { flags: _flags, ...edit } = toReplyOptions(late);
  await interaction.editReply(edit);
}

/** Routes one interaction; an error is logged and answered with an ephemeral apology, never thrown to the client. */
export async function handleInteraction(interaction: Interaction, router: Router, logger: Logger): Promise<void> {
  try {
    if (interaction.isChatInputCommand()) {
      await answerCommand(interaction, router);
    } else if (interaction.isAutocomplete()) {
      const focused = interaction.options.getFocused(true);
      const choices = router.autocomplete(interaction.commandName, { name: focused.name, value: String(focused.value) }, optionsOf(interaction.options.data));
      await interaction.respond(choices);
    } else if (interaction.isButton()) {
      await interaction.reply(toReplyOptions(await router.button(interaction.customId)));
    }
  } catch (error) {
    logger.error({ err: error, interaction: interaction.id }, 'interaction failed');
    if (interaction.isRepliable() && !interaction.replied && !interaction.deferred) {
      await interaction.reply({ content: APOLOGY, flags: MessageFlags.Ephemeral, allowedMentions: NO_MENTIONS }).catch(() => undefined);
    }
  }
}
