// The July 2022 boundary moves told on the cards of the systems they left and joined, checked in data; and the one
// statement of the years each source covers, used by /funding, /help, /sources and the successor card.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../src/core/app.ts';
import { DataError } from '../src/data/data-error.ts';
import { parseChanges } from '../src/data/changes-parse.ts';
import { SOURCE_YEARS } from '../src/data/source-years.ts';
import { parseSourceYears } from '../src/data/source-years-schema.ts';
import { COMMANDS } from '../commands/index.ts';
import { limitViolations, replyText, testApp } from './support/app.ts';

let app: App;
beforeAll(async () => {
  app = await testApp();
});

async function since2022(name: string): Promise<string> {
  const reply = await app.router.command('ics', { name });
  return reply.embeds[0]?.fields?.find((f) => f.name === 'Since 2022')?.value ?? '';
}

describe('the July 2022 boundary moves', () => {
  it.each([
    ['South Yorkshire and Bassetlaw', 'Bassetlaw moved out to Nottingham and Nottinghamshire'],
    ['Nottingham and Nottinghamshire', 'Bassetlaw joined from South Yorkshire and Bassetlaw'],
    ['West Yorkshire and Harrogate', 'Harrogate moved out to Humber and North Yorkshire'],
    ['Humber and North Yorkshire', 'Harrogate joined from West Yorkshire and Harrogate'],
    ['Greater Manchester', 'Glossop moved out to Derby and Derbyshire'],
    ['Derby and Derbyshire', 'Glossop joined from Greater Manchester'],
  ])('%s’s card says: %s (on 1 July 2022, with a linked source)', async (name, line) => {
    const text = await since2022(name);
    expect(text).toContain(line);
    expect(text).toContain('On 1 July 2022');
    expect(text).toMatch(/\]\(https:\/\//);
  });

  it('no longer says South Yorkshire and Bassetlaw covers "the same area" today; an untouched system still does', async () => {
    expect(await since2022('South Yorkshire and Bassetlaw')).not.toContain('same area');
    expect(await since2022('Devon')).toContain('same area');
  });

  it('is checked in data: a move names two different survey systems and cites known sources', () => {
    const raw = JSON.parse(readFileSync(new URL('../data/changes.json', import.meta.url), 'utf8')) as {
      boundaryMoves2022: { moves: Array<Record<string, unknown>> };
    };
    const ids = new Set(app.data.systems.map((s) => s.id));
    const broken = (edit: (move: Record<string, unknown>) => void): string => {
      const copy = structuredClone(raw);
      const first = copy.boundaryMoves2022.moves[0];
      if (first !== undefined) edit(first);
      try {
        parseChanges(copy, ids);
      } catch (error) {
        expect(error).toBeInstanceOf(DataError);
        return (error as Error).message;
      }
      return 'accepted';
    };
    expect(broken((m) => (m['toSystemId'] = 'bassetlaw-shire'))).toMatch(/boundaryMoves2022\.moves\[0\]\.toSystemId/);
    expect(broken((m) => (m['toSystemId'] = m['fromSystemId']))).toMatch(/different systems/);
    expect(broken((m) => (m['sourceIds'] = ['a-guess']))).toMatch(/"a-guess" is not in sources/);
    expect(broken(() => undefined)).toBe('accepted');
  });
});

describe('one statement of the years each source covers', () => {
  const { allocationYears, runningCostYears } = SOURCE_YEARS.allocations;

  it('matches the workbook’s own columns (allocations to 2024/25, running costs to 2025/26)', () => {
    const columns = Object.keys((JSON.parse(readFileSync(new URL('../data/funding-source.json', import.meta.url), 'utf8')) as { columns: object }).columns);
    const years = (prefix: string) =>
      [...new Set(columns.filter((c) => c.startsWith(prefix)).map((c) => /(\d{4})_(\d{2})/.exec(c)?.slice(1, 3).join('/') ?? ''))].sort();
    expect(allocationYears).toBe(
      `${
        years('core_20')
          .filter((y) => y >= '2023')
          .at(0) ?? ''
      }–${years('core_20').at(-1) ?? ''}`,
    );
    expect(runningCostYears).toBe(`${years('running_cost').at(0) ?? ''}–${years('running_cost').at(-1) ?? ''}`);
    expect(() => parseSourceYears({ ...SOURCE_YEARS, allocations: { ...SOURCE_YEARS.allocations, allocationYears: '2023-25' } })).toThrow(DataError);
  });

  it('is what /funding’s description and title, /help, /sources and the successor card say', async () => {
    const funding = COMMANDS.find((c) => c.definition.name === 'funding');
    expect(funding?.definition.description).toContain(allocationYears);
    expect((await app.router.command('funding', { name: 'Devon', chart: false })).embeds[0]?.title).toContain(allocationYears);
    const help = replyText(await app.router.command('help', {}));
    expect(help).toContain(allocationYears);
    expect(help).not.toContain('allocations 2023/24–2025/26');
    expect(replyText(await app.router.command('sources', {}))).toContain(SOURCE_YEARS.survey.covers);
    const successor = replyText(await app.router.command('ics', { name: 'Thames Valley' }));
    expect(successor).toContain(SOURCE_YEARS.survey.short);
    expect(successor).toContain(allocationYears);
  });

  it('/help spells out the jargon, each field within 1,024 characters and the whole within 6,000', async () => {
    const reply = await app.router.command('help', {});
    const text = replyText(reply);
    for (const term of [
      '**ICS**',
      '**ICB**',
      'Clinical Commissioning Group',
      'NHS Foundation Trust',
      'Nottingham University Hospitals',
      '**ODS code**',
      'Cost Improvement Programme',
    ])
      expect(text).toContain(term);
    expect(limitViolations(reply)).toEqual([]);
  });
});
