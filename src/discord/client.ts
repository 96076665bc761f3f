import { Client, GatewayIntentBits, type ClientOptions } from 'discord.js';
import type { GatewayConfig } from '../config/config.ts';

/**
 * The bot needs no privileged intents: interactions arrive regardless, and Guilds keeps the guild cache coherent.
 * DISCORD_API_BASE points REST (and so gateway discovery) at a proxy or the loopback fake.
 */
export function createClient(config: GatewayConfig): Client {
  const options: ClientOptions = { intents: [GatewayIntentBits.Guilds] };
  if (config.DISCORD_API_BASE !== undefined) options.rest = { api: config.DISCORD_API_BASE };
  if (config.DISCORD_SHARD_IDS !== undefined) {
    options.shards = config.DISCORD_SHARD_IDS;
    if (config.DISCORD_SHARD_COUNT !== undefined) options.shardCount = config.DISCORD_SHARD_COUNT;
  }
  return new Client(options);
}
