import { ApplicationCommandOptionType, ApplicationIntegrationType, InteractionContextType, type APIApplicationCommandBasicOption } from 'discord.js';
import { describe, expect, it } from 'vitest';
import type { CommandModule } from '../src/core/command.ts';
import { APOLOGY, createRouter, OLD_BUTTON } from '../src/core/router.ts';
import { COMMANDS } from '../commands/index.ts';
import { reply } from '../src/protocol/reply.ts';
import { testApp } from './support/app.ts';

const app = await testApp();

describe('command definitions', () => {
  it('serves every command in the one list, once each, and /help names every one of them', async () => {
    const names = COMMANDS.map((c) => c.definition.name);
    expect(new Set(names).size).toBe(names.length);
    expect([...app.router.commands.keys()].sort()).toEqual([...names].sort());
    const help = JSON.stringify(await app.router.command('help', {}));
    const missing = names.filter((name) => name !== 'help' && !help.includes(`/${name}`));
    expect(missing, 'commands /help does not mention').toEqual([]);
  });

  it('makes every command installable anywhere, with a hide option last', () => {
    for (const [name, command] of app.router.commands) {
      const def = command.definition;
      expect(def.integration_types, name).toEqual([ApplicationIntegrationType.GuildInstall, ApplicationIntegrationType.UserInstall]);
      expect(def.contexts, name).toEqual([InteractionContextType.Guild, InteractionContextType.BotDM, InteractionContextType.PrivateChannel]);
      const options = (def.options ?? []) as APIApplicationCommandBasicOption[];
      expect(options.at(-1)?.name, name).toBe('hide');
      expect(options.at(-1)?.type, name).toBe(ApplicationCommandOptionType.Boolean);
      const firstOptional = options.findIndex((o) => o.required !== true);
      expect(
        options.slice(firstOptional).every((o) => o.required !== true),
        `${name}: required options come first`,
      ).toBe(true);
      for (const o of options)
        if (o.type === ApplicationCommandOptionType.String && 'autocomplete' in o && o.autocomplete === true)
          expect(command.autocomplete, `${name}.${o.name}`).toBeDefined();
    }
  });
});

describe('the router never throws', () => {
  const broken: CommandModule = {
    definition: { name: 'broken', description: 'always fails' },
    run() {
      throw new Error('boom with a secret stack');
    },
    autocomplete() {
      throw new Error('boom');
    },
    button() {
      throw new Error('boom');
    },
  };
  const router = createRouter(new Map([['broken', broken]]), app.ctx);

  it('answers a failing command with an ephemeral apology, no stack', async () => {
    const answer = await router.command('broken', {});
    expect(answer).toEqual(reply({ ephemeral: true, content: APOLOGY }));
  });

  it('gives no choices when autocomplete fails, and apologises for a failing button', async () => {
    expect(router.autocomplete('broken', { name: 'x', value: 'y' }, {})).toEqual([]);
    expect((await router.button('v2:broken::1')).content).toBe(APOLOGY);
  });

  it('answers unknown commands and stale buttons helpfully', async () => {
    expect((await router.command('nope', {})).content).toMatch(/don't know the command `\/nope`/);
    expect((await app.router.button('v2:ics::ZZZ')).content).toMatch(/out of date/);
    expect((await app.router.button('v2:zzz::1')).ephemeral).toBe(true);
    // An id from the release before the codec (no version marker) is told to run the command again.
    const old = await app.router.button('ics:devon:hide');
    expect(old.ephemeral).toBe(true);
    expect(old.content).toBe(OLD_BUTTON);
  });
});
