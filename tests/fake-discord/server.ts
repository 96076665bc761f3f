// A loopback fake Discord for end-to-end tests: REST under http://127.0.0.1:PORT/api/v10 and the Gateway on
// ws://127.0.0.1:PORT, one port for both. A real discord.js Client reaches it with only
// `new Client({ intents, rest: { api: fake.apiBase } })`: the gateway URL comes from GET /gateway/bot and the
// resume URL from READY, both pointing back here.
import { createServer } from 'node:http';
import { messageCommandInteraction, testGuildCreate, userMessage, type MessageCommandInput, type UserMessageInput } from './messages.ts';
import type { AddressInfo } from 'node:net';
import type { APIApplicationCommand, APIInteraction } from 'discord.js';
import { CommandStore } from './commands.ts';
import { FakeGateway, type ConnectionQuery } from './gateway.ts';
import { InteractionRegistry } from './interactions.ts';
import {
  autocompleteInteraction,
  buttonInteraction,
  commandInteraction,
  TEST_GUILD_ID,
  type AutocompleteInput,
  type ButtonInput,
  type CommandInput,
  type ReceivedFile,
} from './payloads.ts';
import { WaitableLog, type RecordedCall, type Violation } from './recorder.ts';
import { createRestHandler } from './rest.ts';

export interface FakeDiscordOptions {
  token: string;
  applicationId: string;
  /** HELLO's heartbeat_interval. Discord sends ~41 s; tests use ~1 s to see heartbeats happen. */
  heartbeatIntervalMs?: number;
}

export interface InjectedInteraction {
  id: string;
  token: string;
  payload: APIInteraction;
}

/** What the bot answered to one interaction: the callback body ({ type, data }) and any files. */
export interface InteractionCallback {
  type: number;
  data: Record<string, unknown> | undefined;
  files: ReceivedFile[];
  call: RecordedCall;
}

const DEFAULT_WAIT_MS = 5_000;
const DISCORD_HEARTBEAT_MS = 41_250;

export interface FakeDiscord {
  /** For discord.js `rest.api` (and @discordjs/rest's `api`): REST appends /v10 itself. */
  apiBase: string;
  gatewayUrl: string;
  /** Every REST call, in arrival order. */
  calls: readonly RecordedCall[];
  /** Limit breaches found in replies (limits.ts); a well-behaved bot leaves this empty. */
  violations: readonly Violation[];
  /** Forgets recorded violations, for a test that sends invalid bodies on purpose. */
  clearViolations(): void;
  /** The v/encoding/compress query of each gateway connection, and each IDENTIFY's d. */
  gatewayConnections: readonly ConnectionQuery[];
  identifies: readonly Record<string, unknown>[];
  connectedCount: number;
  identifyCount: number;
  resumeCount: number;
  heartbeatCount: number;
  registeredCommands(guildId?: string): APIApplicationCommand[];
  /** A chat input command; with `options: { name: value }` the types come from the registered command. */
  injectCommand(input: CommandInput): InjectedInteraction;
  injectAutocomplete(input: AutocompleteInput): InjectedInteraction;
  injectButton(input: ButtonInput): InjectedInteraction;
  /** A user's message (MESSAGE_CREATE with channel_type); returns its id. */
  injectMessage(input: UserMessageInput): string;
  /** GUILD_CREATE for the test server (what Discord sends after READY), so server messages have a cached channel. */
  injectGuild(): void;
  /** The message command (type 3) on a message with the given text. */
  injectMessageCommand(input: MessageCommandInput): InjectedInteraction;
  /** Any INTERACTION_CREATE payload, for shapes the helpers do not build. */
  injectInteraction(payload: APIInteraction): InjectedInteraction;
  waitForCallback(interactionId: string, timeoutMs?: number): Promise<InteractionCallback>;
  waitFor(predicate: (call: RecordedCall) => boolean, timeoutMs?: number): Promise<RecordedCall>;
  /** Closes the gateway socket with a Discord close code, e.g. 4000 (the client resumes). */
  closeGateway(code?: number): void;
  /** Closes sockets and the server. Destroy clients first, or they will try to reconnect. */
  stop(): Promise<void>;
}

