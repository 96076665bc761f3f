// The data a journalist takes away: /data's CSV files parse back (csv-parse) to the values the bot holds, quoted as
// RFC 4180 requires, and the CSV button of /rank, /region and /compare answers hidden with that reply's rows.
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../src/core/app.ts';
import { decodeButton } from '../src/protocol/buttons.ts';
import type { Reply } from '../src/protocol/reply.ts';
import { COLUMNS } from '../src/export/columns.ts';
import { tableCsv } from '../src/export/csv.ts';
import type { IcsSystem } from '../src/data/model.ts';
import { DATASET_FILE } from '../src/views/csv-replies.ts';
import { rankSystems } from '../src/views/rank-view.ts';
import { limitViolations, testApp } from './support/app.ts';

type Row = Record<string, string>;

function fileText(reply: Reply, name: string): string {
  const file = reply.files.find((f) => f.name === name);
  if (file === undefined) throw new Error(`no ${name} in ${reply.files.map((f) => f.name).join(', ')}`);
  return file.data.toString('utf8');
}

function rows(text: string): Row[] {
  return parse<Row>(text, { columns: true, skip_empty_lines: true });
}

function csvButton(reply: Reply): string {
  const ids = reply.components.flatMap((r) => r.components.flatMap((c) => ('custom_id' in c && 'label' in c && c.label === 'CSV' ? [c.custom_id] : [])));
  expect(ids).toHaveLength(1);
  return ids[0] ?? '';
}

let app: App;
let data: Reply;
let dataset: Row[];
const byId = (id: string): Row => {
  const row = dataset.find((r) => r['id'] === id);
  if (row === undefined) throw new Error(`no row ${id}`);
  return row;
};

beforeAll(async () => {
  app = await testApp();
  data = await app.router.command('data', {});
  dataset = rows(fileText(data, DATASET_FILE));
});

