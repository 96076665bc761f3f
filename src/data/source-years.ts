import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { parseOrThrow } from './data-error.ts';

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

export const SOURCE_YEARS_FILE = new URL('../../data/source-years.json', import.meta.url);

export function parseSourceYears(raw: unknown): SourceYears {
  return parseOrThrow(sourceYearsSchema, raw, 'data/source-years.json');
}

export const SOURCE_YEARS: SourceYears = parseSourceYears(JSON.parse(readFileSync(SOURCE_YEARS_FILE, 'utf8')) as unknown);
