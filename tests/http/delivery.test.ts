// Replies that cannot ride on the inline HTTP answer, delivered through Discord's REST routes on DISCORD_API_BASE
// (here the loopback fake): files through the interaction callback (then 202 to Discord's POST), and slow replies as a
// deferred answer (type 5) followed by an edit of @original, with files as multipart/form-data. Also: graceful shutdown.
import { SlashCommandBuilder } from 'discord.js';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { WebSocket } from 'ws';
import { createApp, type App } from '../../src/core/app.ts';
import type { CommandModule } from '../../src/core/command.ts';
import { getDataset } from '../../src/data/load.ts';
import { reply, type Reply } from '../../src/protocol/reply.ts';
import { startFakeDiscord, type FakeDiscord } from '../fake-discord/server.ts';
import { APP_ID, TOKEN, makeKeyPair, openListener, postSigned, registerCommands, startServer, type Running } from './support.ts';

/** A PNG signature and some bytes: what a chart attachment looks like on the wire. */
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(2048, 7)]);

function chartReply(ephemeral: boolean): Reply {
  return reply({
    ephemeral,
    embeds: [{ title: 'Chart', image: { url: 'attachment://chart.png' } }],
    files: [{ name: 'chart.png', data: PNG, description: 'A bar chart of test figures' }],
  });
}

/** A reply the test releases when it is ready: how a slow chart looks from outside, without timing anything. */
class Gate {
  private release: (value: Reply) => void = () => undefined;
  private readonly entered: Array<() => void> = [];
  pending: Promise<Reply> | undefined;
  open(value: Reply): void {
    this.release(value);
  }
  wait(): Promise<Reply> {
    this.pending = new Promise<Reply>((resolve) => (this.release = resolve));
    for (const notify of this.entered.splice(0)) notify();
    return this.pending;
  }
  whenEntered(): Promise<void> {
    return this.pending !== undefined ? Promise.resolve() : new Promise((resolve) => this.entered.push(resolve));
  }
  reset(): void {
    this.pending = undefined;
  }
}

const gate = new Gate();
const definition = (name: string) =>
  new SlashCommandBuilder()
    .setName(name)
    .setDescription(`test command ${name}`)
    .addBooleanOption((o) => o.setName('hide').setDescription('ephemeral'))
    .toJSON();
const commands = new Map<string, CommandModule>([
  ['chart', { definition: definition('chart'), run: (options) => chartReply(options['hide'] === true) }],
  ['slow', { definition: definition('slow'), run: () => gate.wait(), button: () => gate.wait() }],
]);

const keys = makeKeyPair();
let app: App;
let fake: FakeDiscord;
let listener: WebSocket;
let server: Running;

beforeAll(async () => {
  app = await createApp({ commands, data: getDataset() });
  fake = await startFakeDiscord({ token: TOKEN, applicationId: APP_ID });
  await registerCommands(fake, app);
  listener = await openListener(fake);
  // A short defer threshold: the gate, not the clock, decides that the reply is late.
  server = await startServer({ app, publicKey: keys.publicKeyHex, apiBase: fake.apiBase, deferAfterMs: 20, metricsRoute: 'open' });
});

afterEach(() => gate.reset());

afterAll(async () => {
  await server?.http.close();
  listener?.close();
  await fake?.stop();
});

