import { Client, GatewayIntentBits, Partials, type ClientOptions } from 'discord.js';
import type { GatewayConfig } from '../config/config.ts';

/** discord.js's ShardingManager sets this in every process it spawns, along with SHARDS and SHARD_COUNT. */
export function spawnedByShardingManager(env: NodeJS.ProcessEnv = process.env): boolean {
  return env['SHARDING_MANAGER'] !== undefined;
}

/**
 * The bot needs no privileged intents: interactions arrive regardless, and Guilds keeps the guild cache coherent.
 * GuildMessages and DirectMessages bring messages that mention the bot and DMs, with their text (no Message Content
 * intent needed for those); DM channels are not cached, hence the Channel partial.
 * DISCORD_API_BASE points REST (and so gateway discovery) at a proxy or the loopback fake.
 */
export function createClient(config: GatewayConfig): Client {
  const options: ClientOptions = {
    intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.DirectMessages],
    partials: [Partials.Channel],
    // Every reply already says parse: []; this default also covers anything sent without it.
    allowedMentions: { parse: [] },
  };
  if (config.DISCORD_API_BASE !== undefined) options.rest = { api: config.DISCORD_API_BASE };
  // Under the ShardingManager the Client reads its shard from SHARDS/SHARD_COUNT; a DISCORD_SHARD_IDS inherited
  // from the manager's environment must not override that (shard ranges are the manager's shardList there).
  if (!spawnedByShardingManager()) {
    if (config.DISCORD_SHARD_IDS !== undefined) {
      // One range of a bot sharded across machines; the config guarantees the total is given with it.
      options.shards = config.DISCORD_SHARD_IDS;
      if (config.DISCORD_SHARD_COUNT !== undefined) options.shardCount = config.DISCORD_SHARD_COUNT;
    } else if (config.DISCORD_SHARD_COUNT !== undefined) {
      options.shardCount = config.DISCORD_SHARD_COUNT;
    } else {
      // As many shards as Discord recommends, in this process: one until Discord asks for more, and no refusal
      // (close code 4011, sharding required) when the bot reaches 2,500 servers.
      options.shards = 'auto';
    }
  }
  return new Client(options);
}
