// `npm run start:sharded`: the bot under discord.js's ShardingManager, one process per shard, for bots in more
// servers than one gateway connection may carry (Discord requires sharding from 2,500 servers).
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { REST, Routes, ShardingManager, type RESTGetAPIGatewayBotResult, type Shard } from 'discord.js';
import { gatewayConfigSchema, parseConfigOrExit, type GatewayConfig } from '../config/config.ts';
import { loadEnv } from '../config/env.ts';
import { createLogger } from '../core/logger.ts';
import { describeFailure, isInvalidToken } from './token-error.ts';
import { RUNNING_BUILT } from '../project-root.ts';

const SHARD_ENTRY = fileURLToPath(new URL(RUNNING_BUILT ? './shard-entry.js' : './shard-entry.ts', import.meta.url));
/** How long a shard may take to shut down gracefully before it is killed. */
const SHARD_STOP_MS = 5_000;

/**
 * totalShards 'auto', done here: discord.js's 'auto' asks discord.com directly and ignores DISCORD_API_BASE, so a
 * REST proxy (or the test fake) would be bypassed. The same call also proves the token before any shard is spawned,
 * where a bad token would otherwise make the manager respawn failing shards forever.
 */
async function recommendedShardCount(config: GatewayConfig): Promise<number> {
  const rest = new REST(config.DISCORD_API_BASE !== undefined ? { api: config.DISCORD_API_BASE } : {}).setToken(config.DISCORD_TOKEN);
  const { shards } = (await rest.get(Routes.gatewayBot())) as RESTGetAPIGatewayBotResult;
  return shards;
}

async function stopShard(shard: Shard): Promise<void> {
  const child = shard.process;
  if (child === null || child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), SHARD_STOP_MS);
  await exited;
  clearTimeout(timer);
}

/** The shard total: DISCORD_SHARD_COUNT when set, else Discord's recommendation; one clear line and exit if neither. */
async function totalShardsOrExit(config: GatewayConfig): Promise<number> {
  try {
    return config.DISCORD_SHARD_COUNT ?? (await recommendedShardCount(config));
  } catch (error) {
    const why = isInvalidToken(error) ? 'Refusing to start' : 'Could not reach Discord';
    process.stderr.write(`${why}: ${describeFailure(error)}\n`);
    process.exit(1);
  }
}

async function main(): Promise<void> {
  loadEnv();
  const config = parseConfigOrExit(gatewayConfigSchema);
  const logger = createLogger(config.LOG_LEVEL);
  const totalShards = await totalShardsOrExit(config);
  const manager = new ShardingManager(SHARD_ENTRY, {
    token: config.DISCORD_TOKEN,
    totalShards,
    // On several machines each runs its own range of the same total (DISCORD_SHARD_IDS + DISCORD_SHARD_COUNT).
    shardList: config.DISCORD_SHARD_IDS ?? 'auto',
    // From sources the shards are TypeScript: the children load tsx as the parent does (resolved here, so any cwd works).
    execArgv: RUNNING_BUILT ? [] : ['--import', import.meta.resolve('tsx')],
  });

  let stopping = false;
  const stopAll = async (exitCode: number) => {
    stopping = true;
    manager.respawn = false;
    await Promise.all(manager.shards.map(stopShard));
    process.exit(exitCode);
  };
  manager.on('shardCreate', (shard) => {
    logger.info({ shard: shard.id, of: totalShards }, 'shard spawned');
    shard.on('death', () => (stopping ? logger.info({ shard: shard.id }, 'shard stopped') : logger.warn({ shard: shard.id }, 'shard died, respawning')));
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      logger.info({ signal }, 'stopping shards');
      void stopAll(0);
    });
  }

  try {
    await manager.spawn();
    logger.info({ shards: manager.shardList }, 'all shards ready');
  } catch (error) {
    process.stderr.write(`Could not start the shards: ${describeFailure(error)}\n`);
    await stopAll(1);
  }
}

await main();
