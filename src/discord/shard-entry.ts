// What the ShardingManager spawns once per shard: the ordinary bot, which reads its shard from SHARDS/SHARD_COUNT.
import { loadEnv } from '../config/env.ts';
import { exitOnDataError } from '../core/startup.ts';
import { startGatewayBot } from './bot.ts';

loadEnv();
startGatewayBot().catch(exitOnDataError);