/** What Discord does with an inline answer: it becomes the interaction's callback. Here the test hands it to the fake. */
async function forwardInline(id: string, token: string, body: unknown): Promise<void> {
  const response = await fetch(`${fake.apiBase}/v10/interactions/${id}/${token}/callback`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(response.status).toBe(204);
}

const isEditOf = (token: string) => (call: { method: string; path: string }) =>
  call.method === 'PATCH' && call.path === `/webhooks/${APP_ID}/${token}/messages/@original`;

describe('a reply with files', () => {
  it('goes through the callback route as multipart (payload_json + files[0]) and Discord’s POST gets 202', async () => {
    const interaction = fake.injectCommand({ name: 'chart' }).payload;
    const answer = await postSigned(server.url, keys, interaction);
    expect(answer.status).toBe(202);
    expect(answer.text).toBe('');
    const callback = await fake.waitForCallback(interaction.id);
    expect(callback.type).toBe(4);
    expect(callback.files).toEqual([{ field: 'files[0]', name: 'chart.png', size: PNG.length, contentType: 'image/png' }]);
    // Discord's attachment entry: id ties it to files[0]; our --json `size` extra is not sent.
    expect(callback.data?.attachments).toEqual([{ id: 0, filename: 'chart.png', description: 'A bar chart of test figures' }]);
    expect(callback.data?.allowed_mentions).toEqual({ parse: [] });
    expect(callback.data?.flags).toBeUndefined();
    expect(fake.violations).toEqual([]);
  });

  it('keeps the ephemeral flag on the callback', async () => {
    const interaction = fake.injectCommand({ name: 'chart', options: { hide: true } }).payload;
    expect((await postSigned(server.url, keys, interaction)).status).toBe(202);
    expect((await fake.waitForCallback(interaction.id)).data?.flags).toBe(64);
  });

  it('falls back to an inline ephemeral apology when Discord refuses the callback', async () => {
    // An interaction the fake never issued: its callback route answers 404 Unknown interaction.
    const stranger = { ...fake.injectCommand({ name: 'chart' }).payload, id: '1199999999999999999' };
    const answer = await postSigned(server.url, keys, stranger);
    expect(answer.status).toBe(200);
    const body = JSON.parse(answer.text) as { type: number; data: { flags: number; content: string; allowed_mentions: unknown } };
    expect(body.type).toBe(4);
    expect(body.data.flags).toBe(64);
    expect(body.data.content).toMatch(/something went wrong/i);
    expect(body.data.allowed_mentions).toEqual({ parse: [] });
    const metrics = await (await fetch(`${server.url}/metrics`)).text();
    expect(metrics).toMatch(/^interactions_total\{kind="command",command="chart",outcome="failed"\} 1$/m);
  });
});

describe('a reply that is not ready in time', () => {
  it('is deferred (type 5), then sent by editing @original, files as multipart', async () => {
    const interaction = fake.injectCommand({ name: 'slow' }).payload;
    const answer = await postSigned(server.url, keys, interaction);
    expect(answer.status).toBe(200);
    const inline = JSON.parse(answer.text) as unknown;
    expect(inline).toEqual({ type: 5 });
    await forwardInline(interaction.id, interaction.token, inline);
    gate.open(chartReply(false));
    const edit = await fake.waitFor(isEditOf(interaction.token));
    expect(edit.status).toBe(200);
    expect(edit.files.map((f) => [f.field, f.name, f.size])).toEqual([['files[0]', 'chart.png', PNG.length]]);
    const body = edit.body as Record<string, unknown>;
    expect(body.embeds).toEqual([{ title: 'Chart', image: { url: 'attachment://chart.png' } }]);
    expect(body.attachments).toEqual([{ id: 0, filename: 'chart.png', description: 'A bar chart of test figures' }]);
    expect(body.allowed_mentions).toEqual({ parse: [] });
    // An edit cannot change whether the message is ephemeral; the defer decided that.
    expect('flags' in body).toBe(false);
    expect(fake.violations).toEqual([]);
  });

  it('defers ephemerally when the command asked to hide its answer, and edits with JSON when there are no files', async () => {
    const interaction = fake.injectCommand({ name: 'slow', options: { hide: true } }).payload;
    const answer = await postSigned(server.url, keys, interaction);
    const inline = JSON.parse(answer.text) as unknown;
    expect(inline).toEqual({ type: 5, data: { flags: 64 } });
    await forwardInline(interaction.id, interaction.token, inline);
    gate.open(reply({ ephemeral: true, content: 'Late but here' }));
    const edit = await fake.waitFor(isEditOf(interaction.token));
    expect(edit.status).toBe(200);
    expect(edit.files).toEqual([]);
    expect(edit.body).toMatchObject({ content: 'Late but here', allowed_mentions: { parse: [] }, attachments: [] });
  });
});

describe('a button pressed on a hidden reply', () => {
  it('is deferred hidden when the message it is on is hidden, though its id does not say so', async () => {
    const interaction = fake.injectButton({ customId: 'v2:slow::x', message: { flags: 64 } }).payload;
    const inline = JSON.parse((await postSigned(server.url, keys, interaction)).text) as unknown;
    expect(inline).toEqual({ type: 5, data: { flags: 64 } });
    await forwardInline(interaction.id, interaction.token, inline);
    gate.open(reply({ content: 'Late but here' }));
    expect((await fake.waitFor(isEditOf(interaction.token))).status).toBe(200);
  });

  it('is deferred hidden when its id says hidden', async () => {
    const slow = fake.injectButton({ customId: 'v2:slow:h:x' }).payload;
    const inline = JSON.parse((await postSigned(server.url, keys, slow)).text) as unknown;
    expect(inline).toEqual({ type: 5, data: { flags: 64 } });
    await forwardInline(slow.id, slow.token, inline);
    gate.open(reply({ content: 'Late' }));
    expect((await fake.waitFor(isEditOf(slow.token))).status).toBe(200);
  });
});

describe('graceful shutdown', () => {
  it('stops accepting, finishes the request in flight and the deferred edit, then resolves', async () => {
    const draining = await startServer({ app, publicKey: keys.publicKeyHex, apiBase: fake.apiBase, deferAfterMs: 60_000 });
    const interaction = fake.injectCommand({ name: 'slow' }).payload;
    const inFlight = postSigned(draining.url, keys, interaction);
    await gate.whenEntered();
    const closed = draining.http.close();
    await expect(fetch(`${draining.url}/healthz`)).rejects.toThrow();
    gate.open(reply({ content: 'finished after close' }));
    const answer = await inFlight;
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.text)).toMatchObject({ type: 4, data: { content: 'finished after close' } });
    expect(answer.headers.get('connection')).toBe('close');
    await closed;
  });

  it('waits for a deferred edit that is still under way', async () => {
    const draining = await startServer({ app, publicKey: keys.publicKeyHex, apiBase: fake.apiBase, deferAfterMs: 20 });
    const interaction = fake.injectCommand({ name: 'slow' }).payload;
    const answer = await postSigned(draining.url, keys, interaction);
    const inline = JSON.parse(answer.text) as unknown;
    expect(inline).toEqual({ type: 5 });
    await forwardInline(interaction.id, interaction.token, inline);
    const closed = draining.http.close();
    gate.open(reply({ content: 'edited during shutdown' }));
    await closed;
    // close() resolved only after the edit reached Discord.
    const edit = fake.calls.find(isEditOf(interaction.token));
    expect(edit?.status).toBe(200);
    expect(edit?.body).toMatchObject({ content: 'edited during shutdown' });
  });
});
