import type { Funding } from './funding.ts';
import { joinByOds } from './funding-join.ts';
import { fundingMeasures } from './funding-measures.ts';
import { parseFundingRows } from './funding-parse.ts';

/**
 * Parses the CSV and joins every row to a system by ODS code (each of `odsBySystemId`'s systems must have exactly one
 * row and every row a system), then derives the measures. Run by data:check and the build (csv-parse and zod), which
 * store the result in the snapshot, so a started bot loads neither library.
 */
export function loadFunding(csvText: string, odsBySystemId: ReadonlyMap<string, string>): Map<string, Funding> {
  const funding = new Map<string, Funding>();
  for (const [systemId, row] of joinByOds(parseFundingRows(csvText), odsBySystemId)) {
    funding.set(systemId, { systemId, published: row, measures: fundingMeasures(row) });
  }
  return funding;
}
