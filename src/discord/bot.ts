import { DiscordjsError, DiscordjsErrorCodes, Events } from 'discord.js';
import { ConfigError, gatewayConfigSchema, parseConfig } from '../config/config.ts';
import { createApp } from '../core/app.ts';
import { createLogger } from '../core/logger.ts';
import { createClient } from './client.ts';
import { handleInteraction } from './interactions.ts';

function isInvalidToken(error: unknown): boolean {
  if (error instanceof DiscordjsError && error.code === DiscordjsErrorCodes.TokenInvalid) return true;
  const status = (error as { status?: unknown } | null)?.status;
  return status === 401;
}

/** `npm start` with a token: the gateway bot. Exits non-zero with one clear line on bad config or a rejected token. */
export async function startGatewayBot(): Promise<void> {
  let config;
  try {
    config = parseConfig(gatewayConfigSchema);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`Refusing to start: ${error.message}\n`);
      process.exit(78);
    }
    throw error;
  }
  const logger = createLogger(config.LOG_LEVEL);
  const app = await createApp({ logger });
  const client = createClient(config);

  client.on(Events.InteractionCreate, (interaction) => void handleInteraction(interaction, app.router, logger));
  client.once(Events.ClientReady, (ready) => logger.info({ user: ready.user.tag, shards: ready.ws.shards.size }, 'ready: serving %d commands', app.router.commands.size));
  client.on(Events.ShardResume, (id) => logger.info({ shard: id }, 'shard resumed'));
  client.on(Events.ShardDisconnect, (event, id) => logger.warn({ shard: id, code: event.code }, 'shard disconnected'));
  client.on(Events.Error, (error) => logger.error({ err: error }, 'client error'));

  const shutdown = (signal: string) => {
    logger.info({ signal }, 'shutting down');
    void client.destroy().finally(() => process.exit(0));
  };
  process.once('SIGINT', () => shutdown('SIGINT'));
  process.once('SIGTERM', () => shutdown('SIGTERM'));

  try {
    await client.login(config.DISCORD_TOKEN);
  } catch (error) {
    if (isInvalidToken(error)) {
      process.stderr.write('Refusing to start: Discord rejected DISCORD_TOKEN (401 Unauthorized). Reset the token in the Discord developer portal → your application → Bot, and update .env.\n');
    } else {
      process.stderr.write(`Could not connect to Discord: ${error instanceof Error ? error.message : String(error)}\n`);
    }
    await client.destroy();
    process.exit(1);
  }
}