function describeCall(call: RecordedCall): string {
  return `${call.method} ${call.path} -> ${call.status}`;
}

function isCallbackFor(interactionId: string): (call: RecordedCall) => boolean {
  return (call) => call.method === 'POST' && call.status < 300 && call.path.startsWith(`/interactions/${interactionId}/`) && call.path.endsWith('/callback');
}

export async function startFakeDiscord(options: FakeDiscordOptions): Promise<FakeDiscord> {
  const httpServer = createServer();
  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = httpServer.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  const gatewayUrl = `ws://127.0.0.1:${port}`;

  const calls = new WaitableLog<RecordedCall>(describeCall);
  const violations: Violation[] = [];
  const commands = new CommandStore(options.applicationId);
  const interactions = new InteractionRegistry();
  httpServer.on('request', createRestHandler({ ...options, origin, gatewayUrl, commands, interactions, calls, violations }));
  const gateway = new FakeGateway(httpServer, {
    token: options.token,
    applicationId: options.applicationId,
    heartbeatIntervalMs: options.heartbeatIntervalMs ?? DISCORD_HEARTBEAT_MS,
    url: gatewayUrl,
  });

  const inject = (payload: APIInteraction): InjectedInteraction => {
    interactions.add(payload);
    gateway.dispatch('INTERACTION_CREATE', payload);
    return { id: payload.id, token: payload.token, payload };
  };
  const definition = (name: string, guildId: string | undefined) => commands.find(name, guildId ?? TEST_GUILD_ID);

  return {
    apiBase: `${origin}/api`,
    gatewayUrl,
    calls: calls.entries,
    violations,
    clearViolations: () => {
      violations.length = 0;
    },
    gatewayConnections: gateway.connections,
    identifies: gateway.identifies,
    get connectedCount() {
      return gateway.connectedCount;
    },
    get identifyCount() {
      return gateway.identifyCount;
    },
    get resumeCount() {
      return gateway.resumeCount;
    },
    get heartbeatCount() {
      return gateway.heartbeatCount;
    },
    registeredCommands: (guildId) => commands.list(guildId),
    injectCommand: (input) => inject(commandInteraction(options.applicationId, input, definition(input.name, input.dm ? undefined : input.guildId))),
    injectAutocomplete: (input) => inject(autocompleteInteraction(options.applicationId, input, definition(input.name, input.dm ? undefined : input.guildId))),
    injectButton: (input) => inject(buttonInteraction(options.applicationId, input)),
    injectInteraction: inject,
    injectGuild: () => gateway.dispatch('GUILD_CREATE', testGuildCreate(options.applicationId)),
    injectMessage(input) {
      const message = userMessage(options.applicationId, input);
      gateway.dispatch('MESSAGE_CREATE', message);
      return message.id;
    },
    injectMessageCommand: (input) =>
      inject(messageCommandInteraction(options.applicationId, input, definition(input.name, input.dm ? undefined : input.guildId))),
    async waitForCallback(interactionId, timeoutMs = DEFAULT_WAIT_MS) {
      const call = await calls.waitFor(isCallbackFor(interactionId), timeoutMs, `the callback of interaction ${interactionId}`);
      const body = (call.body ?? {}) as { type?: number; data?: Record<string, unknown> };
      return { type: body.type ?? -1, data: body.data, files: call.files, call };
    },
    waitFor: (predicate, timeoutMs = DEFAULT_WAIT_MS) => calls.waitFor(predicate, timeoutMs, 'a matching REST call'),
    closeGateway: (code = 4000) => gateway.close(code),
    async stop() {
      calls.close('fake Discord stopped');
      await gateway.stop();
      httpServer.closeAllConnections();
      await new Promise<void>((resolve, reject) => httpServer.close((error) => (error ? reject(error) : resolve())));
    },
  };
}
