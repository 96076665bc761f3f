import { stringify } from 'csv-stringify/sync';
import type { Dataset, IcsSystem } from '../data/model.ts';
import { COLUMNS, TABLE_COLUMNS, type Cell, type Column } from './columns.ts';

/**
 * The dataset as CSV (RFC 4180: comma-separated, CRLF line ends, fields with commas, quotes or line breaks quoted,
 * quotes doubled), written by csv-stringify. Pure: data in, text out; the commands attach the text as files.
 */

const RFC_4180 = { record_delimiter: 'windows' } as const;

function write(header: readonly string[], rows: ReadonlyArray<readonly Cell[]>): string {
  // Empty cells, not "null": a missing figure is an empty field, as spreadsheets expect.
  return stringify([header, ...rows.map((r) => r.map((c) => (c === null ? '' : c)))], RFC_4180);
}

function rowOf(system: IcsSystem, data: Dataset, columns: readonly Column[]): Cell[] {
  return columns.map((c) => c.value(system, data));
}

/** The dataset is static for a process's life: its files are written once per dataset, not once per /data. */
function once(cache: WeakMap<Dataset, string>, data: Dataset, build: () => string): string {
  let text = cache.get(data);
  if (text === undefined) {
    text = build();
    cache.set(data, text);
  }
  return text;
}
const datasetCache = new WeakMap<Dataset, string>();
const sourcesCache = new WeakMap<Dataset, string>();

/** Every system, every column: the whole dataset a journalist can take away (/data). */
export function datasetCsv(data: Dataset): string {
  return once(datasetCache, data, () => writeDataset(data));
}

function writeDataset(data: Dataset): string {
  return write(
    COLUMNS.map((c) => c.header),
    data.systems.map((s) => rowOf(s, data, COLUMNS)),
  );
}

/** What each column of datasets.csv holds: a column guide, since a CSV file has no place for comments. */
export function columnsCsv(): string {
  return write(
    ['column', 'meaning'],
    COLUMNS.map((c) => [c.header, c.meaning]),
  );
}

export const LICENCE_UNKNOWN = 'not recorded in the bot’s data: check the publisher’s terms before reuse';

/** Every source the figures come from, with its address where verified. */
export function sourcesCsv(data: Dataset): string {
  return once(sourcesCache, data, () => writeSources(data));
}

function writeSources(data: Dataset): string {
  const survey = data.sources.map((s): Cell[] => [s.id, s.title, s.publisher, s.date, s.url ?? null, s.contributes]);
  const f = data.funding.source;
  const funding: Cell[] = [
    f.id,
    `${f.title}, ${f.document} ${f.version}`,
    f.publisher,
    null,
    null,
    `Official allocations 2023/24–2024/25 and running costs to 2025/26, columns nhse_* (${f.localFile})`,
  ];
  const changes = data.changes.sources.map((s): Cell[] => [s.id, s.title, s.publisher, s.date, s.url ?? null, s.note]);
  // Reuse terms are not recorded in the bot's data for any source: said in a column rather than guessed.
  const rows = [...survey, funding, ...changes].map((r) => [...r, LICENCE_UNKNOWN]);
  return write(['id', 'title', 'publisher', 'date', 'url', 'contributes', 'licence'], rows);
}

/**
 * The rows one /rank, /region or /compare reply shows, in its order, with the table columns, led by `rank` (the
 * place the ranking gives; joint places repeat) or `order` (the row's place in a list that does not rank).
 */
export function tableCsv(lead: 'rank' | 'order', rows: ReadonlyArray<{ position: number; system: IcsSystem }>, data: Dataset): string {
  return write(
    [lead, ...TABLE_COLUMNS.map((c) => c.header)],
    rows.map((r) => [r.position, ...rowOf(r.system, data, TABLE_COLUMNS)]),
  );
}
