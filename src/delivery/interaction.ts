import type { CommandOptions, FocusedOption, OptionValue } from '../core/command.ts';
import { MESSAGE_COMMAND, messageCommandAsk } from '../questions/message-command.ts';

/** Discord's interaction types (receiving-and-responding#interaction-object-interaction-type). */
export const InteractionKind = { Ping: 1, Command: 2, Component: 3, Autocomplete: 4, ModalSubmit: 5 } as const;

/** What a reply needs to reach Discord later: the callback route and the interaction webhook. */
export interface InteractionTarget {
  id: string;
  token: string;
  applicationId: string;
}

export type ParsedInteraction =
  | { kind: 'ping' }
  | { kind: 'command'; target: InteractionTarget; name: string; options: CommandOptions }
  | { kind: 'autocomplete'; target: InteractionTarget; name: string; focused: FocusedOption; options: CommandOptions }
  /** `messageFlags`: the flags of the message the button is on (64 when that message is hidden). */
  | { kind: 'button'; target: InteractionTarget; customId: string; messageFlags: number }
  | { kind: 'unsupported'; type: number };

type Json = Record<string, unknown>;

function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isOptionValue(value: unknown): value is OptionValue {
  return typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value));
}

interface Flattened {
  options: Record<string, OptionValue>;
  focused?: FocusedOption;
}

/**
 * Discord nests a subcommand's options inside it (and a group's inside that); commands take one flat record. Both
 * adapters use this. The focused option (autocomplete) is kept in the record and also returned apart.
 */
export function flattenOptions(list: unknown, into: Flattened = { options: {} }, depth = 0): Flattened {
  if (!Array.isArray(list) || depth > 3) return into;
  for (const option of list) {
    if (!isRecord(option) || typeof option.name !== 'string') continue;
    if (Array.isArray(option.options)) flattenOptions(option.options, into, depth + 1);
    else if (isOptionValue(option.value)) {
      into.options[option.name] = option.value;
      if (option.focused === true) into.focused = { name: option.name, value: String(option.value) };
    }
  }
  return into;
}

function targetOf(body: Json): InteractionTarget | undefined {
  const { id, token, application_id: applicationId } = body;
  if (typeof id !== 'string' || typeof token !== 'string' || typeof applicationId !== 'string') return undefined;
  return { id, token, applicationId };
}

/** The text of the message a message command (type 3) was used on, from `resolved.messages[target_id]`. */
function messageCommandText(data: Json): string | undefined {
  if (data.type !== MESSAGE_COMMAND.type || typeof data.target_id !== 'string' || !isRecord(data.resolved) || !isRecord(data.resolved.messages))
    return undefined;
  const message = data.resolved.messages[data.target_id];
  return isRecord(message) && typeof message.content === 'string' ? message.content : '';
}

/** Reads the parts of an interaction payload we act on; undefined when the JSON is not an interaction at all. */
export function parseInteraction(body: unknown): ParsedInteraction | undefined {
  if (!isRecord(body) || typeof body.type !== 'number') return undefined;
  if (body.type === InteractionKind.Ping) return { kind: 'ping' };
  const target = targetOf(body);
  const data = body.data;
  if (target === undefined || !isRecord(data)) return undefined;
  switch (body.type) {
    case InteractionKind.Command: {
      if (typeof data.name !== 'string') return undefined;
      const asked = messageCommandText(data);
      if (asked !== undefined) {
        const ask = messageCommandAsk(asked);
        return { kind: 'command', target, name: ask.name, options: ask.options };
      }
      return { kind: 'command', target, name: data.name, options: flattenOptions(data.options).options };
    }
    case InteractionKind.Autocomplete: {
      if (typeof data.name !== 'string') return undefined;
      const { options, focused } = flattenOptions(data.options);
      if (focused === undefined) return undefined;
      return { kind: 'autocomplete', target, name: data.name, focused, options };
    }
    case InteractionKind.Component:
      if (typeof data.custom_id !== 'string') return undefined;
      return {
        kind: 'button',
        target,
        customId: data.custom_id,
        messageFlags: isRecord(body.message) && typeof body.message.flags === 'number' ? body.message.flags : 0,
      };
    default:
      return { kind: 'unsupported', type: body.type };
  }
}
