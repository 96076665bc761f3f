import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { toMessageData } from '../protocol/message-data.ts';
import type { Router } from '../core/router.ts';
import type { Reply } from '../protocol/reply.ts';
import { parseLine, UsageError } from './parse-line.ts';
import { renderText } from './render-text.ts';

export type OutputMode = 'text' | 'json';

export interface LineResult {
  /** What to print on stdout (one line in JSON mode). */
  output: string;
  /** A usage error, for stderr and the exit code in one-shot mode. */
  usageError?: string;
}

/** Where the console writes chart files; relative to the working directory so a user finds them. */
export const CHARTS_DIR = resolve(process.env['CHARTS_DIR'] ?? 'charts-out');

function writeFiles(reply: Reply): string[] {
  if (reply.files.length === 0) return [];
  mkdirSync(CHARTS_DIR, { recursive: true });
  return reply.files.map((file) => {
    const path = join(CHARTS_DIR, file.name);
    writeFileSync(path, file.data);
    return path;
  });
}

function render(reply: Reply, mode: OutputMode): LineResult {
  const paths = writeFiles(reply);
  return { output: mode === 'json' ? JSON.stringify(toMessageData(reply)) : renderText(reply, paths) };
}

/** Runs one command line the way Discord would deliver it and renders the answer as text or as the response JSON. */
export async function executeLine(router: Router, line: string, mode: OutputMode, autocomplete = false): Promise<LineResult> {
  try {
    const press = /^press(?:\s+(\S*))?\s*$/.exec(line.trim());
    if (press !== null) {
      const customId = press[1];
      if (customId === undefined || customId === '') throw new UsageError('press needs a button custom id, e.g. press v2:ics::QE1');
      if (autocomplete) throw new UsageError('--autocomplete does not apply to press');
      return render(await router.button(customId), mode);
    }
    const parsed = parseLine(line, router.commands, { forAutocomplete: autocomplete });
    if (autocomplete) {
      if (parsed.focused === undefined) throw new UsageError('autocomplete needs an option to complete, e.g. /ics name:dev');
      const choices = router.autocomplete(parsed.command, parsed.focused, parsed.options);
      return { output: mode === 'json' ? JSON.stringify(choices) : choices.map((c) => `${c.name}  [${c.value}]`).join('\n') };
    }
    return render(await router.command(parsed.command, parsed.options), mode);
  } catch (error) {
    if (error instanceof UsageError) {
      return { output: mode === 'json' ? JSON.stringify({ error: error.message }) : `Usage error: ${error.message}`, usageError: error.message };
    }
    throw error;
  }
}
