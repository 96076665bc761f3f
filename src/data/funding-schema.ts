import { z } from 'zod';
import { regionSchema } from './survey-schema.ts';

/**
 * Schemas for NHS England's ICB allocations 2023/24–2024/25 (data/sources/nhse-icb-allocations-*.csv, one row per
 * ICB) and its metadata (data/funding-source.json). Column names are the CSV's, as documented in the copied README.
 */

import {
  DISTANCE_COLUMNS,
  FUNDING_COLUMNS,
  MONEY_COLUMNS,
  PER_HEAD_COLUMNS,
  type FundingColumn,
  type MoneyColumn,
  type PerHeadColumn,
} from './funding-columns.ts';

export { DISTANCE_COLUMNS, FUNDING_COLUMNS, MONEY_COLUMNS, PER_HEAD_COLUMNS, type FundingColumn };

// A missing column reaches zod as `undefined`; say so in words rather than "expected number, received undefined".
function cellError(kind: string) {
  return (issue: { input?: unknown }) =>
    issue.input === undefined ? 'missing column' : `must be ${kind}, got ${JSON.stringify(issue.input)}`;
}
// zod 4 numbers already refuse Infinity and NaN.
const number = () => z.number({ error: cellError('a number') });
const text = () => z.string({ error: cellError('text') }).trim().min(1, 'must not be blank');

const moneyK = number().nonnegative('must not be negative (£k)');
const perHeadGbp = number().positive('must be above zero (£ per head)');
const distancePct = number().min(-100, 'must be a percentage above -100');

const moneyShape = Object.fromEntries(MONEY_COLUMNS.map((c) => [c, moneyK])) as Record<MoneyColumn, typeof moneyK>;
const perHeadShape = Object.fromEntries(PER_HEAD_COLUMNS.map((c) => [c, perHeadGbp])) as Record<
  PerHeadColumn,
  typeof perHeadGbp
>;
const distanceShape = Object.fromEntries(DISTANCE_COLUMNS.map((c) => [c, distancePct])) as Record<
  (typeof DISTANCE_COLUMNS)[number],
  typeof distancePct
>;

/** One CSV row after casting: every documented column present, no other column allowed. */
export const fundingRowSchema = z.strictObject(
  {
    ods: text().regex(/^[A-Z0-9]{3}$/, 'must be a 3-character ODS code'),
    icb_name: text(),
    region: z.string({ error: cellError('text') }).pipe(regionSchema),
    ...moneyShape,
    ...perHeadShape,
    ...distanceShape,
  },
  {
    error: (issue) =>
      issue.code === 'unrecognized_keys' ? `unknown column(s): ${issue.keys.map((k) => `"${k}"`).join(', ')}` : undefined,
  },
);
export type FundingRow = z.infer<typeof fundingRowSchema>;

const nonBlank = z.string().trim().min(1, 'must not be blank');

const columnMetaSchema = z.strictObject({
  /** For display, with its unit, e.g. "Core recurrent allocation 2023/24 (£k)". */
  label: nonBlank,
  unit: z.enum(['text', 'gbp-thousands', 'gbp-per-head', 'percent']),
  /** What the column measures, from the source's README. */
  meaning: nonBlank,
});

export type ColumnMeta = z.infer<typeof columnMetaSchema>;

/** data/funding-source.json: the workbook's provenance, its published England total and a label for every column. */
export const fundingSourceSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be a kebab-case slug'),
  title: nonBlank,
  publisher: nonBlank,
  document: nonBlank,
  version: nonBlank,
  /** The workbook's own note on this version. */
  note: nonBlank,
  sheets: z.array(nonBlank).min(1),
  localFile: nonBlank,
  provenanceFile: nonBlank,
  rounding: nonBlank,
  caution: nonBlank,
  england: z.strictObject({
    core_2023_24_recurrent_k: z.strictObject({
      valueK: z.number().int().positive(),
      /** As the workbook prints it. */
      published: nonBlank,
    }),
  }),
  columns: z
    .record(z.string(), columnMetaSchema)
    .superRefine((columns, ctx) => {
      // Every CSV column needs a label for display, and a label for a column that does not exist is a typo.
      const documented = new Set<string>(FUNDING_COLUMNS);
      for (const name of FUNDING_COLUMNS) {
        if (!(name in columns)) ctx.addIssue({ code: 'custom', path: [name], message: 'no label for this CSV column' });
      }
      for (const name of Object.keys(columns)) {
        if (!documented.has(name)) ctx.addIssue({ code: 'custom', path: [name], message: 'not a column of the CSV' });
      }
    })
    // Checked above: exactly one entry per CSV column.
    .transform((columns) => columns as Record<FundingColumn, ColumnMeta>),
});
export type FundingSource = z.infer<typeof fundingSourceSchema>;
