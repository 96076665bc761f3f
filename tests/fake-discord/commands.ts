// Application commands as Discord keeps them: a bulk overwrite (PUT) replaces the whole set, a command that
// keeps its type and name keeps its id, and its version changes only when its definition does. Definitions
// Discord would refuse (bad names, lengths, counts, duplicates) get Discord's 400 Invalid Form Body.
import type { APIApplicationCommand } from 'discord.js';
import { snowflake } from './payloads.ts';

const CHAT_INPUT = 1;
const BASIC_OPTION_TYPES_WITH_CHOICES = new Set([3, 4, 10]);
/** Discord's documented pattern for CHAT_INPUT command and option names. */
const CHAT_INPUT_NAME = /^[-_'\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;

type Json = Record<string, unknown>;
interface FieldError {
  code: string;
  message: string;
}
/** Discord's nested error map: { "0": { "name": { "_errors": [...] } } }. */
export interface FormErrors {
  [key: string]: FormErrors | FieldError[];
}

function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function addError(errors: FormErrors, path: (string | number)[], error: FieldError): void {
  let node = errors;
  for (const key of path.map(String)) {
    const next = node[key];
    if (isRecord(next) && !Array.isArray(next)) {
      node = next;
    } else {
      const created: FormErrors = {};
      node[key] = created;
      node = created;
    }
  }
  const list = node._errors;
  if (Array.isArray(list)) list.push(error);
  else node._errors = [error];
}

function badLength(min: number, max: number): FieldError {
  return { code: 'BASE_TYPE_BAD_LENGTH', message: `Must be between ${min} and ${max} in length.` };
}

function checkName(errors: FormErrors, path: (string | number)[], name: unknown, chatInput: boolean): void {
  if (typeof name !== 'string' || name.length < 1 || name.length > 32) {
    addError(errors, [...path, 'name'], badLength(1, 32));
  } else if (chatInput && (!CHAT_INPUT_NAME.test(name) || name !== name.toLowerCase())) {
    addError(errors, [...path, 'name'], {
      code: 'APPLICATION_COMMAND_INVALID_NAME',
      message: `Command name is invalid: ${name}`,
    });
  }
}

function checkDescription(errors: FormErrors, path: (string | number)[], description: unknown): void {
  if (typeof description !== 'string' || description.length < 1 || description.length > 100) {
    addError(errors, [...path, 'description'], badLength(1, 100));
  }
}

function checkOptions(errors: FormErrors, path: (string | number)[], options: unknown): void {
  if (options === undefined) return;
  if (!Array.isArray(options) || options.length > 25) {
    addError(errors, [...path, 'options'], badLength(0, 25));
    return;
  }
  options.forEach((option: unknown, index) => {
    const at = [...path, 'options', index];
    if (!isRecord(option)) return addError(errors, at, { code: 'DICT_TYPE_CONVERT', message: 'Must be an object.' });
    checkName(errors, at, option.name, true);
    checkDescription(errors, at, option.description);
    checkOptions(errors, at, option.options);
    if (option.choices === undefined) return;
    if (!BASIC_OPTION_TYPES_WITH_CHOICES.has(Number(option.type)) || !Array.isArray(option.choices)) {
      return addError(errors, [...at, 'choices'], { code: 'BASE_TYPE_CHOICES', message: 'Choices are not allowed here.' });
    }
    if (option.choices.length > 25) addError(errors, [...at, 'choices'], badLength(0, 25));
    option.choices.forEach((choice: unknown, choiceIndex) => {
      const choiceAt = [...at, 'choices', choiceIndex];
      const name = isRecord(choice) ? choice.name : undefined;
      const value = isRecord(choice) ? choice.value : undefined;
      if (typeof name !== 'string' || name.length < 1 || name.length > 100) {
        addError(errors, [...choiceAt, 'name'], badLength(1, 100));
      }
      if (typeof value === 'string' && (value.length < 1 || value.length > 100)) {
        addError(errors, [...choiceAt, 'value'], badLength(1, 100));
      }
    });
  });
}

/** The fields that define a command; two PUTs with equal definitions are the same command version. */
function definitionOf(command: Json): Json {
  return {
    type: typeof command.type === 'number' ? command.type : CHAT_INPUT,
    name: command.name,
    name_localizations: command.name_localizations ?? null,
    description: command.description ?? '',
    description_localizations: command.description_localizations ?? null,
    ...(command.options === undefined ? {} : { options: command.options }),
    default_member_permissions: command.default_member_permissions ?? null,
    nsfw: command.nsfw ?? false,
    integration_types: command.integration_types ?? [0],
    contexts: command.contexts ?? null,
  };
}

export type OverwriteResult = { ok: true; commands: APIApplicationCommand[] } | { ok: false; errors: FormErrors };

export class CommandStore {
  private readonly sets = new Map<string, APIApplicationCommand[]>();

  constructor(private readonly applicationId: string) {}

  /** guildId undefined: the global set. */
  list(guildId?: string): APIApplicationCommand[] {
    return this.sets.get(guildId ?? 'global') ?? [];
  }

  /** A command injected by name resolves against the guild set first, then the global set, as Discord does. */
  find(name: string, guildId?: string): APIApplicationCommand | undefined {
    const inGuild = guildId === undefined ? undefined : this.list(guildId).find((command) => command.name === name);
    return inGuild ?? this.list().find((command) => command.name === name && command.type === CHAT_INPUT);
  }

  overwrite(body: unknown, guildId?: string): OverwriteResult {
    const errors: FormErrors = {};
    if (!Array.isArray(body)) {
      addError(errors, [], { code: 'LIST_TYPE_CONVERT', message: 'Must be an array.' });
      return { ok: false, errors };
    }
    const definitions = body.map((command: unknown) => (isRecord(command) ? definitionOf(command) : undefined));
    const seen = new Set<string>();
    definitions.forEach((definition, index) => {
      if (!definition) return addError(errors, [index], { code: 'DICT_TYPE_CONVERT', message: 'Must be an object.' });
      const chatInput = definition.type === CHAT_INPUT;
      checkName(errors, [index], definition.name, chatInput);
      if (chatInput) checkDescription(errors, [index], definition.description);
      checkOptions(errors, [index], definition.options);
      const key = `${String(definition.type)}:${String(definition.name)}`;
      if (seen.has(key)) {
        addError(errors, [index, 'name'], {
          code: 'APPLICATION_COMMANDS_DUPLICATE_NAME',
          message: `Application command names must be unique: ${String(definition.name)}`,
        });
      }
      seen.add(key);
    });
    if (Object.keys(errors).length > 0) return { ok: false, errors };

    const previous = this.list(guildId);
    const commands = definitions.map((definition) => {
      const def = definition as Json;
      const same = previous.find((command) => command.type === def.type && command.name === def.name);
      const unchanged = same !== undefined && JSON.stringify(definitionOf(same as unknown as Json)) === JSON.stringify(def);
      return {
        ...def,
        id: same?.id ?? snowflake(),
        application_id: this.applicationId,
        version: unchanged ? same.version : snowflake(),
        ...(guildId === undefined ? {} : { guild_id: guildId }),
      } as unknown as APIApplicationCommand;
    });
    this.sets.set(guildId ?? 'global', commands);
    return { ok: true, commands };
  }
}
