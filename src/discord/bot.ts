import { Events, type Client } from 'discord.js';
import type { Logger } from 'pino';
import { gatewayConfigSchema, parseConfigOrExit } from '../config/config.ts';
import { createApp } from '../core/app.ts';
import { prerenderInBackground } from '../core/default-charts.ts';
import { createLogger } from '../core/logger.ts';
import { createClient } from './client.ts';
import { createGatewayDelivery } from './interactions.ts';
import { answerMessages } from './message-answers.ts';
import { describeFailure, isInvalidToken } from './token-error.ts';

/** How long a graceful shutdown may take before the process exits anyway (a hung socket must not block a deploy). */
const SHUTDOWN_GRACE_MS = 5_000;

function logEvents(client: Client, logger: Logger, commandCount: number): void {
  client.once(Events.ClientReady, (ready) =>
    logger.info({ user: ready.user.tag, shards: [...ready.ws.shards.keys()] }, 'ready: serving %d commands', commandCount),
  );
  client.on(Events.ShardResume, (id, replayed) => logger.info({ shard: id, replayed }, 'shard resumed'));
  client.on(Events.ShardDisconnect, (event, id) => logger.warn({ shard: id, code: event.code }, 'shard disconnected'));
  client.on(Events.Error, (error) => logger.error({ err: error }, 'client error'));
  client.on(Events.Warn, (message) => logger.warn(message));
}

function exitOnSignals(client: Client, logger: Logger, drain: () => Promise<void>): void {
  let stopping = false;
  const shutdown = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    setTimeout(() => process.exit(0), SHUTDOWN_GRACE_MS).unref();
    // Deferred answers still being edited in are finished first, so nobody is left with "thinking…".
    void drain()
      .then(() => client.destroy())
      .finally(() => process.exit(0));
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

/** `npm start` with a token: the gateway bot. Exits non-zero with one clear line on bad config or a rejected token. */
export async function startGatewayBot(): Promise<void> {
  const config = parseConfigOrExit(gatewayConfigSchema);
  const logger = createLogger(config.LOG_LEVEL);
  const app = await createApp({ logger });
  const client = createClient(config);

  const delivery = createGatewayDelivery(app.router, logger, { apiBase: config.DISCORD_API_BASE });
  client.on(Events.InteractionCreate, (interaction) => void delivery.handle(interaction));
  answerMessages(client, app.ctx, logger);
  logEvents(client, logger, app.router.commands.size);
  exitOnSignals(client, logger, () => delivery.drain());
  // A safety net: whatever escapes (a library bug, a rejected promise nobody awaited) is logged, and the bot keeps serving.
  process.on('unhandledRejection', (reason) => logger.error({ err: reason }, 'unhandled rejection'));

  try {
    await client.login(config.DISCORD_TOKEN);
  } catch (error) {
    const why = isInvalidToken(error) ? 'Refusing to start' : 'Could not connect to Discord';
    process.stderr.write(`${why}: ${describeFailure(error)}\n`);
    await client.destroy();
    process.exit(1);
  }
  if (config.PRERENDER_CHARTS === 'on') prerenderInBackground(app.router, logger);
}
