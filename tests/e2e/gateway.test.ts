// The real bot, end to end: `npm run deploy`'s function registers the commands with a loopback fake Discord, then
// the bot runs as its own process (`node --import tsx src/main.ts`, exactly as `npm start` with a token), logs in
// to the fake's gateway and answers what the fake injects. Every reply is checked by the fake's limits oracle.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { devNull } from 'node:os';
import { setTimeout as delay } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { Events, type Client } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { gatewayConfigSchema, parseConfig, type DeployConfig } from '../../src/config/config.ts';
import { createApp } from '../../src/core/app.ts';
import type { CommandModule } from '../../src/core/command.ts';
import { createLogger } from '../../src/core/logger.ts';
import { COMMANDS } from '../../commands/index.ts';
import { commandMap } from '../../src/core/registry.ts';
import { APOLOGY, type Router } from '../../src/core/router.ts';
import { createClient } from '../../src/discord/client.ts';
import { MESSAGE_COMMAND_NAME } from '../../src/questions/message-command.ts';
import { deployCommands, formatDeployResult } from '../../src/discord/deploy.ts';
import { createGatewayDelivery, DEFER_AFTER_MS } from '../../src/discord/interactions.ts';
import { checkInteractionResponse, checkMessagePayload } from '../fake-discord/limits.ts';
import { TEST_GUILD_ID, type CommandInput, type ReceivedFile } from '../fake-discord/payloads.ts';
import { startFakeDiscord, type FakeDiscord, type InjectedInteraction } from '../fake-discord/server.ts';
import { buttonId, code } from '../support/buttons.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** Shaped like a bot token (the config refuses anything else); known only to the fake. */
const TOKEN = 'MTEwMDAwMDAwMDAwMDAwMDEwMA.GfakeT.loopback-e2e-token-not-a-real-one';
const WRONG_TOKEN = 'MTEwMDAwMDAwMDAwMDAwMDEwMA.GfakeT.a-well-formed-token-the-fake-refuses';
const APP_ID = '1100000000000000100';
const EPHEMERAL = 64;
/** Bounded waits for things a child process does (start-up, shutdown), never a measure of speed. */
const PROCESS_WAIT = { timeout: 15_000, interval: 50 };

interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

interface RunningProcess {
  child: ChildProcess;
  stdout(): string;
  stderr(): string;
  /** The process itself has exited (its children, if any, may still hold its output pipes open). */
  exited: Promise<Exit>;
  /** It has exited and its output is complete. */
  closed: Promise<Exit>;
}

const children = new Set<ChildProcess>();

/** The test decides every setting: nothing from the developer's shell, and no .env filling in what a test leaves out. */
function isolatedEnv(settings: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!/^(DISCORD_|DOTENV_|SHARD|LOG_LEVEL$|PORT$)/.test(key)) env[key] = value;
  }
  return { ...env, DOTENV_CONFIG_PATH: devNull, ...settings };
}

/** Runs a TypeScript entry point as its own process group, so afterAll can stop it and anything it spawned. */
function run(entry: string, settings: Record<string, string>): RunningProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', entry], {
    cwd: ROOT,
    env: isolatedEnv(settings),
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  children.add(child);
  let stdout = '';
  let stderr = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exited = new Promise<Exit>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  const closed = new Promise<Exit>((resolve) => {
    child.once('close', (code, signal) => {
      children.delete(child);
      resolve({ code, signal });
    });
  });
  return { child, stdout: () => stdout, stderr: () => stderr, exited, closed };
}

function processGroupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** A stack trace line, which a person facing a config or token problem should never have to read. */
const STACK_LINE = /^\s+at /m;

let fake: FakeDiscord;
let botSettings: Record<string, string>;
let deployConfig: DeployConfig;

beforeAll(async () => {
  fake = await startFakeDiscord({ token: TOKEN, applicationId: APP_ID });
  // No background chart rendering: the e2e tests share two cores and time nothing that needs it.
  botSettings = { DISCORD_TOKEN: TOKEN, DISCORD_APPLICATION_ID: APP_ID, DISCORD_API_BASE: fake.apiBase, LOG_LEVEL: 'warn', PRERENDER_CHARTS: 'off' };
  deployConfig = { DISCORD_TOKEN: TOKEN, DISCORD_APPLICATION_ID: APP_ID, DISCORD_API_BASE: fake.apiBase, DISCORD_GUILD_ID: undefined, LOG_LEVEL: 'warn' };
});

