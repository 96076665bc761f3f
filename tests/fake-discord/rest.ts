// The REST half of the fake: the routes discord.js and a registration script call under /api/v10, with
// Discord's status codes and error JSON. Every call is recorded; every reply is checked against limits.ts.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { APIMessage } from 'discord.js';
import type { CommandStore } from './commands.ts';
import type { InteractionRegistry, IssuedInteraction } from './interactions.ts';
import { checkInteractionResponse, checkMessagePayload } from './limits.ts';
import { specCallbackProblems, specCommandProblems, specEditProblems } from './spec.ts';
import { botMessage, botUser, editedMessage, type ReceivedFile } from './payloads.ts';
import type { RecordedCall, Violation, WaitableLog } from './recorder.ts';

export interface RestContext {
  token: string;
  applicationId: string;
  /** http://127.0.0.1:PORT */
  origin: string;
  gatewayUrl: string;
  commands: CommandStore;
  interactions: InteractionRegistry;
  calls: WaitableLog<RecordedCall>;
  violations: Violation[];
}

interface ParsedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  authorization: string | null;
  body: unknown;
  files: ReceivedFile[];
}

interface Reply {
  status: number;
  body?: unknown;
}

type Json = Record<string, unknown>;

const API_PREFIX = '/api/v10';
const EPHEMERAL = 1 << 6;
const LOADING = 1 << 7;

/** Discord's error bodies, verbatim. */
const errors = {
  unauthorized: { status: 401, body: { message: '401: Unauthorized', code: 0 } },
  notFound: { status: 404, body: { message: '404: Not Found', code: 0 } },
  methodNotAllowed: { status: 405, body: { message: '405: Method Not Allowed', code: 0 } },
  missingAccess: { status: 403, body: { message: 'Missing Access', code: 50001 } },
  invalidJson: { status: 400, body: { message: 'The request body contains invalid JSON.', code: 50109 } },
  unknownInteraction: { status: 404, body: { message: 'Unknown interaction', code: 10062 } },
  alreadyAcknowledged: { status: 400, body: { message: 'Interaction has already been acknowledged.', code: 40060 } },
  unknownWebhook: { status: 404, body: { message: 'Unknown Webhook', code: 10015 } },
  unknownMessage: { status: 404, body: { message: 'Unknown Message', code: 10008 } },
} satisfies Record<string, Reply>;

function invalidFormBody(formErrors: unknown): Reply {
  return { status: 400, body: { message: 'Invalid Form Body', code: 50035, errors: formErrors } };
}

function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

class BadJson extends Error {}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new BadJson();
  }
}

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** JSON, or multipart/form-data as discord.js sends files: payload_json plus files[n] parts. */
async function parseBody(raw: Buffer, contentType: string): Promise<{ body: unknown; files: ReceivedFile[] }> {
  if (raw.length === 0) return { body: undefined, files: [] };
  if (!contentType.startsWith('multipart/form-data')) return { body: parseJson(raw.toString('utf8')), files: [] };
  // Node 20's fetch Response parses multipart; no extra dependency needed.
  const form = await new Response(raw, { headers: { 'content-type': contentType } }).formData();
  const fields: Json = {};
  const files: ReceivedFile[] = [];
  let payload: unknown;
  for (const [field, value] of form.entries()) {
    if (typeof value !== 'string') {
      files.push({ field, name: value.name, size: value.size, contentType: value.type });
    } else if (field === 'payload_json') {
      payload = parseJson(value);
    } else {
      fields[field] = value;
    }
  }
  return { body: payload ?? fields, files };
}

function recordViolations(context: RestContext, request: ParsedRequest, problems: string[]): void {
  const call = `${request.method} ${request.path}`;
  for (const problem of problems) context.violations.push({ call, problem });
}

/**
 * As Discord does: a body over a limit or off the spec is refused with 400 Invalid Form Body (code 50035) and
 * changes nothing, so any test whose bot sends one sees the failure. The violation is also recorded.
 */
