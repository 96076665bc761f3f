import type { RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord-api-types/v10';
import type { Dataset } from '../data/model.ts';
import type { ButtonAction } from '../protocol/buttons.ts';
import type { Reply } from '../protocol/reply.ts';
import type { Choice } from '../search/autocomplete.ts';
import type { Resolver } from '../search/resolve.ts';

export type OptionValue = string | number | boolean;
/** Options as Discord delivers them: by name, already typed; absent when the user left them out. */
export type CommandOptions = Readonly<Record<string, OptionValue | undefined>>;

export interface CommandContext {
  data: Dataset;
  resolver: Resolver;
  autocompleteSystems(input: string): Choice[];
  /** Logs a failure the reply recovered from (a chart that did not render), so it is seen without losing the answer. */
  reportError?(error: unknown, what: string): void;
}

export interface FocusedOption {
  name: string;
  value: string;
}

/** One slash command: its definition (plain JSON, sent to Discord as is), its reply builder, autocomplete and buttons. */
export interface CommandModule {
  definition: RESTPostAPIChatInputApplicationCommandsJSONBody;
  run(options: CommandOptions, ctx: CommandContext): Reply | Promise<Reply>;
  autocomplete?(focused: FocusedOption, options: CommandOptions, ctx: CommandContext): Choice[];
  /** A press of one of this command's buttons, decoded by the one button codec; the action carries all state. */
  button?(action: ButtonAction, ctx: CommandContext): Reply | Promise<Reply>;
}

export function stringOption(options: CommandOptions, name: string): string | undefined {
  const value = options[name];
  return typeof value === 'string' ? value : undefined;
}

export function numberOption(options: CommandOptions, name: string): number | undefined {
  const value = options[name];
  return typeof value === 'number' ? value : undefined;
}

export function booleanOption(options: CommandOptions, name: string): boolean | undefined {
  const value = options[name];
  return typeof value === 'boolean' ? value : undefined;
}

/** Reply preferences a button must carry forward, since custom ids are the only state. */
export interface ReplyFlags {
  hide: boolean;
  chart: boolean;
}

export function replyFlags(options: CommandOptions): ReplyFlags {
  return { hide: booleanOption(options, 'hide') ?? false, chart: booleanOption(options, 'chart') ?? true };
}
