// Questions end to end: /ask, an @mention, a DM and the message command, answered by the real discord.js Client
// against the loopback fake Discord; a message that does not mention the bot is left alone, and a second question
// inside the cooldown gets a short note. Every reply passes the fake's limits oracle.
import { once } from 'node:events';
import { Events, type APIUser, type Client } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gatewayConfigSchema, parseConfig } from '../../src/config/config.ts';
import { createApp } from '../../src/core/app.ts';
import { createLogger } from '../../src/core/logger.ts';
import { createClient } from '../../src/discord/client.ts';
import { deployCommands } from '../../src/discord/deploy.ts';
import { createGatewayDelivery } from '../../src/discord/interactions.ts';
import { answerMessages, COOLDOWN_NOTE } from '../../src/discord/message-answers.ts';
import { MESSAGE_COMMAND_NAME } from '../../src/questions/message-command.ts';
import { TEST_DM_CHANNEL_ID } from '../fake-discord/messages.ts';
import { TEST_CHANNEL_ID } from '../fake-discord/payloads.ts';
import type { RecordedCall } from '../fake-discord/recorder.ts';
import { startFakeDiscord, type FakeDiscord } from '../fake-discord/server.ts';

const TOKEN = 'MTEwMDAwMDAwMDAwMDAwMDEwMA.GfakeT.loopback-questions-token-not-real';
const APP_ID = '1100000000000000100';
const GUILD_MESSAGES = 1 << 9;
const DIRECT_MESSAGES = 1 << 12;
const MESSAGE_CONTENT = 1 << 15;

let userCount = 0;
/** A fresh user per test, so one test's cooldown never decides another's answer. */
function newUser(): APIUser {
  userCount += 1;
  return { id: `12000000000000000${String(userCount).padStart(2, '0')}`, username: `reader${userCount}`, discriminator: '0', global_name: null, avatar: null };
}

interface SentMessage {
  content?: string;
  embeds?: unknown[];
  message_reference?: { message_id?: string };
  allowed_mentions?: { parse?: string[]; replied_user?: boolean };
}

const sentTo = (channelId: string) => (call: RecordedCall) => call.method === 'POST' && call.path === `/channels/${channelId}/messages`;
const replyTo = (messageId: string) => (call: RecordedCall) => (call.body as SentMessage | undefined)?.message_reference?.message_id === messageId;

let fake: FakeDiscord;
let client: Client;

beforeAll(async () => {
  fake = await startFakeDiscord({ token: TOKEN, applicationId: APP_ID });
  const settings = { DISCORD_TOKEN: TOKEN, DISCORD_APPLICATION_ID: APP_ID, DISCORD_API_BASE: fake.apiBase, LOG_LEVEL: 'warn' };
  await deployCommands({ ...settings, DISCORD_GUILD_ID: undefined, LOG_LEVEL: 'warn' });
  const app = await createApp();
  client = createClient(parseConfig(gatewayConfigSchema, settings));
  const logger = createLogger('silent');
  const delivery = createGatewayDelivery(app.router, logger, { apiBase: fake.apiBase });
  client.on(Events.InteractionCreate, (interaction) => void delivery.handle(interaction));
  answerMessages(client, app.ctx, logger);
  const ready = once(client, Events.ClientReady);
  await client.login(TOKEN);
  await ready;
  const guild = once(client, Events.GuildCreate);
  fake.injectGuild();
  await guild;
});

afterAll(async () => {
  await client?.destroy();
  await fake?.stop();
});

describe('questions over the gateway', () => {
  it('asks only for the unprivileged message intents, and registers /ask and the message command', () => {
    const intents = Number(fake.identifies.at(-1)?.intents);
    expect(intents & GUILD_MESSAGES).toBe(GUILD_MESSAGES);
    expect(intents & DIRECT_MESSAGES).toBe(DIRECT_MESSAGES);
    expect(intents & MESSAGE_CONTENT).toBe(0);
    const registered = fake.registeredCommands();
    expect(registered.find((c) => c.name === 'ask')?.type).toBe(1);
    expect(registered.find((c) => c.name === MESSAGE_COMMAND_NAME)?.type).toBe(3);
  });

  it('answers /ask with the figure first and how it was read', async () => {
    const { id } = fake.injectCommand({ name: 'ask', options: { question: "what's the deficit in Kent?" } });
    const callback = await fake.waitForCallback(id);
    expect(callback.type).toBe(4);
    const content = String(callback.data?.content);
    expect(content).toMatch(/^Kent and Medway reported a deficit of £85m for 2022\/23/);
    expect(content).toContain('Read as: deficit · 2022/23 · Kent and Medway');
    expect(callback.data?.allowed_mentions).toEqual({ parse: [] });
  });

  it('answers an @mention in a server as a reply to the message, pinging no one', async () => {
    const id = fake.injectMessage({ content: 'which London ICS spends least per head?', mentionsBot: true, author: newUser() });
    const call = await fake.waitFor((c) => sentTo(TEST_CHANNEL_ID)(c) && replyTo(id)(c));
    const body = call.body as SentMessage;
    expect(body.content).toMatch(/^North West London has the lowest spend per head in London: £1,363/);
    expect(body.allowed_mentions).toEqual({ parse: [], replied_user: false });
    expect(body.embeds?.length).toBe(1);
  });

  it('answers any message in a DM', async () => {
    const id = fake.injectMessage({ content: 'what happened to Frimley ICB?', dm: true, author: newUser() });
    const call = await fake.waitFor((c) => sentTo(TEST_DM_CHANNEL_ID)(c) && replyTo(id)(c));
    expect((call.body as SentMessage).content).toMatch(/^Frimley: Abolished/);
  });

  it('answers the message command with the right-clicked message read as a question', async () => {
    const { id } = fake.injectMessageCommand({ name: MESSAGE_COMMAND_NAME, targetContent: 'is Devon spending more per head than Somerset??' });
    const callback = await fake.waitForCallback(id);
    expect(callback.type).toBe(4);
    expect(String(callback.data?.content)).toContain('Read as: comparison · spend per head · 2022/23 · Devon vs Somerset');
  });

  it('leaves alone a message that does not mention the bot, and an @everyone', async () => {
    const quiet = fake.injectMessage({ content: 'what is the deficit in Kent?', author: newUser() });
    const everyone = fake.injectMessage({ content: '@everyone what is the deficit in Kent?', mentionsEveryone: true, author: newUser() });
    // Gateway events are handled in order: once a later mention is answered, the earlier messages have been seen.
    const later = fake.injectMessage({ content: 'deficit in Devon', mentionsBot: true, author: newUser() });
    await fake.waitFor((c) => replyTo(later)(c));
    expect(fake.calls.filter((c) => replyTo(quiet)(c) || replyTo(everyone)(c))).toEqual([]);
  });

  it('answers one question per user inside the cooldown, with a short note for the next', async () => {
    const user = newUser();
    const first = fake.injectMessage({ content: 'deficit in Dorset', mentionsBot: true, author: user });
    const second = fake.injectMessage({ content: 'deficit in Somerset', mentionsBot: true, author: user });
    const firstReply = await fake.waitFor((c) => replyTo(first)(c));
    const secondReply = await fake.waitFor((c) => replyTo(second)(c));
    expect((firstReply.body as SentMessage).content).toMatch(/^Dorset/);
    expect((secondReply.body as SentMessage).content).toBe(COOLDOWN_NOTE);
    expect((secondReply.body as SentMessage).allowed_mentions).toEqual({ parse: [], replied_user: false });
  });

  it('kept every reply within Discord limits', () => {
    expect(fake.violations).toEqual([]);
  });
});
