// The fake Discord tested the only way that matters: a real discord.js Client logs in to it, receives
// interactions and answers them; a REST-only script registers commands; raw sockets probe the protocol edges.
import { once } from 'node:events';
import {
  ActionRowBuilder,
  ButtonBuilder,
  ButtonStyle,
  Client,
  DiscordAPIError,
  EmbedBuilder,
  Events,
  GatewayIntentBits,
  MessageFlags,
  REST,
  Routes,
  SlashCommandBuilder,
  type Interaction,
  type Message,
} from 'discord.js';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { WebSocket } from 'ws';
import { DISCORD_LIMITS, checkInteractionResponse, checkMessagePayload } from './limits.ts';
import { TEST_GUILD_ID, TEST_USER } from './payloads.ts';
import { startFakeDiscord, type FakeDiscord } from './server.ts';

const TOKEN = 'fake-bot-token.for-loopback-tests.only';
const APP_ID = '1100000000000000100';
const NO_MENTIONS = { parse: [] };
const SYSTEMS = Array.from({ length: 30 }, (_, index) => `System ${String(index + 1).padStart(2, '0')}`);
/** A PNG signature and a few bytes: enough for discord.js to sniff image/png. */
const PNG_BYTES = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(120)]);

const COMMANDS = [
  new SlashCommandBuilder()
    .setName('rank')
    .setDescription('Rank systems by a measure')
    .addStringOption((option) => option.setName('metric').setDescription('What to rank by').setRequired(true).addChoices({ name: 'Deficit', value: 'deficit' }))
    .addIntegerOption((option) => option.setName('count').setDescription('How many to show'))
    .addNumberOption((option) => option.setName('above').setDescription('Only systems above this share'))
    .toJSON(),
  new SlashCommandBuilder()
    .setName('ics')
    .setDescription('One system')
    .addStringOption((option) => option.setName('name').setDescription('System name').setRequired(true).setAutocomplete(true))
    .toJSON(),
  new SlashCommandBuilder().setName('chart').setDescription('A chart, deferred').toJSON(),
];

/** The bot under test, in miniature: every kind of answer the real bot gives, each with no mentions parsed. */
async function answer(interaction: Interaction, fetchedReplies: Message[]): Promise<void> {
  // Replies from DMs ask for the created message back (with_response=true) to exercise that route too.
  if (interaction.isAutocomplete()) {
    const typed = interaction.options.getFocused().toLowerCase();
    const matches = SYSTEMS.filter((name) => name.toLowerCase().includes(typed)).slice(0, DISCORD_LIMITS.choices);
    await interaction.respond(matches.map((name) => ({ name, value: name })));
  } else if (interaction.isButton()) {
    if (interaction.customId.startsWith('ignore:')) return;
    await interaction.update({ content: `More for ${interaction.customId}`, embeds: [], components: [], allowedMentions: NO_MENTIONS });
  } else if (interaction.isChatInputCommand() && interaction.commandName === 'chart') {
    await interaction.deferReply();
    await interaction.editReply({ content: 'Chart', files: [{ attachment: PNG_BYTES, name: 'chart.png' }], allowedMentions: NO_MENTIONS });
    await interaction.followUp({ content: 'Source: test', flags: MessageFlags.Ephemeral, allowedMentions: NO_MENTIONS });
    fetchedReplies.push(await interaction.fetchReply());
  } else if (interaction.isChatInputCommand()) {
    const metric = interaction.options.getString('metric', true);
    const count = interaction.options.getInteger('count') ?? 10;
    // getNumber throws unless the option arrived as NUMBER (10): an integer value must not make it INTEGER.
    const above = interaction.options.getNumber('above');
    const where = interaction.inGuild() ? `guild ${interaction.guildId}` : 'DM';
    const embed = new EmbedBuilder()
      .setTitle(`Top ${count} by ${metric}${above === null ? '' : ` above ${above}`}`)
      .setDescription(`Asked by <@${interaction.user.id}> in ${where}`)
      .setFooter({ text: 'Source: test data' });
    const more = new ActionRowBuilder<ButtonBuilder>().addComponents(
      new ButtonBuilder().setCustomId(`more:${metric}`).setLabel('More').setStyle(ButtonStyle.Secondary),
    );
    const options = { embeds: [embed], components: [more], allowedMentions: NO_MENTIONS };
    if (interaction.inGuild()) {
      await interaction.reply(options);
    } else {
      const response = await interaction.reply({ ...options, withResponse: true });
      if (response.resource?.message) fetchedReplies.push(response.resource.message);
    }
  }
}

