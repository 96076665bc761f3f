import { joinByOds } from './funding-join.ts';
import { fundingMeasures, type FundingMeasures } from './funding-measures.ts';
import { parseFundingRows } from './funding-parse.ts';
import type { FundingRow } from './funding-schema.ts';

/**
 * NHS England's ICB allocations 2023/24–2024/25 for one system: the workbook's row joined by ODS code, and the
 * figures derived from it. Ranks live with every other rank, on the system (src/data/model.ts).
 */
export interface Funding {
  systemId: string;
  /** The workbook's row as published (CSV column names; money in £k). */
  published: FundingRow;
  measures: FundingMeasures;
}

/**
 * Parses the CSV and joins every row to a system by ODS code (each of `odsBySystemId`'s systems must have exactly one
 * row and every row a system), then derives the measures.
 */
export function loadFunding(csvText: string, odsBySystemId: ReadonlyMap<string, string>): Map<string, Funding> {
  const funding = new Map<string, Funding>();
  for (const [systemId, row] of joinByOds(parseFundingRows(csvText), odsBySystemId)) {
    funding.set(systemId, { systemId, published: row, measures: fundingMeasures(row) });
  }
  return funding;
}
