import { createApp } from './core/app.ts';
import { exitOnDataError } from './core/startup.ts';
import { runConsole } from './console/repl.ts';
import { loadEnv } from './config/env.ts';

/** `npm start`: the Discord bot when DISCORD_TOKEN is set, otherwise the offline console. */
async function main(): Promise<void> {
  loadEnv();
  const token = process.env['DISCORD_TOKEN'];
  if (token === undefined || token.trim() === '') {
    const app = await createApp();
    await runConsole(app.router);
    return;
  }
  const { startGatewayBot } = await import('./discord/bot.ts');
  await startGatewayBot();
}

main().catch(exitOnDataError);
