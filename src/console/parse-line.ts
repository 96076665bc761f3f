import type { APIApplicationCommandBasicOption } from 'discord-api-types/v10';
import { OptionType } from '../protocol/api.ts';
import type { CommandModule, CommandOptions, OptionValue } from '../core/command.ts';

/** A command line that cannot be turned into what Discord would send: a usage error, not a reply. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export interface ParsedLine {
  command: string;
  options: CommandOptions;
  /** The last option on the line: the one autocomplete is asked about. */
  focused?: { name: string; value: string };
}

/** Splits `/rank metric:deficit region:South West` into raw option texts; a value runs until the next ` word:`. */
function splitOptions(rest: string, known: ReadonlySet<string>): Array<{ name: string; value: string }> {
  const parts: Array<{ name: string; value: string }> = [];
  const marker = /(?:^|\s)([A-Za-z][\w-]*):/g;
  // A name pasted with its trailing colon ("name:Hampshire and the Isle of Wight:") ends the line with an empty
  // "option" no command has: it belongs to the value.
  const found = [...rest.matchAll(marker)].filter(
    (m, i, all) => !(i === all.length - 1 && i > 0 && rest.slice((m.index ?? 0) + m[0].length).trim() === '' && !known.has((m[1] ?? '').toLowerCase())),
  );
  if (found.length === 0) {
    if (rest.trim() !== '') throw new UsageError(`expected options written as name:value, got "${rest.trim().slice(0, 60)}"`);
    return parts;
  }
  const leading = rest.slice(0, found[0]?.index ?? 0).trim();
  if (leading !== '') throw new UsageError(`expected options written as name:value, got "${leading.slice(0, 60)}"`);
  found.forEach((match, i) => {
    const start = (match.index ?? 0) + match[0].length;
    const end = found[i + 1]?.index ?? rest.length;
    parts.push({ name: (match[1] ?? '').toLowerCase(), value: rest.slice(start, end).trim() });
  });
  return parts;
}

function convert(option: APIApplicationCommandBasicOption, raw: string): OptionValue {
  const choices = 'choices' in option ? option.choices : undefined;
  if (choices !== undefined && choices.length > 0) {
    const wanted = raw.toLowerCase();
    const choice = choices.find((c) => String(c.value).toLowerCase() === wanted || c.name.toLowerCase() === wanted);
    if (choice === undefined) {
      throw new UsageError(`${option.name}: "${raw.slice(0, 60)}" is not one of ${choices.map((c) => String(c.value)).join(', ')}`);
    }
    return choice.value;
  }
  switch (option.type) {
    case OptionType.Integer: {
      if (!/^[+-]?\d+$/.test(raw)) throw new UsageError(`${option.name}: expected a whole number, got "${raw.slice(0, 60)}"`);
      return Number.parseInt(raw, 10);
    }
    case OptionType.Boolean: {
      const b = raw.toLowerCase();
      if (['true', 'yes', 'on', '1'].includes(b)) return true;
      if (['false', 'no', 'off', '0'].includes(b)) return false;
      throw new UsageError(`${option.name}: expected true or false, got "${raw.slice(0, 60)}"`);
    }
    default:
      return raw;
  }
}

/** Free-text options that take the rest of the line verbatim, colons included (`/ask question:what is X: per head?`). */
const VERBATIM_OPTIONS = ['question'];

/** Cuts a verbatim option off the end of the line, so the option parser never sees its text. */
function verbatimTail(rest: string, definitions: readonly APIApplicationCommandBasicOption[]): { before: string; tail?: { name: string; value: string } } {
  for (const name of VERBATIM_OPTIONS) {
    if (!definitions.some((d) => d.name === name)) continue;
    const found = new RegExp(`(?:^|\\s)${name}:`, 'i').exec(rest);
    if (found !== null) return { before: rest.slice(0, found.index), tail: { name, value: rest.slice(found.index + found[0].length).trim() } };
  }
  return { before: rest };
}

/** Parses a console / `ask` line against the command definitions, as Discord would deliver it. */
export function parseLine(line: string, commands: ReadonlyMap<string, CommandModule>, opts: { forAutocomplete?: boolean } = {}): ParsedLine {
  const trimmed = line.trim();
  const head = /^\/?([\w-]+)(?:\s+|$)/.exec(trimmed);
  if (head === null || !trimmed.startsWith('/')) throw new UsageError(`a command starts with "/", e.g. /ics name:Devon (got "${trimmed.slice(0, 60)}")`);
  const name = (head[1] ?? '').toLowerCase();
  const command = commands.get(name);
  if (command === undefined) throw new UsageError(`unknown command /${name.slice(0, 40)}; commands: ${[...commands.keys()].map((c) => `/${c}`).join(', ')}`);
  const definitions = (command.definition.options ?? []) as APIApplicationCommandBasicOption[];
  const options: Record<string, OptionValue> = {};
  const { before, tail } = verbatimTail(trimmed.slice(head[0].length), definitions);
  const parts = [...splitOptions(before, new Set(definitions.map((d) => d.name))), ...(tail !== undefined ? [tail] : [])];
  let focused: ParsedLine['focused'];
  for (const part of parts) {
    const definition = definitions.find((d) => d.name === part.name);
    if (definition === undefined)
      throw new UsageError(`/${name} has no option "${part.name}"; options: ${definitions.map((d) => d.name).join(', ') || 'none'}`);
    if (part.name in options) throw new UsageError(`option "${part.name}" given twice`);
    focused = { name: part.name, value: part.value };
    // Autocomplete sees partial text as typed, so choices and numbers are not enforced for the focused option.
    options[part.name] = opts.forAutocomplete === true && part === parts[parts.length - 1] ? part.value : convert(definition, part.value);
  }
  if (opts.forAutocomplete !== true) {
    for (const d of definitions)
      if (d.required === true && !(d.name in options)) throw new UsageError(`/${name} needs option "${d.name}", e.g. /${name} ${d.name}:…`);
  }
  const parsed: ParsedLine = { command: name, options };
  if (focused !== undefined) parsed.focused = focused;
  return parsed;
}
