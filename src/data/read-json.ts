import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataError } from './data-error.ts';

/** Its own module so a loader that needs only this (the gazetteer) does not load the whole validation path. */
export function readText(dir: string, file: string): string {
  const path = join(dir, file);
  try {
    return readFileSync(path, 'utf8');
  } catch {
    throw new DataError(`data/${file} could not be read at ${path}. Restore it from git (git checkout -- data/${file}).`);
  }
}

export function readJson(dir: string, file: string): unknown {
  const text = readText(dir, file);
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new DataError(`data/${file} is not valid JSON (${(error as Error).message}). Fix the syntax in data/${file}.`);
  }
}
