import { readdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { join } from 'node:path';
import type { CommandModule } from './command.ts';

export const COMMANDS_DIR = fileURLToPath(new URL('../../commands/', import.meta.url));

function isCommandModule(value: unknown): value is CommandModule {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Partial<CommandModule>;
  return typeof candidate.run === 'function' && typeof candidate.definition?.name === 'string';
}

/** Every file in commands/ is one command: adding a command is adding a file. */
export async function loadCommands(dir: string = COMMANDS_DIR): Promise<Map<string, CommandModule>> {
  const files = readdirSync(dir).filter((f) => /\.(ts|js)$/.test(f) && !f.endsWith('.d.ts')).sort();
  const commands = new Map<string, CommandModule>();
  for (const file of files) {
    const loaded = (await import(pathToFileURL(join(dir, file)).href)) as { default?: unknown };
    if (!isCommandModule(loaded.default)) throw new Error(`commands/${file} must default-export a command module (definition + run)`);
    const name = loaded.default.definition.name;
    if (commands.has(name)) throw new Error(`commands/${file}: a command named "${name}" is already defined`);
    commands.set(name, loaded.default);
  }
  return commands;
}
