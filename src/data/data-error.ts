import type { z } from 'zod';

/** A data file failed validation; the message names the file, the field path and the fix. */
export class DataError extends Error {
  override readonly name = 'DataError';
}

/** Renders a zod path the way a person would write it: `systems[12].allocation.gbpBillions`. */
export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  return path.reduce<string>((acc, key) => {
    if (typeof key === 'number') return `${acc}[${key}]`;
    const name = String(key);
    return acc === '' ? name : `${acc}.${name}`;
  }, '');
}

/** Parses with a schema or throws a DataError naming each bad field: `systems[12].allocation.gbpBillions: expected number`. */
export function parseOrThrow<T extends z.ZodType>(schema: T, raw: unknown, fileLabel: string): z.infer<T> {
  const result = schema.safeParse(raw);
  if (result.success) return result.data;
  const lines = result.error.issues.slice(0, 10).map((issue) => {
    const where = formatPath(issue.path) || '(root)';
    return `  ${where}: ${issue.message}`;
  });
  const more = result.error.issues.length > 10 ? `\n  … and ${result.error.issues.length - 10} more` : '';
  throw new DataError(`${fileLabel} is invalid:\n${lines.join('\n')}${more}\nFix the field(s) named above in ${fileLabel}.`);
}
