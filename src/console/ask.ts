import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { createApp } from '../core/app.ts';
import { exitOnDataError } from '../core/startup.ts';
import { executeLine } from './execute.ts';

/**
 * One-shot answers for people and tools: `ask "/ics name:Devon"`, `ask --json "…"`, `ask --json --autocomplete "…"`,
 * and `ask --json` with commands on stdin, one JSON line out per line in (batch mode).
 */
async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { json: { type: 'boolean', default: false }, autocomplete: { type: 'boolean', default: false } },
  });
  const mode = values.json === true ? 'json' : 'text';
  const app = await createApp();
  const line = positionals.join(' ');
  if (line.trim() !== '') {
    const result = await executeLine(app.router, line, mode, values.autocomplete === true);
    if (result.usageError !== undefined) {
      process.stderr.write(`ask: ${result.usageError}\n`);
      return 2;
    }
    process.stdout.write(`${result.output}\n`);
    return 0;
  }
  if (mode !== 'json') {
    process.stderr.write('ask: give a command, e.g. npm run --silent ask -- "/ics name:Devon" (or --json to read commands from stdin)\n');
    return 2;
  }
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const input of lines) {
    if (input.trim() === '') {
      process.stdout.write(`${JSON.stringify({ error: 'empty line: expected a command such as /ics name:Devon' })}\n`);
      continue;
    }
    const result = await executeLine(app.router, input, 'json', values.autocomplete === true);
    process.stdout.write(`${result.output}\n`);
  }
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => exitOnDataError(error),
);