function refuse(context: RestContext, request: ParsedRequest, problems: string[]): Reply | undefined {
  if (problems.length === 0) return undefined;
  recordViolations(context, request, problems);
  const errors: Record<string, unknown> = {};
  problems.forEach((problem, i) => (errors[String(i)] = { _errors: [{ code: 'BASE_TYPE_INVALID', message: problem }] }));
  return invalidFormBody(errors);
}

function messageBody(request: ParsedRequest): Json {
  return isRecord(request.body) ? request.body : {};
}

function ownApplication(context: RestContext, applicationId: string | undefined): boolean {
  return applicationId === context.applicationId;
}

/** The message an interaction response creates or changes, if any. */
function messageAfterCallback(context: RestContext, interaction: IssuedInteraction, type: number, data: Json, files: ReceivedFile[]): APIMessage | undefined {
  const make = (body: Json): APIMessage =>
    botMessage({
      applicationId: context.applicationId,
      channelId: interaction.channelId,
      body,
      files,
      origin: context.origin,
      interaction: { id: interaction.id, user: interaction.user },
    });
  const flags = typeof data.flags === 'number' ? data.flags : 0;
  switch (type) {
    case 4:
      return make(data);
    case 5:
      return make({ flags: (flags & EPHEMERAL) | LOADING });
    case 6:
      return interaction.componentMessage;
    case 7:
      return interaction.componentMessage ? editedMessage(interaction.componentMessage, data, files, context.origin) : make(data);
    default:
      return interaction.original;
  }
}

function interactionCallback(context: RestContext, request: ParsedRequest, id: string, token: string): Reply {
  const interaction = context.interactions.byId(id);
  if (!interaction || interaction.token !== token) return errors.unknownInteraction;
  if (interaction.acknowledged) return errors.alreadyAcknowledged;
  const body = request.body;
  if (!isRecord(body) || typeof body.type !== 'number') {
    return invalidFormBody({ type: { _errors: [{ code: 'BASE_TYPE_REQUIRED', message: 'This field is required' }] } });
  }
  const refused = refuse(context, request, [...checkInteractionResponse(body), ...specCallbackProblems(body)]);
  if (refused !== undefined) return refused;
  interaction.acknowledged = true;
  const data = isRecord(body.data) ? body.data : {};
  interaction.original = messageAfterCallback(context, interaction, body.type, data, request.files);
  if (request.query.get('with_response') !== 'true') return { status: 204 };
  const message = interaction.original;
  const carriesMessage = [4, 5, 6, 7].includes(body.type) && message !== undefined;
  return {
    status: 200,
    body: {
      interaction: {
        id: interaction.id,
        type: interaction.type,
        ...(carriesMessage
          ? {
              response_message_id: message.id,
              response_message_loading: body.type === 5,
              response_message_ephemeral: ((message.flags ?? 0) & EPHEMERAL) !== 0,
            }
          : {}),
      },
      resource: { type: body.type, ...(carriesMessage ? { message } : {}) },
    },
  };
}

function webhookInteraction(context: RestContext, applicationId: string, token: string): IssuedInteraction | undefined {
  return ownApplication(context, applicationId) ? context.interactions.byToken(token) : undefined;
}

function followUp(context: RestContext, request: ParsedRequest, applicationId: string, token: string): Reply {
  const interaction = webhookInteraction(context, applicationId, token);
  if (!interaction) return errors.unknownWebhook;
  const body = messageBody(request);
  const refused = refuse(context, request, checkMessagePayload(body, 'body'));
  if (refused !== undefined) return refused;
  const message = botMessage({
    applicationId: context.applicationId,
    channelId: interaction.channelId,
    body,
    files: request.files,
    origin: context.origin,
    interaction: { id: interaction.id, user: interaction.user },
  });
  interaction.followUps.set(message.id, message);
  return request.query.get('wait') === 'true' ? { status: 200, body: message } : { status: 204 };
}

