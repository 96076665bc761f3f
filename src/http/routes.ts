import type { Logger } from 'pino';
import { APOLOGY, type Router } from '../core/router.ts';
import { NO_MENTIONS, toMessageData, type MessageData } from '../core/payload.ts';
import type { Reply } from '../views/reply.ts';
import { createInteractionResponse, editOriginalResponse, type RestOptions } from './discord-rest.ts';
import type { InteractionTarget, ParsedInteraction } from './interaction.ts';
import type { HttpMetrics, InteractionKindLabel, Outcome } from './metrics.ts';

/** Interaction callback types (receiving-and-responding#interaction-response-object-interaction-callback-type). */
export const Callback = { Pong: 1, Message: 4, DeferredMessage: 5, AutocompleteResult: 8 } as const;
const EPHEMERAL = 1 << 6;

/** Discord allows 3 s for the first answer; past this we defer and edit, as the gateway adapter does. */
export const DEFER_AFTER_MS = 1500;

/** What goes back on the HTTP response: JSON, or 202 with no body once the answer went through the callback route. */
export type HttpAnswer = { status: 200; json: unknown } | { status: 202 } | { status: 400; json: { error: string } };

export interface ResponderDeps {
  router: Router;
  logger: Logger;
  metrics: HttpMetrics;
  rest: RestOptions;
  deferAfterMs?: number;
  /** Work that outlives the HTTP response (a deferred edit): graceful shutdown waits for it. */
  track(work: Promise<void>): void;
}

function apology(): MessageData {
  return { content: APOLOGY, embeds: [], components: [], allowed_mentions: NO_MENTIONS, flags: EPHEMERAL, attachments: [] };
}

/** A bounded label: only command names we serve, so a crafted payload cannot grow the metric series without limit. */
function commandLabel(router: Router, name: string): string {
  return router.commands.has(name) ? name : 'unknown';
}

function wait(ms: number): { done: Promise<null>; cancel: () => void } {
  let timer: NodeJS.Timeout | undefined;
  const done = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), ms);
  });
  return { done, cancel: () => clearTimeout(timer) };
}

export function createResponder(deps: ResponderDeps): (interaction: ParsedInteraction) => Promise<HttpAnswer> {
  const { router, logger, metrics } = deps;
  const deferAfterMs = deps.deferAfterMs ?? DEFER_AFTER_MS;
  const count = (kind: InteractionKindLabel, command: string, outcome: Outcome) => metrics.interactions.inc({ kind, command, outcome });

  /** Files cannot ride on the inline answer, so they go through the callback route and the request gets 202. */
  async function answerWithFiles(target: InteractionTarget, reply: Reply, kind: InteractionKindLabel, command: string): Promise<HttpAnswer> {
    try {
      await createInteractionResponse(deps.rest, target, { type: Callback.Message, data: toMessageData(reply) }, reply.files);
      count(kind, command, 'files');
      return { status: 202 };
    } catch (error) {
      logger.error({ err: error, interaction: target.id, command }, 'could not deliver a reply with files');
      count(kind, command, 'failed');
      // If the callback did land after all, Discord ignores this second answer; if not, the user sees why.
      return { status: 200, json: { type: Callback.Message, data: apology() } };
    }
  }

  async function editLater(target: InteractionTarget, pending: Promise<Reply>, kind: InteractionKindLabel, command: string): Promise<void> {
    const reply = await pending;
    try {
      await editOriginalResponse(deps.rest, target, toMessageData(reply), reply.files);
      count(kind, command, 'deferred');
    } catch (error) {
      logger.error({ err: error, interaction: target.id, command }, 'could not edit a deferred reply');
      count(kind, command, 'failed');
    }
  }

  async function answerReply(target: InteractionTarget, pending: Promise<Reply>, kind: InteractionKindLabel, command: string, ephemeralIfLate: boolean): Promise<HttpAnswer> {
    const timer = wait(deferAfterMs);
    const quick = await Promise.race([pending, timer.done]);
    timer.cancel();
    if (quick === null) {
      deps.track(editLater(target, pending, kind, command));
      return { status: 200, json: { type: Callback.DeferredMessage, ...(ephemeralIfLate ? { data: { flags: EPHEMERAL } } : {}) } };
    }
    if (quick.files.length > 0) return answerWithFiles(target, quick, kind, command);
    count(kind, command, 'replied');
    return { status: 200, json: { type: Callback.Message, data: toMessageData(quick) } };
  }

  return async (interaction) => {
    switch (interaction.kind) {
      case 'ping':
        count('ping', '', 'replied');
        return { status: 200, json: { type: Callback.Pong } };
      case 'autocomplete': {
        const choices = router.autocomplete(interaction.name, interaction.focused, interaction.options);
        count('autocomplete', commandLabel(router, interaction.name), 'replied');
        return { status: 200, json: { type: Callback.AutocompleteResult, data: { choices } } };
      }
      case 'command':
        return answerReply(
          interaction.target,
          router.command(interaction.name, interaction.options),
          'command',
          commandLabel(router, interaction.name),
          interaction.options['hide'] === true,
        );
      case 'button': {
        const name = interaction.customId.split(':')[0] ?? '';
        return answerReply(interaction.target, router.button(interaction.customId), 'button', commandLabel(router, name), false);
      }
      case 'unsupported':
        count('unsupported', '', 'failed');
        return { status: 400, json: { error: `interaction type ${interaction.type} is not handled by this bot` } };
    }
  };
}
