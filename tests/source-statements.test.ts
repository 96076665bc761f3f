// What the seed documents say beyond the survey table reaches the user: each system's card lists what the sources say
// about it (the quotes one press away), and /england and /help carry what they say about ICSs as a whole.
import { ComponentType, type APIButtonComponentWithCustomId, type APIEmbedField } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { DISCORD_LIMITS } from '../src/protocol/limits.ts';
import type { Reply } from '../src/protocol/reply.ts';
import { packLines, SOURCES_SAY_FIELD } from '../src/views/source-statements.ts';
import { limitViolations, testApp } from './support/app.ts';
import { buttonId, code } from './support/buttons.ts';

const app = await testApp();
const { router } = app;
const data = app.data;

/**
 * What the seeds say about each named system, written out by hand from the documents: a phrase per statement (or
 * dated fact) that must appear on the card. A system not listed must have no such field.
 */
const EXPECTED: Readonly<Record<string, readonly string[]>> = {
  'lancashire-and-south-cumbria': [
    'projected a deficit of £240m–£340m',
    'single system-wide funding “pot”',
    'cutting the deficit by £180m',
    '£100m (2.7%) a year',
    'efficiency lead',
    '“RightCare”',
    '“Model Hospital”',
    '£150m of cuts',
    '“tricky” decisions',
    'debates over new hospitals',
  ],
  'hertfordshire-and-west-essex': ['An Essex Tory', 'relatively few neighbourhoods in the most deprived group'],
  'mid-and-south-essex': ['An Essex Tory'],
  'suffolk-and-north-east-essex': ['An Essex Tory'],
  'cheshire-and-merseyside': ['Liverpool would call the shots'],
  'bedfordshire-luton-and-milton-keynes': ['Carnall Farrar'],
  'staffordshire-and-stoke-on-trent': ['CCG merger', 'a more even spread across deprivation levels'],
  'nottingham-and-nottinghamshire': ['serious board meetings and papers'],
  gloucestershire: ['debates over new hospitals'],
  'leicester-leicestershire-and-rutland': ['debates over new hospitals'],
  'kent-and-medway': ['debates over new hospitals'],
  'north-east-and-north-cumbria': ['debates over new hospitals'],
  'west-yorkshire-and-harrogate': ['integrated care initiatives'],
  'surrey-heartlands': ['less than 1% in Surrey Heartlands'],
  'birmingham-and-solihull': ['nearly 50% in Birmingham and Solihull'],
  'greater-manchester': ['a relatively high concentration of more deprived neighbourhoods'],
  'south-yorkshire-and-bassetlaw': ['a relatively high concentration of more deprived neighbourhoods'],
  frimley: ['relatively few neighbourhoods in the most deprived group'],
  'bristol-north-somerset-and-south-gloucestershire': ['a more even spread across deprivation levels'],
  somerset: ['close to average deprivation'],
  'north-west-london': ['close to average deprivation'],
};

/** The systems whose quote names only a place in them, and that place. */
const NAMED_BY_PLACE: Readonly<Record<string, string>> = {
  'hertfordshire-and-west-essex': 'Essex',
  'mid-and-south-essex': 'Essex',
  'suffolk-and-north-east-essex': 'Essex',
  'leicester-leicestershire-and-rutland': 'Leicestershire',
  'kent-and-medway': 'East Kent',
  'north-east-and-north-cumbria': 'Sunderland',
};

const normalise = (text: string): string => text.replace(/\s+/g, ' ').trim();
const fields = (reply: Reply): APIEmbedField[] => reply.embeds.flatMap((e) => e.fields ?? []);
const saysFields = (reply: Reply): APIEmbedField[] => fields(reply).filter((f) => f.name.startsWith(SOURCES_SAY_FIELD));
const buttons = (reply: Reply): APIButtonComponentWithCustomId[] =>
  reply.components.flatMap((row) => row.components.filter((c): c is APIButtonComponentWithCustomId => c.type === ComponentType.Button && 'custom_id' in c));

function embedTotal(reply: Reply): number {
  return reply.embeds.reduce(
    (sum, e) =>
      sum +
      (e.title ?? '').length +
      (e.description ?? '').length +
      (e.footer?.text ?? '').length +
      (e.fields ?? []).reduce((s, f) => s + f.name.length + f.value.length, 0),
    0,
  );
}

