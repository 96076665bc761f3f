import { DataError } from '../data/data-error.ts';

/** Refuses to run on bad data or config with the message that names the field, never a stack trace. */
export function exitOnDataError(error: unknown): never {
  if (error instanceof DataError) {
    process.stderr.write(`Refusing to start: ${error.message}\n`);
    process.exit(78);
  }
  process.stderr.write(`Unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
}