function webhookMessage(context: RestContext, request: ParsedRequest, applicationId: string, token: string, messageId: string): Reply {
  const interaction = webhookInteraction(context, applicationId, token);
  if (!interaction) return errors.unknownWebhook;
  const isOriginal = messageId === '@original' || messageId === interaction.original?.id;
  const message = isOriginal ? interaction.original : interaction.followUps.get(messageId);
  if (!message) return errors.unknownMessage;
  if (request.method === 'GET') return { status: 200, body: message };
  if (request.method === 'DELETE') {
    if (isOriginal) interaction.original = undefined;
    else interaction.followUps.delete(messageId);
    return { status: 204 };
  }
  const body = messageBody(request);
  const refused = refuse(context, request, [...checkMessagePayload(body, 'body'), ...specEditProblems(body)]);
  if (refused !== undefined) return refused;
  const edited = editedMessage(message, body, request.files, context.origin);
  if (isOriginal) interaction.original = edited;
  else interaction.followUps.set(messageId, edited);
  return { status: 200, body: edited };
}

function commandsRoute(context: RestContext, request: ParsedRequest, applicationId: string, guildId?: string): Reply {
  if (!ownApplication(context, applicationId)) return errors.missingAccess;
  if (request.method === 'GET') return { status: 200, body: context.commands.list(guildId) };
  const refused = refuse(context, request, Array.isArray(request.body) ? request.body.flatMap((d: unknown) => specCommandProblems(d)) : []);
  if (refused !== undefined) return refused;
  const result = context.commands.overwrite(request.body, guildId);
  return result.ok ? { status: 200, body: result.commands } : invalidFormBody(result.errors);
}

/** A bot's message in a channel (replies to mentions and DMs): checked against the limits, stored as Discord would. */
function channelMessage(context: RestContext, request: ParsedRequest, channelId: string): Reply {
  const body = messageBody(request);
  recordViolations(context, request, checkMessagePayload(body, 'body'));
  const message = botMessage({ applicationId: context.applicationId, channelId, body, files: request.files, origin: context.origin });
  const reference = isRecord(body.message_reference) ? body.message_reference : undefined;
  return { status: 200, body: { ...message, ...(reference !== undefined ? { message_reference: reference } : {}) } };
}

interface Route {
  methods: string[];
  pattern: RegExp;
  /** Bot-token routes; interaction and webhook routes carry their own token in the URL. */
  auth: boolean;
  handle: (context: RestContext, request: ParsedRequest, params: string[]) => Reply;
}

const SEGMENT = '([^/]+)';
const routes: Route[] = [
  {
    methods: ['GET'],
    pattern: /^\/gateway$/,
    auth: false,
    handle: (context) => ({ status: 200, body: { url: context.gatewayUrl } }),
  },
  {
    methods: ['GET'],
    pattern: /^\/gateway\/bot$/,
    auth: true,
    handle: (context) => ({
      status: 200,
      body: {
        url: context.gatewayUrl,
        shards: 1,
        session_start_limit: { total: 1000, remaining: 1000, reset_after: 86_400_000, max_concurrency: 1 },
      },
    }),
  },
  {
    methods: ['GET'],
    pattern: /^\/users\/@me$/,
    auth: true,
    handle: (context) => ({ status: 200, body: botUser(context.applicationId) }),
  },
  {
    methods: ['GET'],
    pattern: /^\/(?:oauth2\/)?applications\/@me$/,
    auth: true,
    handle: (context) => ({
      status: 200,
      body: {
        id: context.applicationId,
        name: 'fake-bot',
        icon: null,
        description: '',
        bot_public: true,
        bot_require_code_grant: false,
        verify_key: '0'.repeat(64),
        flags: 0,
        team: null,
        bot: botUser(context.applicationId),
      },
    }),
  },
  {
    methods: ['GET', 'PUT'],
    pattern: new RegExp(`^/applications/${SEGMENT}/commands$`),
    auth: true,
    handle: (context, request, [applicationId = '']) => commandsRoute(context, request, applicationId),
  },
  {
    methods: ['GET', 'PUT'],
    pattern: new RegExp(`^/applications/${SEGMENT}/guilds/${SEGMENT}/commands$`),
    auth: true,
    handle: (context, request, [applicationId = '', guildId]) => commandsRoute(context, request, applicationId, guildId),
  },
  {
    methods: ['POST'],
    pattern: new RegExp(`^/channels/${SEGMENT}/messages$`),
    auth: true,
    handle: (context, request, [channelId = '']) => channelMessage(context, request, channelId),
  },
  {
    methods: ['POST'],
    pattern: new RegExp(`^/interactions/${SEGMENT}/${SEGMENT}/callback$`),
    auth: false,
    handle: (context, request, [id = '', token = '']) => interactionCallback(context, request, id, token),
  },
  {
    methods: ['POST'],
    pattern: new RegExp(`^/webhooks/${SEGMENT}/${SEGMENT}$`),
    auth: false,
    handle: (context, request, [applicationId = '', token = '']) => followUp(context, request, applicationId, token),
  },
  {
    methods: ['GET', 'PATCH', 'DELETE'],
    pattern: new RegExp(`^/webhooks/${SEGMENT}/${SEGMENT}/messages/${SEGMENT}$`),
    auth: false,
    handle: (context, request, [applicationId = '', token = '', messageId = '']) => webhookMessage(context, request, applicationId, token, messageId),
  },
];