describe('/ics: what else the sources say', () => {
  describe.each(data.systems.map((s) => [s.id] as const))('%s', (id) => {
    const expected = EXPECTED[id] ?? [];

    it('lists each thing the sources say about it, once a line, with the source and its date', async () => {
      const reply = await router.command('ics', { name: id });
      const said = saysFields(reply)
        .map((f) => f.value)
        .join('\n');
      expect(said.split('\n').filter((line) => line.startsWith('• '))).toHaveLength(expected.length);
      for (const phrase of expected) expect(said).toContain(phrase);
      if (expected.length > 0) expect(said).toMatch(/^_.+, (\d{1,2} )?[A-Z][a-z]+ \d{4}:_$/m);
      const place = NAMED_BY_PLACE[id];
      if (place !== undefined) expect(said).toContain(`the source names ${place}, not the system`);
      else expect(said).not.toContain('the source names');
      expect(
        buttons(reply)
          .map((b) => b.custom_id)
          .filter((c) => c.startsWith('v2:ics:')),
      ).toEqual(expected.length > 0 ? [buttonId('ics', ['says', code(id)])] : []);
      expect(limitViolations(reply)).toEqual([]);
    });
  });

  describe.each(Object.entries(EXPECTED))('%s', (id, expected) => {
    it('shows every quote verbatim on a press, hidden when the card was', async () => {
      const pressed = await router.button(buttonId('ics', ['says', code(id)]));
      const quotes = normalise(
        fields(pressed)
          .map((f) => f.value.replace(/^> /gm, ''))
          .join('\n'),
      );
      const about = [
        ...data.facts.filter((f) => f.systemId === id).map((f) => f.quote),
        ...data.statements.filter((s) => s.systemIds.includes(id)).map((s) => s.quote),
      ];
      expect(about).toHaveLength(expected.length);
      for (const quote of about) expect(quotes).toContain(normalise(quote));
      expect(pressed.ephemeral).toBe(false);
      expect(limitViolations(pressed)).toEqual([]);
      const hidden = await router.command('ics', { name: id, hide: true });
      expect(buttons(hidden).map((b) => b.custom_id)).toContain(buttonId('ics', ['says', code(id)], { hide: true }));
      const pressedHidden = await router.button(buttonId('ics', ['says', code(id)], { hide: true }));
      expect(pressedHidden.ephemeral).toBe(true);
      expect(buttons(pressedHidden).map((b) => b.custom_id)).toEqual([buttonId('ics', [code(id)], { hide: true })]);
    });
  });

  it('names no system the table above leaves out', () => {
    const named = new Set([...data.statements.flatMap((s) => s.systemIds), ...data.facts.flatMap((f) => f.systemId ?? [])]);
    expect([...named].sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it('keeps the longest card within Discord’s 6,000-character total', async () => {
    const totals = await Promise.all(data.systems.map(async (s) => embedTotal(await router.command('ics', { name: s.id }))));
    expect(Math.max(...totals)).toBeLessThanOrEqual(DISCORD_LIMITS.embedTotal);
  });

  it('answers an out-of-date quotes button helpfully', async () => {
    const pressed = await router.button(buttonId('ics', ['says', 'ZZZ']));
    expect(pressed.ephemeral).toBe(true);
    expect(pressed.content).toMatch(/out of date/);
  });
});

/** How many statements about all ICSs each seed makes, and a phrase from each, counted by hand from the documents. */
const ICS_WIDE_BY_SOURCE: Readonly<Record<string, { count: number; phrases: readonly string[] }>> = {
  'lowdown-lancashire-south-cumbria-board-papers-2021': { count: 2, phrases: ['Before gaining statutory powers', 'almost 20 ICSs'] },
  'health-foundation-ics-long-read-2022': {
    count: 12,
    phrases: ['around 1.5 million', 'more than 10 upper-tier local authorities', 'from 60 to 146', 'from 1% to 13%', 'seven ICSs', 'since 2016', '£1.5bn'],
  },
  'hacker-2023-nhse-realistic-about-ics-deficits': { count: 5, phrases: ['inherited a significant deficit', 'realistic ICS targets', 'Hewitt review'] },
  'gault-2024-over-30-icss-in-deficit': { count: 4, phrases: ['no room for further pressures', 'historic financial position'] },
};

describe('/england and /help: what the sources say about ICSs as a whole', () => {
  const icsWide = data.statements.filter((s) => s.systemIds.length === 0);

  it('has every statement about all ICSs the seeds make, by source', async () => {
    const reply = await router.command('england', {});
    const timeline = (reply.embeds[1]?.fields ?? []).map((f) => f.value).join('\n');
    for (const [sourceId, { count, phrases }] of Object.entries(ICS_WIDE_BY_SOURCE)) {
      expect(
        icsWide.filter((s) => s.sourceId === sourceId),
        sourceId,
      ).toHaveLength(count);
      for (const phrase of phrases) expect(timeline, phrase).toContain(phrase);
    }
    expect(icsWide).toHaveLength(Object.values(ICS_WIDE_BY_SOURCE).reduce((n, s) => n + s.count, 0));
  });

  it('carries every statement about all ICSs in /england, dated and attributed, in date order', async () => {
    const reply = await router.command('england', {});
    const timeline = reply.embeds[1]?.fields ?? [];
    for (const statement of icsWide) {
      const field = timeline.find((f) => f.value.includes(statement.summary));
      expect(field, statement.id).toBeDefined();
      const source = data.sources.find((s) => s.id === statement.sourceId);
      expect(field?.name, statement.id).toContain(source?.author ?? source?.publisher ?? '?');
      expect(field?.name, statement.id).toMatch(/\d{4} — /);
    }
    const years = timeline.map((f) => Number(/(\d{4}) — /.exec(f.name)?.[1]));
    expect(years).toEqual([...years].sort((a, b) => a - b));
    expect(embedTotal(reply)).toBeLessThanOrEqual(DISCORD_LIMITS.embedTotal);
    expect(limitViolations(reply)).toEqual([]);
  });

  it('carries the statements marked for /help in a separate compact field', async () => {
    const reply = await router.command('help', {});
    const field = fields(reply).find((f) => f.name === 'ICSs as a whole, in the sources');
    expect(field).toBeDefined();
    const marked = icsWide.filter((s) => s.inHelp === true);
    expect(marked.length).toBeGreaterThanOrEqual(4);
    for (const s of marked) expect(field?.value).toContain(s.summary);
    expect(field?.value.length ?? 0).toBeLessThanOrEqual(DISCORD_LIMITS.fieldValue);
    expect(field?.value).not.toContain('…');
  });
});

describe('packLines', () => {
  it('fills fields up to the limit, breaking only between lines', () => {
    const lines = Array.from({ length: 30 }, (_, i) => `• line ${i} ${'x'.repeat(60)}`);
    const values = packLines(lines, 300);
    expect(values.length).toBeGreaterThan(1);
    for (const v of values) expect(v.length).toBeLessThanOrEqual(300);
    expect(values.join('\n')).toBe(lines.join('\n'));
  });
});
