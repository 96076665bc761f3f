import type { RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import type { Dataset } from '../data/model.ts';
import type { Choice } from '../search/autocomplete.ts';
import type { Resolver } from '../search/resolve.ts';
import type { Reply } from '../views/reply.ts';

export type OptionValue = string | number | boolean;
/** Options as Discord delivers them: by name, already typed; absent when the user left them out. */
export type CommandOptions = Readonly<Record<string, OptionValue | undefined>>;

export interface CommandContext {
  data: Dataset;
  resolver: Resolver;
  autocompleteSystems(input: string): Choice[];
}

export interface FocusedOption {
  name: string;
  value: string;
}

/** One slash command: its definition (sent to Discord as is), its reply builder, and optional autocomplete and buttons. */
export interface CommandModule {
  definition: RESTPostAPIChatInputApplicationCommandsJSONBody;
  run(options: CommandOptions, ctx: CommandContext): Reply | Promise<Reply>;
  autocomplete?(focused: FocusedOption, options: CommandOptions, ctx: CommandContext): Choice[];
  /** Handles a button whose custom id is `<command>:<args joined by ":">`; the id carries all state. */
  button?(args: string[], ctx: CommandContext): Reply | Promise<Reply>;
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

/** Reply preferences a button must carry forward, since custom ids are the only state: `:hide`, `:nochart`. */
export interface ReplyFlags {
  hide: boolean;
  chart: boolean;
}

export function flagSuffix(flags: ReplyFlags): string {
  return `${flags.hide ? ':hide' : ''}${flags.chart ? '' : ':nochart'}`;
}

export function parseFlags(args: readonly (string | undefined)[]): ReplyFlags {
  return { hide: args.includes('hide'), chart: !args.includes('nochart') };
}

export function replyFlags(options: CommandOptions): ReplyFlags {
  return { hide: booleanOption(options, 'hide') ?? false, chart: booleanOption(options, 'chart') ?? true };
}
