// Provenance of the dataset: every published figure, quote and citation in data/*.json must be traceable,
// verbatim, to the source text committed under data/sources/, and every number we derive must be in its quote.
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PUBLISHED_HEADINGS, aliasesFileSchema, contextFileSchema, surveyFileSchema } from '../src/data/survey-schema.ts';
import type { ContextFact, Region, SurveySystem } from '../src/data/survey-schema.ts';
import { statementsFileSchema } from '../src/data/statements-schema.ts';

const projectRoot = new URL('../', import.meta.url);
const readText = (relativePath: string): string => readFileSync(new URL(relativePath, projectRoot), 'utf8');
const readJson = (relativePath: string): unknown => JSON.parse(readText(relativePath));

/** The survey page mixes non-breaking spaces, doubled spaces and line breaks: compare text with all of them collapsed. */
const normalise = (text: string): string => text.replace(/\s+/g, ' ').trim();
const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const survey = surveyFileSchema.parse(readJson('data/survey.json'));
const context = contextFileSchema.parse(readJson('data/context.json'));
const surveyText = readText('data/sources/lowdown-ics-finance-survey-2022.txt');
const surveyTextNormalised = normalise(surveyText);
const excerptsText = readText('data/sources/national-context-excerpts.txt');

/** id | ODS | NHS England region | statutory ICB name, in the survey's order (copied from the project's fixed id list). */
const EXPECTED_SYSTEMS: ReadonlyArray<readonly [string, string, Region, string]> = [
  ['humber-and-north-yorkshire', 'QOQ', 'North East and Yorkshire', 'NHS Humber and North Yorkshire Integrated Care Board'],
  ['north-east-and-north-cumbria', 'QHM', 'North East and Yorkshire', 'NHS North East and North Cumbria Integrated Care Board'],
  ['south-yorkshire-and-bassetlaw', 'QF7', 'North East and Yorkshire', 'NHS South Yorkshire Integrated Care Board'],
  ['west-yorkshire-and-harrogate', 'QWO', 'North East and Yorkshire', 'NHS West Yorkshire Integrated Care Board'],
  ['cheshire-and-merseyside', 'QYG', 'North West', 'NHS Cheshire and Merseyside Integrated Care Board'],
  ['greater-manchester', 'QOP', 'North West', 'NHS Greater Manchester Integrated Care Board'],
  ['lancashire-and-south-cumbria', 'QE1', 'North West', 'NHS Lancashire and South Cumbria Integrated Care Board'],
  ['coventry-and-warwickshire', 'QWU', 'Midlands', 'NHS Coventry and Warwickshire Integrated Care Board'],
  ['herefordshire-and-worcestershire', 'QGH', 'Midlands', 'NHS Herefordshire and Worcestershire Integrated Care Board'],
  ['derbyshire', 'QJ2', 'Midlands', 'NHS Derby and Derbyshire Integrated Care Board'],
  ['leicester-leicestershire-and-rutland', 'QK1', 'Midlands', 'NHS Leicester, Leicestershire and Rutland Integrated Care Board'],
  ['lincolnshire', 'QJM', 'Midlands', 'NHS Lincolnshire Integrated Care Board'],
  ['birmingham-and-solihull', 'QHL', 'Midlands', 'NHS Birmingham and Solihull Integrated Care Board'],
  ['northamptonshire', 'QPM', 'Midlands', 'NHS Northamptonshire Integrated Care Board'],
  ['nottingham-and-nottinghamshire', 'QT1', 'Midlands', 'NHS Nottingham and Nottinghamshire Integrated Care Board'],
  ['shropshire-telford-and-wrekin', 'QOC', 'Midlands', 'NHS Shropshire, Telford and Wrekin Integrated Care Board'],
  ['black-country', 'QUA', 'Midlands', 'NHS Black Country Integrated Care Board'],
  ['staffordshire-and-stoke-on-trent', 'QNC', 'Midlands', 'NHS Staffordshire and Stoke-on-Trent Integrated Care Board'],
  ['bedfordshire-luton-and-milton-keynes', 'QHG', 'East of England', 'NHS Bedfordshire, Luton and Milton Keynes Integrated Care Board'],
  ['cambridgeshire-and-peterborough', 'QUE', 'East of England', 'NHS Cambridgeshire and Peterborough Integrated Care Board'],
  ['hertfordshire-and-west-essex', 'QM7', 'East of England', 'NHS Hertfordshire and West Essex Integrated Care Board'],
  ['mid-and-south-essex', 'QH8', 'East of England', 'NHS Mid and South Essex Integrated Care Board'],
  ['norfolk-and-waveney', 'QMM', 'East of England', 'NHS Norfolk and Waveney Integrated Care Board'],
  ['suffolk-and-north-east-essex', 'QJG', 'East of England', 'NHS Suffolk and North East Essex Integrated Care Board'],
  ['bath-swindon-and-wiltshire', 'QOX', 'South West', 'NHS Bath and North East Somerset, Swindon and Wiltshire Integrated Care Board'],
  ['bristol-north-somerset-and-south-gloucestershire', 'QUY', 'South West', 'NHS Bristol, North Somerset and South Gloucestershire Integrated Care Board'],
  ['cornwall-and-isles-of-scilly', 'QT6', 'South West', 'NHS Cornwall and the Isles of Scilly Integrated Care Board'],
  ['devon', 'QJK', 'South West', 'NHS Devon Integrated Care Board'],
  ['dorset', 'QVV', 'South West', 'NHS Dorset Integrated Care Board'],
  ['gloucestershire', 'QR1', 'South West', 'NHS Gloucestershire Integrated Care Board'],
  ['somerset', 'QSL', 'South West', 'NHS Somerset Integrated Care Board'],
  ['buckinghamshire-oxfordshire-and-berkshire-west', 'QU9', 'South East', 'NHS Buckinghamshire, Oxfordshire and Berkshire West Integrated Care Board'],
  ['frimley', 'QNQ', 'South East', 'NHS Frimley Integrated Care Board'],
  ['hampshire-and-isle-of-wight', 'QRL', 'South East', 'NHS Hampshire and Isle of Wight Integrated Care Board'],
  ['kent-and-medway', 'QKS', 'South East', 'NHS Kent and Medway Integrated Care Board'],
  ['surrey-heartlands', 'QXU', 'South East', 'NHS Surrey Heartlands Integrated Care Board'],
  ['sussex', 'QNX', 'South East', 'NHS Sussex Integrated Care Board'],
  ['north-central-london', 'QMJ', 'London', 'NHS North Central London Integrated Care Board'],
  ['north-east-london', 'QMF', 'London', 'NHS North East London Integrated Care Board'],
  ['north-west-london', 'QRV', 'London', 'NHS North West London Integrated Care Board'],
  ['south-east-london', 'QKK', 'London', 'NHS South East London Integrated Care Board'],
  ['south-west-london', 'QWE', 'London', 'NHS South West London Integrated Care Board'],
];

