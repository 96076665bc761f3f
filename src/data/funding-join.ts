import { DataError } from './data-error.ts';
import { FUNDING_CSV as FUNDING_CSV_FILE } from './data-files.ts';
import type { FundingRow } from './funding-schema.ts';

/** Joins rows to systems one-to-one by ODS code, or throws a DataError listing every code that does not. */
export function joinByOds(rows: readonly FundingRow[], odsBySystemId: ReadonlyMap<string, string>): Map<string, FundingRow> {
  const problems: string[] = [];
  const systemIdByOds = new Map<string, string>();
  for (const [systemId, ods] of odsBySystemId) {
    const other = systemIdByOds.get(ods);
    if (other !== undefined) problems.push(`systems "${other}" and "${systemId}" both have ODS code "${ods}"`);
    systemIdByOds.set(ods, systemId);
  }
  const rowIndexByOds = new Map<string, number>();
  rows.forEach((row, index) => {
    const earlier = rowIndexByOds.get(row.ods);
    if (earlier !== undefined) {
      problems.push(`ODS code "${row.ods}" is repeated (rows ${earlier + 1} and ${index + 1})`);
      return;
    }
    rowIndexByOds.set(row.ods, index);
    if (!systemIdByOds.has(row.ods)) problems.push(`row ${index + 1}: ODS code "${row.ods}" matches none of the systems`);
  });
  for (const [systemId, ods] of odsBySystemId) {
    if (!rowIndexByOds.has(ods)) problems.push(`system "${systemId}" (ODS "${ods}") has no row`);
  }
  if (problems.length > 0) {
    throw new DataError(`data/${FUNDING_CSV_FILE} does not join to the systems by ODS code:\n  ${problems.join('\n  ')}`);
  }
  const joined = new Map<string, FundingRow>();
  for (const [systemId, ods] of odsBySystemId) {
    const index = rowIndexByOds.get(ods);
    if (index !== undefined && rows[index] !== undefined) joined.set(systemId, rows[index]);
  }
  return joined;
}
