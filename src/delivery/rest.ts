import type { MessageData } from '../protocol/message-data.ts';
import type { ReplyFile } from '../protocol/reply.ts';
import type { InteractionTarget } from './interaction.ts';

/** Discord's REST root; DISCORD_API_BASE replaces it (a proxy, or the loopback fake in tests). The version is appended. */
export const DEFAULT_API_BASE = 'https://discord.com/api';
export const API_VERSION = 'v10';
/** Discord asks for `DiscordBot ($url, $version)`; we have no public URL, so the package name stands in. */
const USER_AGENT = 'DiscordBot (ics-finance-bot, 0.1.0)';
const REQUEST_TIMEOUT_MS = 10_000;
/** Retries for an edit that reaches Discord before the deferred message it edits exists (404), then gives up. */
const NOT_FOUND_RETRY_DELAYS_MS = [250, 1_000];

export class DiscordRestError extends Error {
  override readonly name = 'DiscordRestError';
  constructor(
    readonly status: number,
    readonly route: string,
    detail: string,
  ) {
    super(`Discord answered ${status} to ${route}: ${detail.slice(0, 300)}`);
  }
}

export interface RestOptions {
  apiBase?: string | undefined;
  fetch?: typeof fetch;
}

type Json = Record<string, unknown>;

/** The message body Discord receives: `size` is our own --json extra, and ids tie each attachment to files[id]. */
export function wireMessage(data: MessageData): Json {
  const { attachments, ...rest } = data;
  return { ...rest, attachments: attachments.map(({ size: _size, ...attachment }) => attachment) };
}

function contentTypeOf(name: string): string {
  const lower = name.toLowerCase();
  return lower.endsWith('.png') ? 'image/png' : lower.endsWith('.csv') ? 'text/csv; charset=utf-8' : 'application/octet-stream';
}

/** JSON, or multipart/form-data with payload_json and files[n] when there are files (Discord's "Uploading Files"). */
function encodeBody(payload: Json, files: readonly ReplyFile[]): { body: string | FormData; headers: Record<string, string> } {
  if (files.length === 0) return { body: JSON.stringify(payload), headers: { 'content-type': 'application/json' } };
  const form = new FormData();
  form.append('payload_json', JSON.stringify(payload));
  files.forEach((file, index) => form.append(`files[${index}]`, new Blob([file.data], { type: contentTypeOf(file.name) }), file.name));
  // fetch sets the multipart content type with its boundary itself.
  return { body: form, headers: {} };
}

async function send(options: RestOptions, method: string, route: string, payload: Json, files: readonly ReplyFile[]): Promise<Response> {
  const { body, headers } = encodeBody(payload, files);
  const url = `${options.apiBase ?? DEFAULT_API_BASE}/${API_VERSION}${route}`;
  const doFetch = options.fetch ?? fetch;
  return doFetch(url, { method, body, headers: { ...headers, 'user-agent': USER_AGENT }, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
}

async function failure(response: Response, route: string): Promise<DiscordRestError> {
  const detail = await response.text().catch(() => '');
  return new DiscordRestError(response.status, route, detail);
}

/** Routes name the interaction by id and token; the token is a credential, so errors and logs show only the id. */
function describe(kind: string, target: InteractionTarget): string {
  return `${kind} for interaction ${target.id}`;
}

/** The body of an interaction response: a message, a deferral (with its visibility), or autocomplete choices. */
export interface InteractionResponse {
  type: number;
  data?: MessageData | { flags: number } | { choices: unknown[] };
}

function isMessage(data: InteractionResponse['data']): data is MessageData {
  return data !== undefined && 'allowed_mentions' in data;
}

/**
 * POST /interactions/{id}/{token}/callback: how the gateway adapter answers every interaction, and how the HTTP
 * adapter answers with files (which cannot ride on the inline HTTP response).
 */
export async function createInteractionResponse(
  options: RestOptions,
  target: InteractionTarget,
  response: InteractionResponse,
  files: readonly ReplyFile[] = [],
): Promise<void> {
  const route = `/interactions/${encodeURIComponent(target.id)}/${encodeURIComponent(target.token)}/callback`;
  const data = response.data === undefined ? {} : { data: isMessage(response.data) ? wireMessage(response.data) : response.data };
  const answer = await send(options, 'POST', route, { type: response.type, ...data }, files);
  if (!answer.ok) throw await failure(answer, describe('callback', target));
  await answer.body?.cancel();
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * PATCH /webhooks/{application}/{token}/messages/@original: fills in a deferred reply. Flags are left out because an
 * existing message cannot change its ephemeral state (the defer already set it), as in the gateway adapter.
 */
export async function editOriginalResponse(options: RestOptions, target: InteractionTarget, data: MessageData, files: readonly ReplyFile[]): Promise<void> {
  const route = `/webhooks/${encodeURIComponent(target.applicationId)}/${encodeURIComponent(target.token)}/messages/@original`;
  const { flags: _flags, ...edit } = wireMessage(data);
  for (let attempt = 0; ; attempt += 1) {
    const answer = await send(options, 'PATCH', route, edit, files);
    if (answer.ok) {
      await answer.body?.cancel();
      return;
    }
    const delay = NOT_FOUND_RETRY_DELAYS_MS[attempt];
    if (answer.status !== 404 || delay === undefined) throw await failure(answer, describe('edit of @original', target));
    await answer.body?.cancel();
    await sleep(delay);
  }
}