/** Pound amounts in a text ("£76.5m" -> 76.5, "£90-£100m" -> 90, 100). */
function poundAmountsIn(text: string): number[] {
  return [...text.matchAll(/£(\d[\d,]*(?:\.\d+)?)/g)].map((match) => Number((match[1] ?? '').replace(/,/g, '')));
}

/** The population token as the survey printed it, read as people: "1.77m", "812,712", or "1.23" with its unit missing. */
function peopleFromPublished(published: string): number {
  const millions = /^(\d+(?:\.\d+)?)m?$/.exec(published);
  if (millions?.[1] !== undefined && Number(millions[1]) < 100) return Math.round(Number(millions[1]) * 1_000_000);
  if (/^\d{1,3}(,\d{3})+$/.test(published)) return Number(published.replace(/,/g, ''));
  throw new Error(`unreadable population token "${published}"`);
}

/** The row as printed: name (a table colon allowed after it), the figures, then the financial position. */
function rowPattern(name: string, tokens: ReadonlyArray<string | null>, quote?: string): RegExp {
  const figures = tokens
    .filter((token): token is string => token !== null)
    .map(escapeRegExp)
    .join(' ');
  const tail = quote === undefined ? '' : ` ${escapeRegExp(quote)}`;
  return new RegExp(`${escapeRegExp(name)}:? ${figures}${tail}`);
}

function positionFigures(system: SurveySystem): number[] {
  const { position } = system;
  const headline = position.amountGbpM === null || position.status === 'break-even' ? [] : [position.amountGbpM];
  const range = position.range === null ? [] : [position.range.lowGbpM, position.range.highGbpM];
  return [...headline, ...range, ...position.earlier.map((f) => f.gbpM), ...position.otherFigures.map((f) => f.gbpM)];
}

