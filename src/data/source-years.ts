import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { parseOrThrow } from './data-error.ts';
import { DEFAULT_DATA_DIR } from './data-files.ts';

/**
 * data/source-years.json: the one statement of which years each source covers. Read once at start-up, because
 * command descriptions (plain JSON sent to Discord at registration) need it before any dataset is loaded.
 */

const nonBlank = z.string().trim().min(1);
const yearRange = z.string().regex(/^\d{4}\/\d{2}–\d{4}\/\d{2}$/, 'must read like 2023/24–2024/25 (en dash)');

export const sourceYearsSchema = z.strictObject({
  $comment: z.string().optional(),
  survey: z.strictObject({ sourceId: nonBlank, covers: nonBlank, short: nonBlank }),
  allocations: z.strictObject({ sourceId: nonBlank, allocationYears: yearRange, runningCostYears: yearRange, covers: nonBlank }),
  changes: z.strictObject({ covers: nonBlank }),
});
export type SourceYears = z.infer<typeof sourceYearsSchema>;

// From the project root, not this file: the same code runs from src/ and from the build's dist/src/.
export const SOURCE_YEARS_FILE = join(DEFAULT_DATA_DIR, 'source-years.json');

export function parseSourceYears(raw: unknown): SourceYears {
  return parseOrThrow(sourceYearsSchema, raw, 'data/source-years.json');
}

export const SOURCE_YEARS: SourceYears = parseSourceYears(JSON.parse(readFileSync(SOURCE_YEARS_FILE, 'utf8')) as unknown);