afterAll(async () => {
  const stopping = [...children].map((child) => new Promise((resolve) => child.once('close', resolve)));
  for (const child of children) if (child.pid !== undefined && processGroupAlive(child.pid)) process.kill(-child.pid, 'SIGKILL');
  await Promise.all(stopping);
  await fake?.stop();
});

describe('npm run deploy', () => {
  let commands: Map<string, CommandModule>;

  beforeAll(async () => {
    commands = commandMap(COMMANDS);
  });

  it('registers every command in commands/ globally with a bulk overwrite, and a second run changes nothing', async () => {
    const names = [...commands.keys(), MESSAGE_COMMAND_NAME];
    const first = await deployCommands(deployConfig);
    expect(first.guildId).toBeUndefined();
    expect(first.registered.map((command) => [command.name, command.change])).toEqual(names.map((name) => [name, 'new']));
    expect(fake.registeredCommands().map((command) => command.name)).toEqual(names);

    const second = await deployCommands(deployConfig);
    expect(second.registered).toEqual(first.registered.map((command) => ({ ...command, change: 'unchanged' })));
    expect(second.removed).toEqual([]);
    const puts = fake.calls.filter((call) => call.method === 'PUT');
    expect(puts.map((call) => [call.path, call.authorization, call.status])).toEqual([
      [`/applications/${APP_ID}/commands`, `Bot ${TOKEN}`, 200],
      [`/applications/${APP_ID}/commands`, `Bot ${TOKEN}`, 200],
    ]);
    expect(formatDeployResult(second)).toContain(`Registered ${names.length} commands globally`);
  });

  it('registers to one server when DISCORD_GUILD_ID is set, deleting there what commands/ no longer has', async () => {
    const inGuild = { ...deployConfig, DISCORD_GUILD_ID: TEST_GUILD_ID };
    const withoutIcs = new Map([...commands].filter(([name]) => name !== 'ics'));
    await deployCommands(inGuild, withoutIcs);
    const restored = await deployCommands(inGuild);
    expect(restored.registered.find((command) => command.name === 'ics')?.change).toBe('new');
    expect((await deployCommands(inGuild, withoutIcs)).removed).toEqual(['ics']);
    await deployCommands(inGuild);
    expect(fake.registeredCommands(TEST_GUILD_ID).map((command) => command.name)).toEqual([...commands.keys(), MESSAGE_COMMAND_NAME]);
    expect(fake.registeredCommands().map((command) => command.name)).toEqual([...commands.keys(), MESSAGE_COMMAND_NAME]);
  });

  it('refuses a definition the builders reject, naming the command, before sending anything', async () => {
    const ics = commands.get('ics');
    if (ics === undefined) throw new Error('commands/ics.ts is missing');
    const broken = new Map([['ics', { ...ics, definition: { ...ics.definition, name: 'ICS Card' } }]]);
    const putsBefore = fake.calls.filter((call) => call.method === 'PUT').length;
    await expect(deployCommands(deployConfig, broken)).rejects.toThrow(/^\/ICS Card: /);
    expect(fake.calls.filter((call) => call.method === 'PUT')).toHaveLength(putsBefore);
  });

  it('as a script: prints what it registered; a config error is one line naming the variable, exit non-zero', async () => {
    const script = run('src/discord/deploy.ts', { ...botSettings, DISCORD_GUILD_ID: TEST_GUILD_ID });
    expect(await script.closed).toEqual({ code: 0, signal: null });
    expect(script.stdout()).toMatch(new RegExp(`^Registered ${commands.size + 1} commands to server ${TEST_GUILD_ID}:\\n`));
    expect(script.stdout()).toMatch(/^ {2}\/ics +\d{17,20} {2}unchanged$/m);

    const { DISCORD_APPLICATION_ID: _omitted, ...withoutApplication } = botSettings;
    const broken = run('src/discord/deploy.ts', withoutApplication);
    expect((await broken.closed).code).not.toBe(0);
    expect(broken.stderr()).toMatch(/^Cannot deploy: DISCORD_APPLICATION_ID is missing — .*Application ID\n$/);
  });
});

/** What the user sees: the reply message, whether it came at once (type 4) or deferred (type 5) and edited in. */
interface Answer {
  message: Record<string, unknown>;
  files: ReceivedFile[];
  ephemeral: boolean;
}