describe('/data', () => {
  it('attaches the dataset, its column guide and its sources, with alt text, within Discord’s limits', () => {
    expect(data.files.map((f) => f.name)).toEqual([DATASET_FILE, 'columns.csv', 'sources.csv']);
    for (const f of data.files) expect(f.description).toMatch(/^CSV: /);
    expect(limitViolations(data)).toEqual([]);
    expect(data.ephemeral).toBe(false);
  });

  it('has one row per system, every system once, and every column of the one column list', () => {
    expect(dataset.map((r) => r['id']).sort()).toEqual(app.data.systems.map((s) => s.id).sort());
    expect(Object.keys(dataset[0] ?? {})).toEqual(COLUMNS.map((c) => c.header));
  });

  it('gives back the published strings and parsed values for named rows', () => {
    const staffs = byId('staffordshire-and-stoke-on-trent');
    const system = app.data.byId.get('staffordshire-and-stoke-on-trent');
    expect(staffs['population_published']).toBe(system?.population.published ?? '');
    expect(Number(staffs['population'])).toBe(system?.population.people);
    expect(staffs['position_quote']).toBe(system?.position.quote);

    const cm = byId('cheshire-and-merseyside');
    expect(cm['allocation_published']).toBe('4.018');
    expect(Number(cm['allocation_gbp_bn'])).toBe(4.018);
    expect(cm['data_flags']?.split('; ')).toContain('repeated-allocation');
    expect(cm['icb_since_april_2026']).toBe('NHS Cheshire and Merseyside Integrated Care Board');

    const notts = byId('nottingham-and-nottinghamshire');
    expect(notts['position_quote']).toBe('£96.7m system deficit forecast (£59.7m attributed to NUH)');
    expect(Number(notts['deficit_gbp_m'])).toBe(96.7);
    expect(notts['position_stage']).toBe(app.data.byId.get('nottingham-and-nottinghamshire')?.position.stage);
    expect(notts['position_stage']).not.toBe('');
    expect(notts['boundary_moves_july_2022']).toContain('Bassetlaw joined from South Yorkshire and Bassetlaw');
    expect(Number(notts['deficit_share_pct'])).toBeCloseTo(app.data.byId.get('nottingham-and-nottinghamshire')?.figures.deficitSharePct ?? NaN, 3);
  });

  it('leaves a missing figure empty rather than writing "null" or 0', () => {
    const missing = app.data.systems.find((s) => s.population.people === null);
    expect(missing).toBeDefined();
    expect(byId(missing?.id ?? '')['population']).toBe('');
    expect(fileText(data, DATASET_FILE)).not.toMatch(/,null,|,undefined,/);
  });

  it('is RFC 4180: CRLF line ends, fields with commas or quotes quoted, quotes doubled', () => {
    const text = fileText(data, DATASET_FILE);
    expect(text.split('\r\n').length).toBe(app.data.systems.length + 2);
    expect(text).toContain(',"1,563",');
    // Names with commas (five systems) come back whole, not split into extra columns.
    const bnssg = app.data.byId.get('bristol-north-somerset-and-south-gloucestershire');
    expect(bnssg?.publishedName).toContain(',');
    expect(text).toContain(`,"${bnssg?.publishedName ?? ''}",`);
    const withComma = app.data.systems.filter((s) => s.publishedName.includes(','));
    expect(withComma.length).toBe(5);
    for (const s of withComma) expect(byId(s.id)['published_name']).toBe(s.publishedName);
    // No survey quote has a double quote, so the doubling rule is checked on the writer with one that does.
    const both = rows(tableCsv('order', [{ position: 1, system: { ...(bnssg as IcsSystem), publishedName: 'Say "hi", then' } }], app.data));
    expect(both[0]?.['published_name']).toBe('Say "hi", then');
    expect(tableCsv('order', [{ position: 1, system: { ...(bnssg as IcsSystem), publishedName: 'Say "hi", then' } }], app.data)).toContain(
      '"Say ""hi"", then"',
    );
  });

  it('lists the sources with their verified addresses, and says what each column holds', () => {
    const sources = rows(fileText(data, 'sources.csv'));
    const glossop = sources.find((s) => s['id'] === 'jucd-glossop-update');
    expect(glossop?.['url']).toBe('https://joinedupcarederbyshire.co.uk/news/update-on-health-and-social-care-in-glossop');
    expect(sources.find((s) => s['id'] === 'lowdown-ics-finance-survey-2022')?.['url']).toMatch(/^https:\/\/lowdownnhs\.info\//);
    const columns = rows(fileText(data, 'columns.csv'));
    expect(columns.map((c) => c['column'])).toEqual(COLUMNS.map((c) => c.header));
  });
});

describe('the CSV button', () => {
  it('on /rank answers hidden with the ranked rows, in the ranking’s order', async () => {
    const reply = await app.router.command('rank', { metric: 'deficit-per-head', count: 5, chart: false });
    const id = csvButton(reply);
    const decoded = decodeButton(id);
    expect(decoded.ok && decoded.action.hide).toBe(true);
    const answer = await app.router.button(id);
    expect(answer.ephemeral).toBe(true);
    expect(limitViolations(answer)).toEqual([]);
    const table = rows(answer.files[0]?.data.toString('utf8') ?? '');
    const expected = rankSystems(app.data, { metric: 'deficit-per-head', order: 'highest', region: null, count: 5 }).rows;
    expect(table.map((r) => r['id'])).toEqual(expected.map((r) => r.system.id));
    expect(table.map((r) => Number(r['rank']))).toEqual(expected.map((r) => r.rank.position));
  });

  it('on /region lists every system of the region; on /compare the two compared', async () => {
    const region = await app.router.command('region', { name: 'North West', chart: false, hide: true });
    const regionTable = rows((await app.router.button(csvButton(region))).files[0]?.data.toString('utf8') ?? '');
    expect(regionTable.map((r) => r['id']).sort()).toEqual(
      app.data.systems
        .filter((s) => s.region === 'North West')
        .map((s) => s.id)
        .sort(),
    );
    expect(regionTable.map((r) => r['order'])).toEqual(regionTable.map((_, i) => String(i + 1)));

    const compare = await app.router.command('compare', { first: 'Staffordshire', second: 'Cheshire and Merseyside', chart: false });
    const answer = await app.router.button(csvButton(compare));
    expect(answer.ephemeral).toBe(true);
    expect(rows(answer.files[0]?.data.toString('utf8') ?? '').map((r) => r['id'])).toEqual(['staffordshire-and-stoke-on-trent', 'cheshire-and-merseyside']);
  });
});