describe('a real discord.js Client against the fake', () => {
  let fake: FakeDiscord;
  let client: Client;
  const handlerErrors: unknown[] = [];
  const clientErrors: unknown[] = [];
  const fetchedReplies: Message[] = [];

  beforeAll(async () => {
    fake = await startFakeDiscord({ token: TOKEN, applicationId: APP_ID, heartbeatIntervalMs: 1000 });
    const rest = new REST({ api: fake.apiBase }).setToken(TOKEN);
    await rest.put(Routes.applicationCommands(APP_ID), { body: COMMANDS });
    client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: fake.apiBase } });
    client.on(Events.InteractionCreate, (interaction) => {
      answer(interaction, fetchedReplies).catch((error: unknown) => handlerErrors.push(error));
    });
    client.on(Events.Error, (error) => clientErrors.push(error));
    const ready = once(client, Events.ClientReady);
    await client.login(TOKEN);
    await ready;
  });

  afterAll(async () => {
    await client?.destroy();
    await fake?.stop();
  });

  it('logs in: gateway URL from GET /gateway/bot, one IDENTIFY with the Guilds intent, uncompressed JSON', () => {
    const gatewayBot = fake.calls.find((call) => call.path === '/gateway/bot');
    expect(gatewayBot).toMatchObject({ method: 'GET', authorization: `Bot ${TOKEN}`, status: 200 });
    expect(fake.gatewayConnections).toEqual([{ v: '10', encoding: 'json' }]);
    expect(fake.identifyCount).toBe(1);
    expect(fake.identifies[0]).toMatchObject({ token: TOKEN, intents: GatewayIntentBits.Guilds, shard: [0, 1], compress: false });
    expect(client.user?.id).toBe(APP_ID);
    expect(client.application?.id).toBe(APP_ID);
  });

  it('delivers a slash command whose options are typed from the registered definition, and records the reply', async () => {
    const { id, payload } = fake.injectCommand({ name: 'rank', options: { metric: 'deficit', count: 5, above: 2 } });
    expect(payload.data).toMatchObject({ options: [{ type: 3 }, { type: 4 }, { type: 10 }] });
    const callback = await fake.waitForCallback(id);
    expect(callback.call.authorization).toBeNull();
    expect(callback.call.query).toEqual({ with_response: 'false' });
    expect(callback.type).toBe(4);
    expect(callback.data).toMatchObject({
      embeds: [
        {
          title: 'Top 5 by deficit above 2',
          description: `Asked by <@${TEST_USER.id}> in guild ${TEST_GUILD_ID}`,
          footer: { text: 'Source: test data' },
        },
      ],
      components: [{ type: 1, components: [{ type: 2, custom_id: 'more:deficit', label: 'More' }] }],
      allowed_mentions: { parse: [] },
    });
    expect(handlerErrors).toEqual([]);
  });

  it('delivers a command from a DM (no guild, user at top level)', async () => {
    const { id } = fake.injectCommand({ name: 'rank', dm: true, options: { metric: 'deficit' } });
    const callback = await fake.waitForCallback(id);
    expect(callback.data).toMatchObject({ embeds: [{ description: `Asked by <@${TEST_USER.id}> in DM` }] });
    expect(callback.call).toMatchObject({ status: 200, query: { with_response: 'true' } });
    await vi.waitFor(() => expect(fetchedReplies).toHaveLength(1));
    expect(fetchedReplies.pop()?.embeds[0]?.title).toBe('Top 10 by deficit');
  });

  it('delivers an autocomplete and records the respond() choices', async () => {
    const { id } = fake.injectAutocomplete({ name: 'ics', focused: { name: 'name', value: 'system 1' } });
    const callback = await fake.waitForCallback(id);
    expect(callback.type).toBe(8);
    expect(callback.data?.choices).toEqual(Array.from({ length: 10 }, (_, index) => `System ${10 + index}`).map((name) => ({ name, value: name })));
  });

  it('delivers a button press answered with update()', async () => {
    const { id } = fake.injectButton({ customId: 'more:deficit' });
    const callback = await fake.waitForCallback(id);
    expect(callback.type).toBe(7);
    expect(callback.data).toMatchObject({ content: 'More for more:deficit', embeds: [], components: [], allowed_mentions: { parse: [] } });
  });

  it('serves deferred replies: multipart edit of @original, a follow-up, and fetching the reply back', async () => {
    const { id, token } = fake.injectCommand({ name: 'chart' });
    const deferred = await fake.waitForCallback(id);
    expect(deferred.type).toBe(5);
    const edit = await fake.waitFor((call) => call.method === 'PATCH' && call.path === `/webhooks/${APP_ID}/${token}/messages/@original`);
    expect(edit.status).toBe(200);
    expect(edit.files).toEqual([{ field: 'files[0]', name: 'chart.png', size: PNG_BYTES.length, contentType: 'image/png' }]);
    expect(edit.body).toMatchObject({ content: 'Chart', allowed_mentions: { parse: [] } });
    const followUp = await fake.waitFor((call) => call.method === 'POST' && call.path === `/webhooks/${APP_ID}/${token}`);
    expect(followUp).toMatchObject({ status: 200, query: { wait: 'true' }, body: { content: 'Source: test', flags: MessageFlags.Ephemeral } });
    await vi.waitFor(() => expect(fetchedReplies).toHaveLength(1));
    expect(fetchedReplies[0]?.content).toBe('Chart');
    expect(fetchedReplies[0]?.attachments.first()).toMatchObject({ name: 'chart.png', size: PNG_BYTES.length });
    expect(handlerErrors).toEqual([]);
  });

  it('acknowledges heartbeats', async () => {
    await vi.waitFor(() => expect(fake.heartbeatCount).toBeGreaterThan(0), { timeout: 3000 });
    await vi.waitFor(() => expect(client.ws.ping).toBeGreaterThanOrEqual(0), { timeout: 3000 });
  });

  it('resumes after close code 4000, replays the interaction sent while down, and stays live', async () => {
    fake.closeGateway(4000);
    const missed = fake.injectCommand({ name: 'rank', options: { metric: 'deficit' } });
    expect((await fake.waitForCallback(missed.id)).type).toBe(4);
    const after = fake.injectCommand({ name: 'rank', options: { metric: 'deficit', count: 3 } });
    expect((await fake.waitForCallback(after.id)).data).toMatchObject({ embeds: [{ title: 'Top 3 by deficit' }] });
    expect(fake.resumeCount).toBe(1);
    expect(fake.identifyCount).toBe(1);
    expect(fake.connectedCount).toBe(2);
  });

  it('found no limit violations in anything the bot sent, and the client raised no errors', () => {
    expect(fake.violations).toEqual([]);
    expect(handlerErrors).toEqual([]);
    expect(clientErrors).toEqual([]);
  });
});