/** Waits for the bot's answer to an injected interaction, checking every payload with the fake's limits oracle. */
async function answerTo(injected: InjectedInteraction): Promise<Answer> {
  const callback = await fake.waitForCallback(injected.id);
  expect(checkInteractionResponse(callback.call.body)).toEqual([]);
  expect([4, 5]).toContain(callback.type);
  const ephemeral = ((Number(callback.data?.flags) || 0) & EPHEMERAL) !== 0;
  if (callback.type === 4) return { message: callback.data ?? {}, files: callback.files, ephemeral };
  // Slow replies (charts under load) are deferred and edited in: what counts is the edit.
  const original = `/webhooks/${APP_ID}/${injected.token}/messages/@original`;
  const edit = await fake.waitFor((call) => call.method === 'PATCH' && call.path === original && call.status === 200);
  expect(checkMessagePayload(edit.body, 'body')).toEqual([]);
  return { message: edit.body as Record<string, unknown>, files: edit.files, ephemeral };
}

function firstEmbed(answer: Answer): Record<string, unknown> {
  expect(answer.message.allowed_mentions).toEqual({ parse: [] });
  const embeds = answer.message.embeds;
  expect(Array.isArray(embeds) && embeds.length > 0).toBe(true);
  return (embeds as Record<string, unknown>[])[0] ?? {};
}

/** A chart arrives as a PNG file, shown in the embed, with alt text for screen readers. */
function expectChart(answer: Answer): void {
  const [file] = answer.files;
  expect(answer.files).toHaveLength(1);
  expect(file).toMatchObject({ name: expect.stringMatching(/\.png$/), contentType: 'image/png' });
  expect(file?.size).toBeGreaterThan(0);
  expect(firstEmbed(answer).image).toEqual({ url: `attachment://${file?.name}` });
  const attachments = answer.message.attachments as Array<{ description?: string }>;
  expect(attachments[0]?.description).toMatch(/chart/i);
}

describe('the bot process against the fake Discord', () => {
  let bot: RunningProcess;
  const ask = (input: CommandInput) => answerTo(fake.injectCommand(input));

  beforeAll(async () => {
    bot = run('src/main.ts', botSettings);
    await vi.waitFor(() => {
      if (bot.child.exitCode !== null) throw new Error(`the bot exited early:\n${bot.stderr()}`);
      expect(fake.identifyCount).toBe(1);
    }, PROCESS_WAIT);
  });

  it('logs in through GET /gateway/bot with its token and identifies with only unprivileged intents (Guilds, GuildMessages, DirectMessages)', () => {
    expect(fake.calls.find((call) => call.path === '/gateway/bot')).toMatchObject({ authorization: `Bot ${TOKEN}`, status: 200 });
    expect(fake.identifies[0]).toMatchObject({ intents: 1 | (1 << 9) | (1 << 12), shard: [0, 1] });
  });

  it('/ics Devon: a public card', async () => {
    const answer = await ask({ name: 'ics', options: { name: 'Devon' } });
    expect(answer.ephemeral).toBe(false);
    expect(firstEmbed(answer)).toMatchObject({ title: 'Devon', footer: { text: expect.any(String) } });
  });

  it('/ics Devon hide:true: the same card, visible only to the asker', async () => {
    const answer = await ask({ name: 'ics', options: { name: 'Devon', hide: true } });
    expect(answer.ephemeral).toBe(true);
    expect(firstEmbed(answer).title).toBe('Devon');
  });

  it('/compare Devon Somerset, with its chart', async () => {
    const answer = await ask({ name: 'compare', options: { first: 'Devon', second: 'Somerset' } });
    expect(firstEmbed(answer).title).toBe('Devon vs Somerset');
    expectChart(answer);
  });

  it('/region South West, with its chart', async () => {
    const answer = await ask({ name: 'region', options: { name: 'South West' } });
    expect(String(firstEmbed(answer).title)).toMatch(/^South West: 7 Integrated Care Systems/);
    expectChart(answer);
  });

  it('/rank metric:deficit count:3, with its chart', async () => {
    const answer = await ask({ name: 'rank', options: { metric: 'deficit', count: 3 } });
    expect(String(firstEmbed(answer).title)).toMatch(/highest 3/);
    expectChart(answer);
  });

  it('autocomplete offers Devon for "devo", and the value it offers is answered as a card', async () => {
    const { id } = fake.injectAutocomplete({ name: 'ics', focused: { name: 'name', value: 'devo' } });
    const suggestions = await fake.waitForCallback(id);
    expect(checkInteractionResponse(suggestions.call.body)).toEqual([]);
    expect(suggestions.type).toBe(8);
    const choices = suggestions.data?.choices as Array<{ name: string; value: string }>;
    expect(choices[0]?.name).toMatch(/^Devon\b/);
    const picked = await ask({ name: 'ics', options: { name: String(choices[0]?.value) } });
    expect(firstEmbed(picked).title).toBe('Devon');
  });

  it('a name that is not found gets an ephemeral answer with buttons, and pressing one answers with that card', async () => {
    const notFound = await ask({ name: 'ics', options: { name: 'Hertfordshir' } });
    expect(notFound.ephemeral).toBe(true);
    expect(firstEmbed(notFound).title).toBe('Not found');
    const rows = notFound.message.components as Array<{ components: Array<{ custom_id: string; label: string }> }>;
    const button = rows[0]?.components[0];
    expect(button?.custom_id).toMatch(/^v2:ics:/);

    const pressed = await answerTo(fake.injectButton({ customId: String(button?.custom_id) }));
    expect(firstEmbed(pressed).title).toBe(button?.label);
  });

  it('resumes after the gateway closes with 4000 and answers the next interaction', async () => {
    fake.closeGateway(4000);
    const answer = await ask({ name: 'ics', options: { name: 'Devon' } });
    expect(firstEmbed(answer).title).toBe('Devon');
    expect(fake.resumeCount).toBe(1);
    expect(fake.identifyCount).toBe(1);
  });

  it('sent nothing over any limit, with no mentions parsed, and never wrote its token out', () => {
    expect(fake.violations).toEqual([]);
    expect(bot.stdout() + bot.stderr()).not.toContain(TOKEN);
  });

  it('exits 0 on SIGTERM', async () => {
    bot.child.kill('SIGTERM');
    expect(await bot.closed).toEqual({ code: 0, signal: null });
    expect(bot.stderr()).toBe('');
  });
});

