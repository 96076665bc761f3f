import type { APIActionRowComponent, APIButtonComponent } from 'discord-api-types/v10';
import type { Dataset, IcsSystem } from '../data/model.ts';
import { ComponentType } from '../protocol/api.ts';
import { actionButton, type ButtonAction } from '../protocol/buttons.ts';
import { reply, type Reply, type ReplyFile } from '../protocol/reply.ts';
import { sourceYearsLine } from './source-years.ts';

/** The argument a /rank, /region or /compare button adds to its own action to ask for the reply's table as CSV. */
export const CSV_ARG = 'csv';

export const DATASET_FILE = 'ics-finance-2022.csv';

function csvFile(name: string, text: string, description: string): ReplyFile {
  return { name, data: Buffer.from(text, 'utf8'), description };
}

/** The CSV writer (csv-stringify) loads on the first CSV asked for, not at every start. */
const csvWriter = () => import('../export/csv.ts');

/** /data: the whole dataset, its column guide and its sources, with the provenance in the message itself. */
export async function dataReply(data: Dataset, hide: boolean): Promise<Reply> {
  const { columnsCsv, datasetCsv, sourcesCsv } = await csvWriter();
  const content = [
    `**The whole dataset as CSV**: one row per system (${data.systems.length}), every figure as the survey printed it and as the bot reads it, the data flags, derived figures, NHS England’s official funding figures and the ICB covering the area since 2026.`,
    sourceYearsLine(data),
    '`columns.csv` says what each column holds; `sources.csv` lists every source with its address where verified. Reuse terms are not recorded for any source: check each publisher’s before republishing.',
    'Empty cells are figures the source does not give. Derived figures carry 4 decimals, so round them before you quote them.',
  ].join('\n');
  return reply({
    ephemeral: hide,
    content,
    files: [
      csvFile(
        DATASET_FILE,
        datasetCsv(data),
        `CSV: the ${data.systems.length} integrated care systems of 2022, one row each, with every published figure, flags and sources`,
      ),
      csvFile('columns.csv', columnsCsv(), 'CSV: what each column of the dataset file holds'),
      csvFile('sources.csv', sourcesCsv(data), 'CSV: every source of the figures, with addresses where verified'),
    ],
  });
}

/** The row of one "CSV" button under a /rank, /region or /compare reply: always answered hidden. */
export function csvButtonRow(action: ButtonAction): APIActionRowComponent<APIButtonComponent> {
  return { type: ComponentType.ActionRow, components: [actionButton('CSV', { ...action, args: [...action.args, CSV_ARG], hide: true })] };
}

/** A button's args without the CSV marker, and whether it was there. */
export function splitCsvArg(args: readonly string[]): { args: readonly string[]; csv: boolean } {
  return args.at(-1) === CSV_ARG ? { args: args.slice(0, -1), csv: true } : { args, csv: false };
}

/** The answer to a "CSV" button: the reply's rows as a file, hidden (it is for the one who pressed). */
export async function tableCsvReply(
  name: string,
  what: string,
  lead: 'rank' | 'order',
  rows: ReadonlyArray<{ position: number; system: IcsSystem }>,
  data: Dataset,
): Promise<Reply> {
  const { tableCsv } = await csvWriter();
  return reply({
    ephemeral: true,
    content: `**${what}** as CSV: ${rows.length} row${rows.length === 1 ? '' : 's'}, in the reply’s order (column \`${lead}\`). Every column for every system: \`/data\`.`,
    files: [csvFile(name, tableCsv(lead, rows, data), `CSV: ${what}`)],
  });
}
