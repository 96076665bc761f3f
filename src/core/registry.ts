import type { CommandModule } from './command.ts';

/** Commands by name; two commands with one name is a programming error caught at start-up. */
export function commandMap(list: readonly CommandModule[]): Map<string, CommandModule> {
  const commands = new Map<string, CommandModule>();
  for (const command of list) {
    const name = command.definition.name;
    if (commands.has(name)) throw new Error(`two commands are named "${name}"`);
    commands.set(name, command);
  }
  return commands;
}