describe('data/survey.json against the committed survey text', () => {
  it('lists the 42 systems once each, in the survey order, with the fixed ids, ODS codes, regions and ICB names', () => {
    const actual = survey.systems.map((s) => [s.id, s.odsCode, s.region, s.icbName]);
    expect(actual).toEqual(EXPECTED_SYSTEMS);
    expect(new Set(survey.systems.map((s) => s.id)).size).toBe(42);
  });

  it('puts 4/3/11/6/7/6/5 systems in the seven NHS England regions', () => {
    const counts: Partial<Record<Region, number>> = {};
    for (const s of survey.systems) counts[s.region] = (counts[s.region] ?? 0) + 1;
    expect(counts).toEqual({
      'North East and Yorkshire': 4,
      'North West': 3,
      Midlands: 11,
      'East of England': 6,
      'South West': 7,
      'South East': 6,
      London: 5,
    });
  });

  it('keeps each row under the heading the survey printed above it, rows in the printed order', () => {
    const lines = surveyText.split('\n').map(normalise);
    const headings: ReadonlyArray<string> = PUBLISHED_HEADINGS;
    let previousLine = -1;
    for (const system of survey.systems) {
      const line = lines.findIndex((l) => l.startsWith(`${system.publishedName} `) || l.startsWith(`${system.publishedName}: `));
      expect(line, system.id).toBeGreaterThan(previousLine);
      const headingAbove = lines
        .slice(0, line)
        .reverse()
        .find((l) => headings.includes(l));
      expect(headingAbove, system.id).toBe(system.publishedHeading);
      previousLine = line;
    }
  });

  it('reads the England totals row as printed', () => {
    const { population, allocation, spendPerHead } = survey.england;
    for (const published of [population.published, allocation.published, spendPerHead.published]) {
      expect(surveyTextNormalised).toContain(published);
    }
    expect(surveyTextNormalised).toMatch(rowPattern('England Totals', [population.published, allocation.published, spendPerHead.published]));
    expect(population.people).toBe(peopleFromPublished(population.published));
    expect(allocation.gbpBillions).toBe(Number(allocation.published));
    expect(spendPerHead.gbp).toBe(Number(spendPerHead.published.replace(/,/g, '')));
  });

  describe.each(survey.systems.map((s) => [s.id, s] as const))('%s', (_id, system) => {
    const { population, allocation, spendPerHead, position } = system;

    it('has its published figures, quote and name verbatim, in one printed row', () => {
      for (const published of [population.published, allocation.published, spendPerHead.published]) {
        if (published !== null) expect(surveyTextNormalised).toContain(published);
      }
      expect(surveyTextNormalised).toContain(position.quote);
      const tokens = [population.published, allocation.published, spendPerHead.published];
      expect(surveyTextNormalised).toMatch(rowPattern(system.publishedName, tokens, position.quote));
    });

    it('reads each published figure as what it means, and a missing figure as null', () => {
      expect(population.people === null).toBe(population.published === null);
      if (population.published !== null) expect(population.people).toBe(peopleFromPublished(population.published));
      expect(allocation.gbpBillions).toBe(allocation.published === null ? null : Number(allocation.published));
      expect(spendPerHead.gbp).toBe(spendPerHead.published === null ? null : Number(spendPerHead.published.replace(/,/g, '')));
    });

    it('cites only documents named verbatim in its own quote', () => {
      for (const part of position.subSource?.split('; ') ?? []) {
        expect(surveyTextNormalised).toContain(part);
        expect(position.quote).toContain(part);
      }
    });

    it('takes every £m figure of its structured reading from its own quote', () => {
      const amounts = poundAmountsIn(position.quote);
      for (const figure of positionFigures(system)) expect(amounts, `£${figure}m`).toContain(figure);
      if (position.amountGbpM === 0) expect(position.status).toBe('break-even');
      if (position.status === 'not-published') expect(position.amountGbpM).toBeNull();
    });
  });
});

const NUMBER_WORDS: Readonly<Record<string, number>> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
};

/** Plain numbers in a text, as digits ("15", "500,000", "1.4") or small number words ("seven"). */
function plainNumbersIn(text: string): number[] {
  const digits = [...text.matchAll(/\d[\d,]*(?:\.\d+)?/g)].map((match) => Number(match[0].replace(/,/g, '')));
  const words = [...text.toLowerCase().matchAll(/\b[a-z]+\b/g)].flatMap((match) => NUMBER_WORDS[match[0]] ?? []);
  return [...digits, ...words];
}

/** Whether the quote states the figure in its own unit: £651m, £2.2bn, 8%, 3 million people, seven CFOs. */
function quoteStates(quote: string, figure: ContextFact['figures'][number]): boolean {
  const value = String(figure.value);
  switch (figure.unit) {
    case 'gbp-m':
      return new RegExp(`£${escapeRegExp(value)}m\\b`).test(quote);
    case 'gbp-bn':
      return new RegExp(`£${escapeRegExp(value)}bn\\b`).test(quote);
    case 'percent':
      return new RegExp(`(?<![\\d.])${escapeRegExp(value)}%`).test(quote);
    case 'count':
      return plainNumbersIn(quote).includes(figure.value);
    case 'people':
      return plainNumbersIn(quote).includes(figure.value) || new RegExp(`(?<![\\d.])${escapeRegExp(String(figure.value / 1_000_000))} million`).test(quote);
  }
}

