// Helpers for the HTTP endpoint tests: an Ed25519 key pair made in the test, signed requests, our server on
// 127.0.0.1, and Discord-shaped interaction payloads built by the loopback fake from a console command line.
import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import type { APIInteraction } from 'discord.js';
import { pino } from 'pino';
import { WebSocket } from 'ws';
import type { App } from '../../src/core/app.ts';
import { parseLine } from '../../src/console/parse-line.ts';
import { createInteractionsServer, type InteractionsServer, type InteractionsServerOptions } from '../../src/http/server.ts';
import type { FakeDiscord } from '../fake-discord/server.ts';

export const TOKEN = 'fake-bot-token.for-loopback-tests.only';
export const APP_ID = '1100000000000000100';
export const GUILD_ID = '1100000000000000001';

export interface KeyPair {
  privateKey: KeyObject;
  /** 64 hex characters, as the developer portal shows DISCORD_PUBLIC_KEY. */
  publicKeyHex: string;
}

export function makeKeyPair(): KeyPair {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const jwk = publicKey.export({ format: 'jwk' });
  return { privateKey, publicKeyHex: Buffer.from(jwk.x ?? '', 'base64url').toString('hex') };
}

export const nowSeconds = (): string => String(Math.floor(Date.now() / 1000));

/** The two headers Discord sends: an Ed25519 signature over timestamp + body. */
export function signedHeaders(keys: KeyPair, body: string | Buffer, timestamp = nowSeconds()): Record<string, string> {
  const signature = sign(null, Buffer.concat([Buffer.from(timestamp), Buffer.from(body)]), keys.privateKey).toString('hex');
  return { 'x-signature-ed25519': signature, 'x-signature-timestamp': timestamp, 'content-type': 'application/json' };
}

export const silentLogger = pino({ level: 'silent' });

export interface Running {
  url: string;
  http: InteractionsServer;
}

export async function startServer(options: Omit<InteractionsServerOptions, 'logger'> & { logger?: InteractionsServerOptions['logger'] }): Promise<Running> {
  const http = createInteractionsServer({ logger: silentLogger, ...options });
  const address = await http.listen(0, '127.0.0.1');
  return { url: `http://127.0.0.1:${address.port}`, http };
}

export interface Answer {
  status: number;
  text: string;
  headers: Headers;
}

export async function post(url: string, body: string | Buffer, headers: Record<string, string>): Promise<Answer> {
  const response = await fetch(url, { method: 'POST', body, headers });
  return { status: response.status, text: await response.text(), headers: response.headers };
}

export async function postSigned(base: string, keys: KeyPair, payload: unknown): Promise<Answer> {
  const body = JSON.stringify(payload);
  return post(`${base}/interactions`, body, signedHeaders(keys, body));
}

/** Registers our command definitions with the fake, as `npm run deploy` would, so injected payloads carry real option types. */
export async function registerCommands(fake: FakeDiscord, app: App): Promise<void> {
  const response = await fetch(`${fake.apiBase}/v10/applications/${APP_ID}/guilds/${GUILD_ID}/commands`, {
    method: 'PUT',
    headers: { authorization: `Bot ${TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify([...app.router.commands.values()].map((c) => c.definition)),
  });
  if (!response.ok) throw new Error(`registering commands with the fake failed: ${response.status} ${await response.text()}`);
}

/**
 * The fake injects interactions through a gateway session; an HTTP app has none, so a silent listener identifies and
 * ignores what it is sent. The fake then knows each interaction's id and token, as Discord does, for callbacks and edits.
 */
export function openListener(fake: FakeDiscord): Promise<WebSocket> {
  const socket = new WebSocket(`${fake.gatewayUrl}?v=10&encoding=json`);
  return new Promise((resolve, reject) => {
    socket.once('error', reject);
    socket.on('message', (data: Buffer) => {
      const packet = JSON.parse(data.toString()) as { op: number; t: string | null };
      if (packet.op === 10)
        socket.send(JSON.stringify({ op: 2, d: { token: TOKEN, intents: 0, properties: { os: 'linux', browser: 'test', device: 'test' } } }));
      if (packet.t === 'READY') resolve(socket);
    });
  });
}

/** A console line as Discord would deliver it to the app: a chat input command interaction, registered with the fake. */
export function commandFromLine(fake: FakeDiscord, app: App, line: string): APIInteraction {
  const parsed = parseLine(line, app.router.commands);
  return fake.injectCommand({ name: parsed.command, options: { ...parsed.options } as Record<string, string | number | boolean> }).payload;
}

/** An autocomplete interaction for a console line; the last option is the focused one, as `ask --autocomplete` reads it. */
export function autocompleteFromLine(fake: FakeDiscord, app: App, line: string): APIInteraction {
  const parsed = parseLine(line, app.router.commands, { forAutocomplete: true });
  if (parsed.focused === undefined) throw new Error(`no option to focus in ${line}`);
  const { [parsed.focused.name]: _focused, ...others } = parsed.options;
  return fake.injectAutocomplete({ name: parsed.command, focused: parsed.focused, options: others as Record<string, string | number | boolean> }).payload;
}

export function buttonPress(fake: FakeDiscord, customId: string): APIInteraction {
  return fake.injectButton({ customId }).payload;
}
