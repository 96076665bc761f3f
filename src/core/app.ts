import type { Logger } from 'pino';
import { startupDataset } from '../data/startup-dataset.ts';
import type { Dataset } from '../data/model.ts';
import { createAutocomplete } from '../search/autocomplete.ts';
import { createResolver } from '../search/resolve.ts';
import { getPlaces } from '../data/places.ts';
import type { CommandContext, CommandModule } from './command.ts';
import { COMMANDS } from '../../commands/index.ts';
import { commandMap } from './registry.ts';
import { createRouter, type Router } from './router.ts';

export interface App {
  data: Dataset;
  ctx: CommandContext;
  router: Router;
}

export function createContext(data: Dataset): CommandContext {
  const resolver = createResolver(data.systems, data.changes.successors, getPlaces);
  return { data, resolver, autocompleteSystems: createAutocomplete(data.systems, resolver) };
}

/** Everything every transport shares: validated data, name search, the commands and the never-throwing router. */
export async function createApp(options: { logger?: Logger; commands?: Map<string, CommandModule>; data?: Dataset } = {}): Promise<App> {
  const data = options.data ?? (await startupDataset());
  const ctx = createContext(data);
  const commands = options.commands ?? commandMap(COMMANDS);
  return { data, ctx, router: createRouter(commands, ctx, options.logger) };
}
