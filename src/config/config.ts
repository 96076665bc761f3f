import { z } from 'zod';

/** Why a variable matters and where to get it: the one line a person sees when it is wrong. */
const HOW_TO_GET: Record<string, string> = {
  DISCORD_TOKEN: 'Discord developer portal → your application → Bot → Reset Token; put it in .env as DISCORD_TOKEN=…',
  DISCORD_APPLICATION_ID: 'Discord developer portal → your application → General Information → Application ID',
  DISCORD_GUILD_ID: 'right-click your server in Discord (Developer Mode on) → Copy Server ID; or leave it unset to register globally',
  DISCORD_API_BASE: 'a base URL such as http://127.0.0.1:8080/api (a REST proxy), or leave it unset for Discord itself',
  DISCORD_PUBLIC_KEY: 'Discord developer portal → your application → General Information → Public Key (64 hex characters)',
  PORT: 'a TCP port number, e.g. 8080',
  HOST: 'the address to listen on: 0.0.0.0 (every interface, the default), 127.0.0.1 (this machine only) or :: (IPv6)',
  HTTP_WORKERS: 'how many processes `npm run serve:cluster` runs, e.g. 2; leave unset for one per CPU core',
  LOG_LEVEL: 'one of trace, debug, info, warn, error, fatal, silent',
  METRICS_PORT: 'a TCP port for /metrics on its own listener (127.0.0.1 unless METRICS_HOST), e.g. 9464; leave unset to keep it off',
  METRICS_HOST: 'the address the metrics listener binds: 127.0.0.1 (default) or an internal interface your Prometheus reaches',
  METRICS_TOKEN: 'a long random string (e.g. openssl rand -hex 32); Prometheus sends it as Authorization: Bearer …',
  PRERENDER_CHARTS: 'on (default: render and pin the default region and ranking charts after start) or off',
  DISCORD_SHARD_IDS: 'comma-separated shard ids for this process, e.g. 0,1,2 (with DISCORD_SHARD_COUNT)',
  DISCORD_SHARD_COUNT: 'the total number of shards across all processes, e.g. 6',
};

const snowflake = z.string().regex(/^\d{17,20}$/, 'must be a Discord id (17–20 digits)');
const optional = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), schema.optional());

/** For the long-running servers only: render and pin the default charts after start. */
const PRERENDER_CHARTS = optional(z.enum(['on', 'off'])).default('on');

/** Every level pino knows, silent included (no logs at all, e.g. for benchmarks). */
export const LOG_LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'] as const;

const common = {
  LOG_LEVEL: optional(z.enum(LOG_LEVELS)).default('info'),
  DISCORD_API_BASE: optional(z.url({ protocol: /^https?$/ }).transform((u) => u.replace(/\/+$/, ''))),
};

/** What `npm run deploy` needs: the bot's credentials and where to register. */
const credentials = {
  ...common,
  DISCORD_TOKEN: z
    .string({ error: 'is missing' })
    .trim()
    .regex(/^[\w-]{10,}\.[\w-]{4,}\.[\w-]{10,}$/, 'does not look like a bot token (three dot-separated parts, no "Bot " prefix)'),
  DISCORD_APPLICATION_ID: snowflake,
  DISCORD_GUILD_ID: optional(snowflake),
};

export const deployConfigSchema = z.object(credentials);
export type DeployConfig = z.infer<typeof deployConfigSchema>;

export const gatewayConfigSchema = z
  .object({
    ...credentials,
    PRERENDER_CHARTS,
    DISCORD_SHARD_IDS: optional(
      z
        .string()
        .regex(/^\s*\d+(\s*,\s*\d+)*\s*$/, 'must be comma-separated shard ids')
        .transform((s) => [...new Set(s.split(',').map(Number))]),
    ),
    DISCORD_SHARD_COUNT: optional(z.coerce.number().int().positive()),
  })
  // A shard range without the total would make discord.js assume count = ids.length, and Discord refuse the shards.
  .superRefine((config, ctx) => {
    const ids = config.DISCORD_SHARD_IDS;
    if (ids === undefined) return;
    const count = config.DISCORD_SHARD_COUNT;
    if (count === undefined) {
      ctx.addIssue({ code: 'custom', path: ['DISCORD_SHARD_COUNT'], message: 'is required when DISCORD_SHARD_IDS is set' });
    } else if (ids.some((id) => id >= count)) {
      ctx.addIssue({ code: 'custom', path: ['DISCORD_SHARD_IDS'], message: `must list ids below DISCORD_SHARD_COUNT (0 to ${count - 1})` });
    }
  });
export type GatewayConfig = z.infer<typeof gatewayConfigSchema>;

export const httpConfigSchema = z.object({
  ...common,
  PRERENDER_CHARTS,
  DISCORD_PUBLIC_KEY: z
    .string({ error: 'is missing' })
    .trim()
    .regex(/^[0-9a-fA-F]{64}$/, 'must be 64 hex characters'),
  DISCORD_APPLICATION_ID: optional(snowflake),
  PORT: optional(z.coerce.number().int().min(1).max(65535)).default(8080),
  HOST: optional(z.string().trim().min(1)).default('0.0.0.0'),
  HTTP_WORKERS: optional(z.coerce.number().int().min(1).max(256)),
  METRICS_PORT: optional(z.coerce.number().int().min(1).max(65535)),
  METRICS_HOST: optional(z.string().trim().min(1)).default('127.0.0.1'),
  METRICS_TOKEN: optional(z.string().trim().min(16, 'must be at least 16 characters')),
});
export type HttpConfig = z.infer<typeof httpConfigSchema>;

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/** Validates the environment; on failure one line per bad variable, naming it and how to get it right. Never echoes a value. */
export function parseConfig<T extends z.ZodType>(schema: T, env: NodeJS.ProcessEnv = process.env): z.infer<T> {
  const result = schema.safeParse(env);
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => {
    const name = String(issue.path[0] ?? 'configuration');
    const message = issue.code === 'invalid_type' && env[name] === undefined ? 'is missing' : issue.message;
    const hint = HOW_TO_GET[name];
    return hint === undefined ? `${name} ${message}` : `${name} ${message} — ${hint}`;
  });
  throw new ConfigError(lines.join('\n'));
}

/** For entry points: the validated config, or one line per bad variable on stderr and exit 78 (EX_CONFIG). */
export function parseConfigOrExit<T extends z.ZodType>(schema: T, prefix = 'Refusing to start'): z.infer<T> {
  try {
    return parseConfig(schema);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${prefix}: ${error.message.split('\n').join(`\n${prefix}: `)}\n`);
    process.exit(78);
  }
}