/** The excerpts file as blocks: each starts with a "== … [source-id]" heading naming where its quotes come from. */
function excerptBlocks(text: string): Map<string, string> {
  const blocks = new Map<string, string>();
  for (const block of text.split(/^(?===)/m).slice(1)) {
    const sourceId = /^==.*\[([a-z0-9-]+)\]\s*$/m.exec(block)?.[1];
    if (sourceId !== undefined) blocks.set(sourceId, normalise(block));
  }
  return blocks;
}

describe('data/context.json against the committed excerpts', () => {
  const sourceIds = context.sources.map((s) => s.id);
  const blocks = excerptBlocks(excerptsText);

  it('names each publication once, and uses every one of them', () => {
    expect(new Set(sourceIds).size).toBe(sourceIds.length);
    const used = new Set([survey.survey.sourceId, ...context.facts.map((f) => f.sourceId)]);
    expect([...used].sort()).toEqual([...sourceIds].sort());
  });

  it('points each source at a committed local file', () => {
    for (const source of context.sources) {
      if (source.localFile !== undefined) expect(existsSync(new URL(source.localFile, projectRoot)), source.localFile).toBe(true);
    }
  });

  it('gives facts unique ids and a known system where they are local', () => {
    expect(new Set(context.facts.map((f) => f.id)).size).toBe(context.facts.length);
    const systemIds = new Set(survey.systems.map((s) => s.id));
    for (const fact of context.facts) if (fact.systemId !== undefined) expect(systemIds.has(fact.systemId), fact.id).toBe(true);
  });

  describe.each(context.facts.map((f) => [f.id, f] as const))('%s', (_id, fact) => {
    it('quotes its source verbatim, under that source’s heading in the excerpts file', () => {
      expect(sourceIds).toContain(fact.sourceId);
      expect(normalise(excerptsText)).toContain(normalise(fact.quote));
      expect(blocks.get(fact.sourceId), `no excerpt block for ${fact.sourceId}`).toContain(normalise(fact.quote));
    });

    it('takes every figure from its quote, in the unit the quote uses', () => {
      expect(fact.figures.length).toBeGreaterThan(0);
      for (const figure of fact.figures) expect(quoteStates(fact.quote, figure), `${figure.label}: ${figure.value} ${figure.unit}`).toBe(true);
    });
  });
});

const statements = statementsFileSchema.parse(readJson('data/statements.json')).statements;
const aliases = aliasesFileSchema.parse(readJson('data/aliases.json'));
const statementExcerpts = excerptBlocks(readText('data/sources/seed-statements-excerpts.txt'));

describe('data/statements.json against the committed excerpts', () => {
  it('gives statements unique ids, known sources and known systems', () => {
    expect(new Set(statements.map((s) => s.id)).size).toBe(statements.length);
    const sourceIds = new Set(context.sources.map((s) => s.id));
    const systemIds = new Set(survey.systems.map((s) => s.id));
    for (const s of statements) {
      expect(sourceIds.has(s.sourceId), s.id).toBe(true);
      for (const id of s.systemIds) expect(systemIds.has(id), `${s.id}: ${id}`).toBe(true);
    }
  });

  it('links only https addresses, and names the excerpt file of every source it quotes', () => {
    for (const source of context.sources) if (source.url !== undefined) expect(source.url, source.id).toMatch(/^https:\/\//);
    for (const sourceId of new Set(statements.map((s) => s.sourceId))) expect(statementExcerpts.has(sourceId), sourceId).toBe(true);
  });

  describe.each(statements.map((s) => [s.id, s] as const))('%s', (_id, statement) => {
    it('quotes its source verbatim, under that source’s heading in the excerpts file', () => {
      expect(statementExcerpts.get(statement.sourceId), `no excerpt block for ${statement.sourceId}`).toContain(normalise(statement.quote));
    });

    it('summarises without a number the quote does not state', () => {
      const inQuote = plainNumbersIn(statement.quote);
      for (const n of plainNumbersIn(statement.summary)) expect(inQuote, `${n} in “${statement.summary}”`).toContain(n);
    });

    it('names, for a system it reaches only through a place, a place that system covers', () => {
      for (const [systemId, place] of Object.entries(statement.placeNamed ?? {})) {
        expect(statement.quote).toContain(place);
        const covered = aliases[systemId]?.places ?? [];
        expect(
          covered.some((p) => place.toLowerCase().includes(p.toLowerCase())),
          `${systemId} covers ${place}`,
        ).toBe(true);
      }
    });
  });
});
