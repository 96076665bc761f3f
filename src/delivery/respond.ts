import type { Logger } from 'pino';
import { decodeButton, pressIsHidden } from '../protocol/buttons.ts';
import { NO_MENTIONS, toMessageData, type MessageData } from '../protocol/message-data.ts';
import { MessageFlags } from '../protocol/api.ts';
import type { Reply } from '../protocol/reply.ts';
import { APOLOGY, type Router } from '../core/router.ts';
import { createInteractionResponse, editOriginalResponse, type InteractionResponse, type RestOptions } from './rest.ts';
import type { InteractionTarget, ParsedInteraction } from './interaction.ts';

/** Interaction callback types (receiving-and-responding#interaction-response-object-interaction-callback-type). */
export const Callback = { Pong: 1, Message: 4, DeferredMessage: 5, AutocompleteResult: 8 } as const;

/** Discord allows 3 s for the first answer; past this we defer and edit, so a slow reply (a chart) is never lost. */
export const DEFER_AFTER_MS = 1500;

export type InteractionKindLabel = 'ping' | 'command' | 'autocomplete' | 'button' | 'unsupported';
export type Outcome = 'replied' | 'files' | 'deferred' | 'failed';

/**
 * What the first answer is: a response body for the adapter to send (inline over HTTP, the callback route over the
 * gateway), or `sent` when it already went through the callback route (replies with files).
 */
export type FirstAnswer = { kind: 'respond'; response: InteractionResponse } | { kind: 'sent' } | { kind: 'unsupported'; type: number };

export interface ResponderDeps {
  router: Router;
  logger: Logger;
  rest: RestOptions;
  /** Counts answers by kind, command and outcome (the HTTP adapter's Prometheus counter). */
  metrics?: { interactions: { inc(labels: { kind: InteractionKindLabel; command: string; outcome: Outcome }): void } };
  deferAfterMs?: number;
  /** Work that outlives the first answer (a deferred edit): graceful shutdown waits for it. */
  track(work: Promise<void>): void;
}

function apology(): MessageData {
  return { content: APOLOGY, embeds: [], components: [], allowed_mentions: NO_MENTIONS, flags: MessageFlags.Ephemeral, attachments: [] };
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

/**
 * The one delivery path both Discord adapters share: answer at once when the reply is quick, else defer with the
 * visibility the user asked for and edit the answer in; files go through the callback route; failures are answered
 * with an apology, never thrown.
 */
export function createResponder(deps: ResponderDeps): (interaction: ParsedInteraction) => Promise<FirstAnswer> {
  const { router, logger } = deps;
  const deferAfterMs = deps.deferAfterMs ?? DEFER_AFTER_MS;
  const count = (kind: InteractionKindLabel, command: string, outcome: Outcome) => deps.metrics?.interactions.inc({ kind, command, outcome });

  async function answerWithFiles(target: InteractionTarget, reply: Reply, kind: InteractionKindLabel, command: string): Promise<FirstAnswer> {
    try {
      await createInteractionResponse(deps.rest, target, { type: Callback.Message, data: toMessageData(reply) }, reply.files);
      count(kind, command, 'files');
      return { kind: 'sent' };
    } catch (error) {
      logger.error({ err: error, interaction: target.id, command }, 'could not deliver a reply with files');
      count(kind, command, 'failed');
      // If the callback did land after all, Discord ignores this second answer; if not, the user sees why.
      return { kind: 'respond', response: { type: Callback.Message, data: apology() } };
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

  /** `hidden` is decided before the reply exists, because a deferral fixes the reply's visibility. */
  async function answerReply(
    target: InteractionTarget,
    answer: Promise<Reply>,
    kind: InteractionKindLabel,
    command: string,
    hidden: boolean,
  ): Promise<FirstAnswer> {
    const pending = answer.catch((error: unknown): Reply => {
      logger.error({ err: error, interaction: target.id, command }, 'command failed');
      return { content: APOLOGY, embeds: [], components: [], files: [], ephemeral: true };
    });
    const timer = wait(deferAfterMs);
    const quick = await Promise.race([pending, timer.done]);
    timer.cancel();
    if (quick === null) {
      deps.track(editLater(target, pending, kind, command));
      return { kind: 'respond', response: { type: Callback.DeferredMessage, ...(hidden ? { data: { flags: MessageFlags.Ephemeral } } : {}) } };
    }
    const visible = hidden && !quick.ephemeral ? { ...quick, ephemeral: true } : quick;
    if (visible.files.length > 0) return answerWithFiles(target, visible, kind, command);
    count(kind, command, 'replied');
    return { kind: 'respond', response: { type: Callback.Message, data: toMessageData(visible) } };
  }

  return async (interaction) => {
    switch (interaction.kind) {
      case 'ping':
        count('ping', '', 'replied');
        return { kind: 'respond', response: { type: Callback.Pong } };
      case 'autocomplete': {
        const choices = router.autocomplete(interaction.name, interaction.focused, interaction.options);
        count('autocomplete', commandLabel(router, interaction.name), 'replied');
        return { kind: 'respond', response: { type: Callback.AutocompleteResult, data: { choices } } };
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
        const decoded = decodeButton(interaction.customId);
        const name = decoded.ok ? decoded.action.command : '';
        const hidden = pressIsHidden(interaction.customId, interaction.messageFlags);
        return answerReply(interaction.target, router.button(interaction.customId), 'button', commandLabel(router, name), hidden);
      }
      case 'unsupported':
        count('unsupported', '', 'failed');
        return { kind: 'unsupported', type: interaction.type };
    }
  };
}