describe('the interaction handler on the real Client: slow replies and failures', () => {
  let client: Client;

  beforeAll(async () => {
    const app = await createApp();
    // The real router, except that /rank is slow (as a chart will be) and /compare fails (as a bug would).
    const router: Router = {
      ...app.router,
      async command(name, options) {
        if (name === 'compare') throw new Error('a handler bug');
        if (name === 'rank') await delay(DEFER_AFTER_MS + 300);
        return app.router.command(name, options);
      },
      async button(customId) {
        await delay(DEFER_AFTER_MS + 300);
        return app.router.button(customId);
      },
    };
    client = createClient(parseConfig(gatewayConfigSchema, botSettings));
    const delivery = createGatewayDelivery(router, createLogger('silent'), { apiBase: fake.apiBase });
    client.on(Events.InteractionCreate, (interaction) => void delivery.handle(interaction));
    const ready = once(client, Events.ClientReady);
    await client.login(TOKEN);
    await ready;
  });

  afterAll(async () => {
    await client?.destroy();
  });

  it('defers a reply slower than DEFER_AFTER_MS (hidden, as asked) and edits the reply in', async () => {
    const { id, token } = fake.injectCommand({ name: 'rank', options: { metric: 'deficit', hide: true } });
    const deferred = await fake.waitForCallback(id);
    expect(deferred).toMatchObject({ type: 5, data: { flags: EPHEMERAL } });
    const edit = await fake.waitFor((call) => call.method === 'PATCH' && call.path === `/webhooks/${APP_ID}/${token}/messages/@original`);
    expect(edit.status).toBe(200);
    expect(checkMessagePayload(edit.body, 'body')).toEqual([]);
    expect(edit.body).toMatchObject({ embeds: [{ title: expect.stringMatching(/highest 10/) }], allowed_mentions: { parse: [] } });
    expect(edit.files.map((file) => file.contentType)).toEqual(['image/png']);
  });

  it('defers a slow press of a button on a hidden reply as hidden, whatever the id says, and edits it in', async () => {
    const { id, token } = fake.injectButton({ customId: buttonId('ics', [code('devon')]), message: { flags: EPHEMERAL } });
    const deferred = await fake.waitForCallback(id);
    expect(deferred).toMatchObject({ type: 5, data: { flags: EPHEMERAL } });
    const edit = await fake.waitFor((call) => call.method === 'PATCH' && call.path === `/webhooks/${APP_ID}/${token}/messages/@original`);
    expect(edit.status).toBe(200);
    expect(edit.body).toMatchObject({ embeds: [{ title: 'Devon' }] });
  });

  it('defers a slow press of a button whose id says hidden as hidden', async () => {
    const { id } = fake.injectButton({ customId: buttonId('ics', [code('devon')], { hide: true }) });
    expect(await fake.waitForCallback(id)).toMatchObject({ type: 5, data: { flags: EPHEMERAL } });
  });

  it('answers a failing handler with an ephemeral apology, and keeps serving', async () => {
    const failed = fake.injectCommand({ name: 'compare', options: { first: 'Devon', second: 'Somerset' } });
    const apology = await fake.waitForCallback(failed.id);
    expect(checkInteractionResponse(apology.call.body)).toEqual([]);
    expect(apology).toMatchObject({ type: 4, data: { content: APOLOGY, flags: EPHEMERAL, allowed_mentions: { parse: [] } } });
    const next = fake.injectCommand({ name: 'ics', options: { name: 'Devon' } });
    expect((await fake.waitForCallback(next.id)).type).toBe(4);
  });
});

