import { parse } from 'csv-parse/sync';
import type { InfoField } from 'csv-parse/sync';
import { DataError, parseOrThrow } from './data-error.ts';
import { NUMERIC_COLUMNS } from './funding-columns.ts';
import { fundingRowSchema, fundingSourceSchema, type FundingRow, type FundingSource } from './funding-schema.ts';
import { FUNDING_CSV_FILE, FUNDING_RANK_IDS, FUNDING_RANKINGS, FUNDING_SOURCE_FILE, measuresOf, rankValues, type Funding, type FundingRankId, type Rank } from './funding.ts';

/**
 * Reading and validating the allocations CSV and its metadata (csv-parse, zod): run by data:check and the build, which
 * stores the result in the snapshot, so a started bot loads neither library.
 */

export function parseFundingSource(meta: unknown): FundingSource {
  return parseOrThrow(fundingSourceSchema, meta, FUNDING_SOURCE_FILE);
}

const NUMBER_AS_WRITTEN = /^-?\d+(\.\d+)?$/;

// Only well-formed numbers become numbers; anything else stays a string so that zod names the cell.
function castCell(value: string, context: InfoField): unknown {
  if (context.header || !NUMERIC_COLUMNS.has(String(context.column))) return value;
  return NUMBER_AS_WRITTEN.test(value) ? Number(value) : value;
}

// `columns: true` would silently keep the last of two same-named columns, so the header is checked first.
function checkedHeader(header: string[]): string[] {
  const seen = new Set<string>();
  for (const name of header) {
    if (seen.has(name)) throw new DataError(`${FUNDING_CSV_FILE} header: column "${name}" appears more than once.`);
    seen.add(name);
  }
  return header;
}

function rowLabel(index: number, record: Record<string, unknown>): string {
  const ods = typeof record.ods === 'string' ? `, ODS "${record.ods}"` : '';
  return `${FUNDING_CSV_FILE} row ${index + 1}${ods}`;
}

/** Parses and validates every row; an unknown, missing or non-numeric column is a DataError naming row and column. */
export function parseFundingRows(csvText: string): FundingRow[] {
  let records: Record<string, unknown>[];
  try {
    records = parse<Record<string, unknown>>(csvText, {
      columns: checkedHeader,
      cast: castCell,
      bom: true,
      skip_empty_lines: true,
    });
  } catch (error) {
    if (error instanceof DataError) throw error;
    throw new DataError(`${FUNDING_CSV_FILE} is not valid CSV: ${error instanceof Error ? error.message : String(error)}`);
  }
  return records.map((record, index) => parseOrThrow(fundingRowSchema, record, rowLabel(index, record)));
}

/** Joins rows to systems one-to-one by ODS code, or throws a DataError listing every code that does not. */
function joinByOds(rows: FundingRow[], odsBySystemId: ReadonlyMap<string, string>): Map<string, FundingRow> {
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
    throw new DataError(`${FUNDING_CSV_FILE} does not join to the systems by ODS code:\n  ${problems.join('\n  ')}`);
  }
  const joined = new Map<string, FundingRow>();
  for (const [systemId, ods] of odsBySystemId) {
    const index = rowIndexByOds.get(ods);
    if (index !== undefined && rows[index] !== undefined) joined.set(systemId, rows[index]);
  }
  return joined;
}

/**
 * Validates the CSV and its metadata, joins every row to a system by ODS code (each of `odsBySystemId`'s systems
 * must have exactly one row and every row a system) and derives the measures and ranks.
 */
export function loadFunding(
  csvText: string,
  meta: unknown,
  odsBySystemId: ReadonlyMap<string, string>,
): Map<string, Funding> {
  parseFundingSource(meta);
  const rowsBySystem = joinByOds(parseFundingRows(csvText), odsBySystemId);
  const unranked = new Map<string, Omit<Funding, 'ranks'>>();
  for (const [systemId, row] of rowsBySystem) unranked.set(systemId, { systemId, published: row, measures: measuresOf(row) });

  const ranksBySystem = new Map<string, Partial<Record<FundingRankId, Rank>>>();
  for (const id of FUNDING_RANK_IDS) {
    const { measure, decimals } = FUNDING_RANKINGS[id];
    const values = [...unranked.values()].map((f) => ({ systemId: f.systemId, value: f.measures[measure] }));
    for (const { systemId, rank } of rankValues(values, decimals)) {
      ranksBySystem.set(systemId, { ...ranksBySystem.get(systemId), [id]: rank });
    }
  }
  const funding = new Map<string, Funding>();
  for (const [systemId, f] of unranked) {
    funding.set(systemId, { ...f, ranks: ranksBySystem.get(systemId) as Record<FundingRankId, Rank> });
  }
  return funding;
}
