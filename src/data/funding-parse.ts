import { parse } from 'csv-parse/sync';
import type { InfoField } from 'csv-parse/sync';
import { DataError, parseOrThrow } from './data-error.ts';
import { FUNDING_CSV as FUNDING_CSV_FILE } from './data-files.ts';
import { NUMERIC_COLUMNS } from './funding-columns.ts';
import { fundingRowSchema, fundingSourceSchema, type FundingRow, type FundingSource } from './funding-schema.ts';

/** Reading NHS England's ICB allocations CSV and its metadata: every cell validated, every error naming row and column. */

export const FUNDING_SOURCE_FILE = 'funding-source.json';

export function parseFundingSource(meta: unknown): FundingSource {
  return parseOrThrow(fundingSourceSchema, meta, `data/${FUNDING_SOURCE_FILE}`);
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
    if (seen.has(name)) throw new DataError(`data/${FUNDING_CSV_FILE} header: column "${name}" appears more than once.`);
    seen.add(name);
  }
  return header;
}

function rowLabel(index: number, record: Record<string, unknown>): string {
  const ods = typeof record.ods === 'string' ? `, ODS "${record.ods}"` : '';
  return `data/${FUNDING_CSV_FILE} row ${index + 1}${ods}`;
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
    throw new DataError(`data/${FUNDING_CSV_FILE} is not valid CSV: ${error instanceof Error ? error.message : String(error)}`);
  }
  return records.map((record, index) => parseOrThrow(fundingRowSchema, record, rowLabel(index, record)));
}
