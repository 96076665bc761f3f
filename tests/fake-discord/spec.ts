// Discord's own OpenAPI spec, as zod schemas (discord-api-spec, MIT), as a second oracle beside limits.ts:
// what the spec refuses, Discord refuses with 400 Invalid Form Body.
import {
  ApplicationCommandAutocompleteCallbackRequestSchema,
  ApplicationCommandCreateRequestSchema,
  CreateMessageInteractionCallbackRequestSchema,
  IncomingWebhookUpdateForInteractionCallbackRequestPartialSchema,
  PongInteractionCallbackRequestSchema,
  UpdateMessageInteractionCallbackRequestSchema,
} from 'discord-api-spec/zod';

interface Schema {
  safeParse(value: unknown): { success: boolean; error?: { issues: Array<{ path: PropertyKey[]; message: string; code: string }> } };
}

type Json = Record<string, unknown>;

function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Discord accepts attachment ids as numbers (they only tie an attachment to files[n]); the spec types them as
 * snowflake strings. This known strictness of the spec is the one thing relaxed before checking.
 */
function withStringAttachmentIds(message: unknown): unknown {
  if (!isRecord(message) || !Array.isArray(message.attachments)) return message;
  return { ...message, attachments: message.attachments.map((a: unknown) => (isRecord(a) && typeof a.id === 'number' ? { ...a, id: String(a.id) } : a)) };
}

function problems(schema: Schema, value: unknown, where: string): string[] {
  const result = schema.safeParse(value);
  if (result.success) return [];
  return (result.error?.issues ?? []).map((i) => `${where}.${i.path.map(String).join('.')}: ${i.code} (Discord's OpenAPI spec)`);
}

const CALLBACK_SCHEMAS: Record<number, Schema> = {
  1: PongInteractionCallbackRequestSchema,
  4: CreateMessageInteractionCallbackRequestSchema,
  5: CreateMessageInteractionCallbackRequestSchema,
  7: UpdateMessageInteractionCallbackRequestSchema,
  8: ApplicationCommandAutocompleteCallbackRequestSchema,
};

/** An interaction callback body (POST /interactions/{id}/{token}/callback, or the HTTP adapter's inline answer). */
export function specCallbackProblems(body: unknown): string[] {
  if (!isRecord(body) || typeof body.type !== 'number') return ['body: not an interaction response'];
  const schema = CALLBACK_SCHEMAS[body.type];
  if (schema === undefined) return [`body.type: ${body.type} is not a callback type this bot may send`];
  return problems(schema, isRecord(body.data) ? { ...body, data: withStringAttachmentIds(body.data) } : body, 'body');
}

/** An edit of an interaction's message (PATCH /webhooks/{app}/{token}/messages/@original). */
export function specEditProblems(body: unknown): string[] {
  return problems(IncomingWebhookUpdateForInteractionCallbackRequestPartialSchema, withStringAttachmentIds(body), 'body');
}

/** One application command definition, as registered. */
export function specCommandProblems(definition: unknown): string[] {
  return problems(ApplicationCommandCreateRequestSchema, definition, `command ${isRecord(definition) ? String(definition.name) : '?'}`);
}
