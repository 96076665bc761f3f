// `npm run deploy`: registers every command in commands/ with Discord. A bulk overwrite (PUT) replaces the whole
// set, so running it twice changes nothing, and a command deleted from commands/ disappears from Discord.
import { MESSAGE_COMMAND } from '../questions/message-command.ts';
import { pathToFileURL } from 'node:url';
import {
  REST,
  Routes,
  SlashCommandAssertions,
  type APIApplicationCommand,
  type APIApplicationCommandOption,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import { deployConfigSchema, parseConfigOrExit, type DeployConfig } from '../config/config.ts';
import { loadEnv } from '../config/env.ts';
import type { CommandModule } from '../core/command.ts';
import { COMMANDS } from '../../commands/index.ts';
import { describeFailure } from './token-error.ts';

type Definition = RESTPostAPIChatInputApplicationCommandsJSONBody;
export type Change = 'new' | 'updated' | 'unchanged';

export interface DeployResult {
  /** The server the commands went to, or undefined for global registration. */
  guildId: string | undefined;
  registered: Array<{ name: string; id: string; change: Change }>;
  /** Commands Discord had that commands/ no longer defines: the overwrite deleted them. */
  removed: string[];
}

function validateOptions(options: readonly APIApplicationCommandOption[], where: string): void {
  SlashCommandAssertions.validateMaxOptionsLength(options);
  let optionalSeen = false;
  for (const option of options) {
    const at = `${where} option "${option.name}"`;
    SlashCommandAssertions.validateName(option.name);
    SlashCommandAssertions.validateDescription(option.description);
    if ('choices' in option && option.choices !== undefined) SlashCommandAssertions.validateChoicesLength(0, option.choices);
    // Discord refuses a required option after an optional one; the builders do not check the order.
    const required = 'required' in option && option.required === true;
    if (required && optionalSeen) throw new Error(`${at}: a required option must come before every optional one`);
    optionalSeen ||= !required;
    if ('options' in option && option.options !== undefined) validateOptions(option.options, at);
  }
}

/** The builders' own assertions, so a hand-edited definition fails here with its name, not as Discord's 400. */
export function validateDefinition(definition: Definition): void {
  const where = `/${definition.name}`;
  try {
    SlashCommandAssertions.validateName(definition.name);
    SlashCommandAssertions.validateDescription(definition.description);
    validateOptions(definition.options ?? [], where);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new Error(message.startsWith(where) ? message : `${where}: ${message}`, { cause: error });
  }
}

function changeOf(command: APIApplicationCommand, before: readonly APIApplicationCommand[]): Change {
  const previous = before.find((c) => c.type === command.type && c.name === command.name);
  if (previous === undefined) return 'new';
  // Discord bumps `version` only when a definition really changes.
  return previous.version === command.version ? 'unchanged' : 'updated';
}

/** Registers the definitions (to DISCORD_GUILD_ID when set, else globally) and reports what changed. */
export async function deployCommands(config: DeployConfig, commands?: ReadonlyMap<string, CommandModule>): Promise<DeployResult> {
  const definitions = [...(commands?.values() ?? COMMANDS)].map((command) => command.definition);
  definitions.forEach(validateDefinition);
  const rest = new REST(config.DISCORD_API_BASE !== undefined ? { api: config.DISCORD_API_BASE } : {}).setToken(config.DISCORD_TOKEN);
  const guildId = config.DISCORD_GUILD_ID;
  const route =
    guildId !== undefined ? Routes.applicationGuildCommands(config.DISCORD_APPLICATION_ID, guildId) : Routes.applicationCommands(config.DISCORD_APPLICATION_ID);
  const before = (await rest.get(route)) as APIApplicationCommand[];
  const after = (await rest.put(route, { body: [...definitions, MESSAGE_COMMAND] })) as APIApplicationCommand[];
  return {
    guildId,
    registered: after.map((command) => ({ name: command.name, id: command.id, change: changeOf(command, before) })),
    removed: before.filter((old) => !after.some((c) => c.type === old.type && c.name === old.name)).map((c) => c.name),
  };
}

export function formatDeployResult(result: DeployResult): string {
  const where = result.guildId !== undefined ? `to server ${result.guildId}` : 'globally (every server and user install)';
  const width = Math.max(...result.registered.map((c) => c.name.length));
  const lines = [
    `Registered ${result.registered.length} commands ${where}:`,
    ...result.registered.map((c) => `  /${c.name.padEnd(width)}  ${c.id}  ${c.change}`),
    ...(result.removed.length > 0 ? [`Removed: ${result.removed.map((name) => `/${name}`).join(', ')}`] : []),
  ];
  return `${lines.join('\n')}\n`;
}

async function main(): Promise<void> {
  loadEnv();
  const config = parseConfigOrExit(deployConfigSchema, 'Cannot deploy');
  try {
    process.stdout.write(formatDeployResult(await deployCommands(config)));
  } catch (error) {
    process.stderr.write(`Cannot deploy: ${describeFailure(error)}\n`);
    process.exitCode = 1;
  }
}

const entry = process.argv[1];
if (entry !== undefined && import.meta.url === pathToFileURL(entry).href) await main();
