import { z } from 'zod';
import { parseOrThrow } from './data-error.ts';

/** The schema of data/source-years.json (see source-years.ts for how it is read). */

const nonBlank = z.string().trim().min(1);
const yearRange = z.string().regex(/^\d{4}\/\d{2}–\d{4}\/\d{2}$/, 'must read like 2023/24–2024/25 (en dash)');

export const sourceYearsSchema = z.strictObject({
  $comment: z.string().optional(),
  survey: z.strictObject({ sourceId: nonBlank, covers: nonBlank, short: nonBlank }),
  allocations: z.strictObject({ sourceId: nonBlank, allocationYears: yearRange, runningCostYears: yearRange, covers: nonBlank }),
  changes: z.strictObject({ covers: nonBlank }),
});
export type SourceYears = z.infer<typeof sourceYearsSchema>;


export function parseSourceYears(raw: unknown): SourceYears {
  return parseOrThrow(sourceYearsSchema, raw, 'data/source-years.json');
}