describe('login with a wrong token', () => {
  it('rejects login with TokenInvalid after a 401, without hanging or an error event', async () => {
    const fake = await startFakeDiscord({ token: TOKEN, applicationId: APP_ID });
    const client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: fake.apiBase } });
    const errors: unknown[] = [];
    client.on(Events.Error, (error) => errors.push(error));
    try {
      await expect(client.login('not-the-token')).rejects.toMatchObject({ code: 'TokenInvalid' });
      expect(fake.calls.map((call) => `${call.method} ${call.path} ${call.status}`)).toEqual(['GET /gateway/bot 401']);
      expect(fake.connectedCount).toBe(0);
      expect(errors).toEqual([]);
    } finally {
      await client.destroy();
      await fake.stop();
    }
  });
});

describe('command registration over REST only', () => {
  let fake: FakeDiscord;
  let rest: REST;

  beforeAll(async () => {
    fake = await startFakeDiscord({ token: TOKEN, applicationId: APP_ID });
    rest = new REST({ api: fake.apiBase }).setToken(TOKEN);
  });
  afterAll(() => fake.stop());

  it('bulk-overwrites: ids returned, an identical second PUT keeps ids and versions, a change bumps the version', async () => {
    type Stored = { id: string; version: string; name: string; application_id: string };
    const first = (await rest.put(Routes.applicationCommands(APP_ID), { body: COMMANDS })) as Stored[];
    expect(first.map((command) => command.name)).toEqual(['rank', 'ics', 'chart']);
    expect(first.every((command) => /^\d{17,20}$/.test(command.id) && command.application_id === APP_ID)).toBe(true);
    const second = (await rest.put(Routes.applicationCommands(APP_ID), { body: COMMANDS })) as Stored[];
    expect(second.map(({ id, version }) => ({ id, version }))).toEqual(first.map(({ id, version }) => ({ id, version })));
    expect(await rest.get(Routes.applicationCommands(APP_ID))).toEqual(second);

    const changed = [{ ...COMMANDS[0], description: 'Rank systems, changed' }];
    const [rank] = (await rest.put(Routes.applicationCommands(APP_ID), { body: changed })) as Stored[];
    expect(rank?.id).toBe(first[0]?.id);
    expect(rank?.version).not.toBe(first[0]?.version);
    expect(fake.registeredCommands().map((command) => command.name)).toEqual(['rank']);
  });

  it('keeps guild commands apart from global ones', async () => {
    await rest.put(Routes.applicationGuildCommands(APP_ID, TEST_GUILD_ID), { body: [COMMANDS[2]] });
    expect(fake.registeredCommands(TEST_GUILD_ID).map((command) => command.name)).toEqual(['chart']);
    expect(fake.registeredCommands().map((command) => command.name)).not.toContain('chart');
  });

  it('refuses what Discord refuses: an upper-case name gets 400 Invalid Form Body', async () => {
    const bad = [{ ...COMMANDS[1], name: 'ICS' }];
    const error = await rest.put(Routes.applicationCommands(APP_ID), { body: bad }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(DiscordAPIError);
    expect(error).toMatchObject({ status: 400, code: 50035 });
  });

  it("serves the bot's own user and application", async () => {
    expect(await rest.get(Routes.user())).toMatchObject({ id: APP_ID, bot: true });
    expect(await rest.get(Routes.currentApplication())).toMatchObject({ id: APP_ID });
  });

  it("answers a wrong bot token with Discord's 401 JSON", async () => {
    const response = await fetch(`${fake.apiBase}/v10/applications/${APP_ID}/commands`, {
      headers: { authorization: 'Bot not-the-token' },
    });
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ message: '401: Unauthorized', code: 0 });
    const wrong = new REST({ api: fake.apiBase }).setToken('not-the-token');
    await expect(wrong.get(Routes.user())).rejects.toMatchObject({ status: 401, code: 0, message: '401: Unauthorized' });
  });
});