describe('shard settings for one process', () => {
  function shardOptions(settings: Record<string, string>) {
    const client = createClient(parseConfig(gatewayConfigSchema, { ...botSettings, ...settings }));
    const { shards, shardCount } = client.options;
    void client.destroy();
    return { shards, shardCount };
  }

  it('runs the shards Discord recommends by default, or the range DISCORD_SHARD_IDS of DISCORD_SHARD_COUNT', () => {
    expect(shardOptions({}).shards).toBe('auto');
    expect(shardOptions({ DISCORD_SHARD_IDS: '2,3', DISCORD_SHARD_COUNT: '6' })).toEqual({ shards: [2, 3], shardCount: 6 });
    expect(shardOptions({ DISCORD_SHARD_COUNT: '2' })).toEqual({ shards: [0, 1], shardCount: 2 });
    expect(() => shardOptions({ DISCORD_SHARD_IDS: '2,3' })).toThrow(/DISCORD_SHARD_COUNT is required when DISCORD_SHARD_IDS is set/);
    expect(() => shardOptions({ DISCORD_SHARD_IDS: '6', DISCORD_SHARD_COUNT: '6' })).toThrow(/DISCORD_SHARD_IDS must list ids below/);
  });
});

describe('npm run start:sharded', () => {
  it('spawns the shards Discord recommends, each serving interactions, and stops them all on SIGTERM', async () => {
    const identified = fake.identifyCount;
    const manager = run('src/discord/sharded.ts', botSettings);
    await vi.waitFor(() => {
      if (manager.child.exitCode !== null) throw new Error(`the manager exited early:\n${manager.stderr()}`);
      expect(fake.identifyCount).toBe(identified + 1);
    }, PROCESS_WAIT);
    // The fake recommends one shard; the manager spawned it as shard 0 of 1.
    expect(fake.identifies.at(-1)).toMatchObject({ shard: [0, 1] });

    const { id } = fake.injectCommand({ name: 'ics', options: { name: 'Devon' } });
    const answer = await fake.waitForCallback(id);
    expect(checkInteractionResponse(answer.call.body)).toEqual([]);

    const pid = manager.child.pid ?? -1;
    manager.child.kill('SIGTERM');
    expect(await manager.exited).toEqual({ code: 0, signal: null });
    // The shard processes share the manager's process group: none may outlive it.
    await vi.waitFor(() => expect(processGroupAlive(pid)).toBe(false), PROCESS_WAIT);
  });
});

describe('refusing to start, with one clear line and a non-zero exit', () => {
  async function refusal(settings: Record<string, string>): Promise<{ code: number | null; stderr: string }> {
    const bot = run('src/main.ts', settings);
    const { code } = await bot.closed;
    return { code, stderr: bot.stderr() };
  }

  it('names DISCORD_APPLICATION_ID when it is missing, and how to get it', async () => {
    const { DISCORD_APPLICATION_ID: _omitted, ...settings } = botSettings;
    const { code, stderr } = await refusal(settings);
    expect(code).not.toBe(0);
    expect(stderr).toMatch(/^Refusing to start: DISCORD_APPLICATION_ID is missing — Discord developer portal .*\n$/);
  });

  it('names DISCORD_TOKEN when it is malformed, without echoing it', async () => {
    const { code, stderr } = await refusal({ ...botSettings, DISCORD_TOKEN: 'not-a-bot-token' });
    expect(code).not.toBe(0);
    expect(stderr).toMatch(/^Refusing to start: DISCORD_TOKEN does not look like a bot token.*\n$/);
    expect(stderr).not.toContain('not-a-bot-token');
  });

  it('explains a token Discord rejects (401), without a stack trace or the token', async () => {
    const { code, stderr } = await refusal({ ...botSettings, DISCORD_TOKEN: WRONG_TOKEN });
    expect(code).not.toBe(0);
    expect(stderr).toMatch(/^Refusing to start: Discord rejected DISCORD_TOKEN \(401 Unauthorized\)\. Reset the token .*\n$/);
    expect(stderr).not.toMatch(STACK_LINE);
    expect(stderr).not.toContain(WRONG_TOKEN);
    expect(fake.calls.filter((call) => call.status === 401).map((call) => `${call.method} ${call.path}`)).toEqual(['GET /gateway/bot']);
  });
});
