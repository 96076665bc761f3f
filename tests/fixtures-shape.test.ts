// Guards the public name-resolution fixture (tests/fixtures/queries.json): it is only a fair measure of the
// matcher if it parses, is large enough, names only real system ids and covers every system and every kind.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { SYSTEM_IDS } from './support/system-ids.ts';

// The fixture is checked against the fixed list of the 42 July-2022 ids in tests/support/system-ids.ts, not against
// whatever the dataset happens to contain; one test below checks that the list and the survey agree.

const KINDS = [
  'survey-name',
  'icb-name',
  'brand',
  'abbreviation',
  'place',
  'typo',
  'formatting',
  'noise',
  'ambiguous',
  'none',
  // Places not in data/aliases.json and postcodes (full and districts): answered from the gazetteer (data/places.json).
  'town',
  'postcode',
] as const;

const systemId = z.enum(SYSTEM_IDS);

// The kind and the shape of "expect" must agree, so a scorer can trust either one.
const query = z.discriminatedUnion('kind', [
  z.object({ q: z.string().min(1), kind: z.literal('none'), expect: z.null() }),
  z.object({ q: z.string().min(1), kind: z.literal('ambiguous'), expect: z.array(systemId).min(2) }),
  z.object({
    q: z.string().min(1),
    kind: z.enum(KINDS.filter((kind) => kind !== 'none' && kind !== 'ambiguous')),
    expect: systemId,
  }),
]);
type Query = z.infer<typeof query>;

function readFixture(): unknown {
  return JSON.parse(readFileSync(new URL('./fixtures/queries.json', import.meta.url), 'utf8'));
}

function countBy<T>(items: readonly T[], key: (item: T) => string | undefined): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) {
    const k = key(item);
    if (k !== undefined) counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  return counts;
}

describe('tests/fixtures/queries.json', () => {
  const parsed = z.array(query).safeParse(readFixture());
  // On a malformed fixture the parse test below names the problem; the rest then fail on an empty list.
  const queries: Query[] = parsed.success ? parsed.data : [];
  const single = (entry: Query): string | undefined => (typeof entry.expect === 'string' ? entry.expect : undefined);

  it('parses: every entry has a query, a known kind and an expectation of the matching shape', () => {
    expect(parsed.error?.issues ?? []).toEqual([]);
  });

  it('checks against the survey’s own systems: the fixed id list is exactly the ids in data/survey.json', () => {
    const survey = JSON.parse(readFileSync(new URL('../data/survey.json', import.meta.url), 'utf8')) as { systems: Array<{ id: string }> };
    expect([...SYSTEM_IDS].sort()).toEqual(survey.systems.map((s) => s.id).sort());
  });

  it('holds at least 200 queries, none repeated', () => {
    expect(queries.length).toBeGreaterThanOrEqual(200);
    const repeated = [...countBy(queries, (entry) => entry.q)].filter(([, n]) => n > 1).map(([q]) => q);
    expect(repeated).toEqual([]);
  });

  it('expects every system, unambiguously, at least 4 times', () => {
    const counts = countBy(queries, single);
    const thin = SYSTEM_IDS.filter((id) => (counts.get(id) ?? 0) < 4);
    expect(thin).toEqual([]);
  });

  it('reaches every system through at least one place it covers', () => {
    const places = countBy(queries, (entry) => (entry.kind === 'place' ? single(entry) : undefined));
    expect(SYSTEM_IDS.filter((id) => !places.has(id))).toEqual([]);
  });

  it('uses every kind of query', () => {
    const kinds = countBy(queries, (entry) => entry.kind);
    expect(KINDS.filter((kind) => !kinds.has(kind))).toEqual([]);
  });

  it('has at least 25 queries that must match nothing, including a 500-character one', () => {
    const none = queries.filter((entry) => entry.expect === null);
    expect(none.length).toBeGreaterThanOrEqual(25);
    expect(none.some((entry) => entry.q.length >= 500)).toBe(true);
  });

  it('has at least 8 ambiguous queries, each listing distinct candidates', () => {
    const ambiguous = queries.flatMap((entry) => (Array.isArray(entry.expect) ? [entry.expect] : []));
    expect(ambiguous.length).toBeGreaterThanOrEqual(8);
    for (const candidates of ambiguous) expect(new Set(candidates).size).toBe(candidates.length);
  });
});