/** A bare gateway client, to see the fake's protocol without discord.js in between. */
async function rawGateway(url: string) {
  const socket = new WebSocket(url);
  const packets: Record<string, unknown>[] = [];
  socket.on('message', (data) => packets.push(JSON.parse(data.toString()) as Record<string, unknown>));
  const closed = once(socket, 'close').then(([code]) => code as number);
  await once(socket, 'open');
  const next = async (predicate: (packet: Record<string, unknown>) => boolean) => {
    await vi.waitFor(() => expect(packets.some(predicate)).toBe(true), { timeout: 2000 });
    return packets.find(predicate) as Record<string, unknown>;
  };
  return { socket, packets, closed, next, send: (packet: unknown) => socket.send(JSON.stringify(packet)) };
}

describe('the gateway and interaction routes, spoken to directly', () => {
  let fake: FakeDiscord;

  beforeAll(async () => {
    fake = await startFakeDiscord({ token: TOKEN, applicationId: APP_ID, heartbeatIntervalMs: 45_000 });
  });
  afterAll(() => fake.stop());

  it('closes with 4004 on an IDENTIFY with the wrong token, and 4012 on an unsupported API version', async () => {
    const wrong = await rawGateway(`${fake.gatewayUrl}?v=10&encoding=json`);
    expect(await wrong.next((packet) => packet.op === 10)).toMatchObject({ d: { heartbeat_interval: 45_000 } });
    wrong.send({ op: 2, d: { token: 'not-the-token', intents: 1, properties: {}, shard: [0, 1] } });
    expect(await wrong.closed).toBe(4004);
    const oldVersion = await rawGateway(`${fake.gatewayUrl}?v=9&encoding=json`);
    expect(await oldVersion.closed).toBe(4012);
    expect(() => fake.injectCommand({ name: 'rank' })).toThrow(/no gateway session/);
  });

  it('sends a Discord-shaped INTERACTION_CREATE, records limit violations, and refuses a second or unknown callback', async () => {
    const gateway = await rawGateway(`${fake.gatewayUrl}?v=10&encoding=json`);
    gateway.send({ op: 2, d: { token: TOKEN, intents: 1, properties: {}, shard: [0, 1] } });
    const ready = await gateway.next((packet) => packet.t === 'READY');
    expect(ready).toMatchObject({ op: 0, s: 1, d: { v: 10, guilds: [], resume_gateway_url: fake.gatewayUrl, application: { id: APP_ID } } });

    const { id, token } = fake.injectCommand({ name: 'rank', options: { metric: 'deficit' } });
    const dispatch = await gateway.next((packet) => packet.t === 'INTERACTION_CREATE');
    expect(dispatch).toMatchObject({
      op: 0,
      s: 2,
      d: {
        id,
        token,
        type: 2,
        application_id: APP_ID,
        version: 1,
        guild_id: TEST_GUILD_ID,
        context: 0,
        entitlements: [],
        authorizing_integration_owners: { '0': TEST_GUILD_ID },
        member: { user: { id: TEST_USER.id } },
        data: { name: 'rank', type: 1, options: [{ name: 'metric', type: 3, value: 'deficit' }] },
      },
    });

    const callbackUrl = `${fake.apiBase}/v10/interactions/${id}/${token}/callback`;
    const post = (url: string, body: unknown) => fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const invalid = await post(callbackUrl, { type: 4, data: { content: 'x'.repeat(2001) } });
    expect(invalid.status).toBe(400);
    expect(await invalid.json()).toMatchObject({ message: 'Invalid Form Body', code: 50035, errors: expect.any(Object) });
    expect(fake.violations.map((violation) => violation.problem)).toEqual([
      'data.content: 2001 characters > 2000',
      'data.allowed_mentions: missing (must be { parse: [] })',
      "body.data.content: too_big (Discord's OpenAPI spec)",
    ]);
    expect(fake.violations[0]?.call).toBe(`POST /interactions/${id}/${token}/callback`);
    fake.clearViolations();

    // What the spec alone refuses (a 1,047-character field, as /help once sent) is refused the same way.
    const offSpec = await post(callbackUrl, {
      type: 4,
      data: { embeds: [{ title: 'Help', fields: [{ name: 'How to ask', value: 'x'.repeat(1047) }] }], allowed_mentions: { parse: [] } },
    });
    expect(offSpec.status).toBe(400);
    fake.clearViolations();

    // A refused answer acknowledged nothing: a valid one is still accepted.
    expect((await post(callbackUrl, { type: 4, data: { content: 'ok', allowed_mentions: { parse: [] } } })).status).toBe(204);

    const again = await post(callbackUrl, { type: 4, data: { content: 'again', allowed_mentions: { parse: [] } } });
    expect(again.status).toBe(400);
    expect(await again.json()).toEqual({ message: 'Interaction has already been acknowledged.', code: 40060 });
    const unknown = await post(`${fake.apiBase}/v10/interactions/${id}/made-up-token/callback`, { type: 1 });
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toEqual({ message: 'Unknown interaction', code: 10062 });
    gateway.socket.close();
  });
});

