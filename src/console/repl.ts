import { createInterface } from 'node:readline';
import type { Router } from '../core/router.ts';
import { executeLine } from './execute.ts';

const BANNER = `ICS finance bot — offline console (no DISCORD_TOKEN set).
Type a command as in Discord, e.g. /ics name:Devon, /compare first:Leeds second:Kent, /region name:South West,
/rank metric:deficit, or just ask: what is the deficit in Kent? Prefix with "?" for autocomplete (?/ics name:dev).
/help lists everything; "exit" quits.`;

/** The interactive console: the same commands and Reply objects as Discord, rendered as text. */
export async function runConsole(router: Router, input: NodeJS.ReadableStream = process.stdin, output: NodeJS.WritableStream = process.stdout): Promise<void> {
  output.write(`${BANNER}\n`);
  const rl = createInterface({ input, output, terminal: 'isTTY' in input && input.isTTY === true, prompt: 'ics> ' });
  rl.prompt();
  for await (const raw of rl) {
    const line = raw.trim();
    if (line === 'exit' || line === 'quit') break;
    if (line !== '') {
      const autocomplete = line.startsWith('?/');
      // Anything that is not a command is a question: the console is where newcomers start typing.
      const command = autocomplete ? line.slice(1) : line.startsWith('/') ? line : `/ask question:${line}`;
      const result = await executeLine(router, command, 'text', autocomplete);
      output.write(`${result.output}\n\n`);
    }
    rl.prompt();
  }
  rl.close();
}
