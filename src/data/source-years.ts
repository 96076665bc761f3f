import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_DATA_DIR } from './data-files.ts';
import type { SourceYears } from './source-years-schema.ts';

export type { SourceYears };

// From the project root, not this file: the same code runs from src/ and from the build's dist/src/.
export const SOURCE_YEARS_FILE = join(DEFAULT_DATA_DIR, 'source-years.json');

/**
 * data/source-years.json: the one statement of which years each source covers, read at start-up because command
 * descriptions need it before any dataset is loaded. Validated with the rest of data/ (source-years-schema.ts: the
 * build, data:check, the source path of a start); the build's snapshot refuses a file changed since.
 */
export const SOURCE_YEARS = JSON.parse(readFileSync(SOURCE_YEARS_FILE, 'utf8')) as SourceYears;