describe('limits.ts', () => {
  const reply = (data: Record<string, unknown>) => ({ type: 4, data: { allowed_mentions: { parse: [] }, ...data } });

  it('counts the 6,000 characters across all embeds of a message, not per embed', () => {
    const embeds = (second: number) => [{ description: 'a'.repeat(4096) }, { description: 'b'.repeat(second) }];
    expect(checkInteractionResponse(reply({ embeds: embeds(1904) }))).toEqual([]);
    expect(checkInteractionResponse(reply({ embeds: embeds(1905) }))).toEqual(['data.embeds: 6001 characters across all embeds > 6000']);
  });

  it('requires allowed_mentions with an empty parse on every message-carrying response, and only there', () => {
    expect(checkInteractionResponse({ type: 4, data: { content: 'hi' } })).toEqual(['data.allowed_mentions: missing (must be { parse: [] })']);
    expect(checkInteractionResponse({ type: 7, data: { content: 'hi', allowed_mentions: { parse: ['users'] } } })).toEqual([
      'data.allowed_mentions.parse: must be an empty array, got ["users"]',
    ]);
    expect(checkMessagePayload({ content: 'follow-up' }, 'body')).toEqual(['body.allowed_mentions: missing (must be { parse: [] })']);
    expect(checkInteractionResponse({ type: 5, data: { flags: 64 } })).toEqual([]);
  });

  it('allows 25 autocomplete choices of up to 100 characters and flags 26, or a longer name', () => {
    const choices = (count: number) => Array.from({ length: count }, (_, index) => ({ name: `n${index}`, value: `v${index}` }));
    expect(checkInteractionResponse({ type: 8, data: { choices: choices(25) } })).toEqual([]);
    expect(checkInteractionResponse({ type: 8, data: { choices: choices(26) } })).toEqual(['data.choices: 26 items > 25']);
    expect(checkInteractionResponse({ type: 8, data: { choices: [{ name: 'n'.repeat(101), value: 1 }] } })).toEqual([
      'data.choices[0].name: 101 characters > 100',
    ]);
  });

  it('checks each embed part, and components: rows, buttons per row, custom_id and label', () => {
    const embed = {
      title: 't'.repeat(257),
      fields: Array.from({ length: 26 }, () => ({ name: 'n', value: 'v' })),
      footer: { text: 'f'.repeat(2049) },
      author: { name: 'a'.repeat(257) },
    };
    expect(checkInteractionResponse(reply({ embeds: [embed] }))).toEqual([
      'data.embeds[0].title: 257 characters > 256',
      'data.embeds[0].fields: 26 items > 25',
      'data.embeds[0].footer.text: 2049 characters > 2048',
      'data.embeds[0].author.name: 257 characters > 256',
    ]);
    const button = (customId: string, label = 'ok') => ({ type: 2, style: 2, custom_id: customId, label });
    const row = { type: 1, components: Array.from({ length: 6 }, (_, index) => button(`b${index}`)) };
    const problems = checkInteractionResponse(
      reply({ components: [row, row, row, row, row, { type: 1, components: [button('c'.repeat(101), 'l'.repeat(81))] }] }),
    );
    expect(problems).toContain('data.components: 6 items > 5');
    expect(problems).toContain('data.components[0].components (buttons): 6 items > 5');
    expect(problems).toContain('data.components[5].components[0].custom_id: 101 characters > 100');
    expect(problems).toContain('data.components[5].components[0].label: 81 characters > 80');
  });
});
