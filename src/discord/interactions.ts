import type { Interaction } from 'discord.js';
import type { Logger } from 'pino';
import type { Router } from '../core/router.ts';
import { flattenOptions, type InteractionTarget, type ParsedInteraction } from '../delivery/interaction.ts';
import { createResponder } from '../delivery/respond.ts';
import { createInteractionResponse, type RestOptions } from '../delivery/rest.ts';
import { messageCommandAsk } from '../questions/message-command.ts';

export { DEFER_AFTER_MS } from '../delivery/respond.ts';

/** A Discord REST error carries the request URL, and with it the interaction token: log what helps, not that. */
function loggable(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { message: String(error) };
  const { name, message, stack } = error;
  const { code, status } = error as { code?: unknown; status?: unknown };
  return { name, message, stack, ...(code !== undefined ? { code } : {}), ...(status !== undefined ? { status } : {}) };
}

/** discord.js's interaction, as the same parsed shape the HTTP adapter reads from JSON. */
export function parseGatewayInteraction(interaction: Interaction): ParsedInteraction | undefined {
  const target: InteractionTarget = { id: interaction.id, token: interaction.token, applicationId: interaction.applicationId };
  if (interaction.isChatInputCommand()) {
    return { kind: 'command', target, name: interaction.commandName, options: flattenOptions(interaction.options.data).options };
  }
  if (interaction.isAutocomplete()) {
    const { options, focused } = flattenOptions(interaction.options.data);
    return focused === undefined ? undefined : { kind: 'autocomplete', target, name: interaction.commandName, focused, options };
  }
  if (interaction.isButton()) {
    return { kind: 'button', target, customId: interaction.customId, messageFlags: interaction.message.flags.bitfield };
  }
  if (interaction.isMessageContextMenuCommand()) {
    // "Look up ICS figures" on a message: the message's text is asked as a question.
    const ask = messageCommandAsk(interaction.targetMessage.content);
    return { kind: 'command', target, name: ask.name, options: ask.options };
  }
  return undefined;
}

export interface GatewayDelivery {
  handle(interaction: Interaction): Promise<void>;
  /** Resolves when deferred edits still under way have finished (graceful shutdown). */
  drain(): Promise<void>;
}

/**
 * The gateway adapter only translates: discord.js's interaction in, the shared responder's answer out through the
 * interaction callback route, exactly as the HTTP adapter sends replies with files.
 */
export function createGatewayDelivery(router: Router, logger: Logger, rest: RestOptions, deferAfterMs?: number): GatewayDelivery {
  const pending = new Set<Promise<void>>();
  const track = (work: Promise<void>) => {
    pending.add(work);
    void work.finally(() => pending.delete(work));
  };
  const respond = createResponder({ router, logger, rest, track, ...(deferAfterMs !== undefined ? { deferAfterMs } : {}) });
  return {
    async handle(interaction) {
      const parsed = parseGatewayInteraction(interaction);
      if (parsed === undefined || parsed.kind === 'ping' || parsed.kind === 'unsupported') return;
      try {
        const answer = await respond(parsed);
        if (answer.kind === 'respond') await createInteractionResponse(rest, parsed.target, answer.response);
      } catch (error) {
        logger.error({ err: loggable(error), interaction: interaction.id, type: interaction.type }, 'interaction failed');
      }
    },
    async drain() {
      await Promise.allSettled([...pending]);
    },
  };
}