function route(context: RestContext, request: ParsedRequest): Reply {
  for (const candidate of routes) {
    const match = candidate.pattern.exec(request.path);
    if (!match) continue;
    if (!candidate.methods.includes(request.method)) return errors.methodNotAllowed;
    if (candidate.auth && request.authorization !== `Bot ${context.token}`) return errors.unauthorized;
    return candidate.handle(context, request, match.slice(1));
  }
  return errors.notFound;
}

/** Segment by segment, so /messages/%40original reads (and routes) as /messages/@original. */
function decodeSegments(path: string): string {
  return path
    .split('/')
    .map((segment) => {
      try {
        return decodeURIComponent(segment);
      } catch {
        return segment;
      }
    })
    .join('/');
}

function send(response: ServerResponse, reply: Reply): void {
  if (reply.body === undefined) {
    response.writeHead(reply.status).end();
    return;
  }
  const json = JSON.stringify(reply.body);
  response.writeHead(reply.status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(json) });
  response.end(json);
}

export function createRestHandler(context: RestContext): (request: IncomingMessage, response: ServerResponse) => void {
  return (incoming, response) => {
    void (async () => {
      const url = new URL(incoming.url ?? '/', context.origin);
      const versioned = url.pathname.startsWith(`${API_PREFIX}/`);
      const request: ParsedRequest = {
        method: incoming.method ?? 'GET',
        // Outside /api/v10 (another API version, a stray path) the path is kept as sent, and is a 404.
        path: decodeSegments(versioned ? url.pathname.slice(API_PREFIX.length) : url.pathname),
        query: url.searchParams,
        authorization: incoming.headers.authorization ?? null,
        body: undefined,
        files: [],
      };
      let reply: Reply;
      try {
        const parsed = await parseBody(await readBody(incoming), incoming.headers['content-type'] ?? '');
        request.body = parsed.body;
        request.files = parsed.files;
        reply = versioned ? route(context, request) : errors.notFound;
      } catch (error) {
        if (!(error instanceof BadJson)) throw error;
        reply = errors.invalidJson;
      }
      // Recorded before answering, so whatever the client does next already sees this call in the log.
      context.calls.push({
        method: request.method,
        path: request.path,
        query: Object.fromEntries(request.query),
        authorization: request.authorization,
        body: request.body,
        files: request.files,
        status: reply.status,
      });
      send(response, reply);
    })().catch((error: unknown) => {
      // A bug in the fake itself: answer 500 (discord.js retries those) and keep the error visible.
      console.error('fake Discord REST handler failed', error);
      if (!response.headersSent) response.writeHead(500).end();
    });
  };
}
