// Issue 13: towns, neighbourhoods, authorities and postcodes resolve to their system from the gazetteer
// (data/places.json), before any fuzzy match; namesakes ask which one; places outside England say so.
import { describe, expect, it } from 'vitest';
import { loadDataset } from '../src/data/load.ts';
import { loadPlaces } from '../src/data/places-schema.ts';
import { CHATTER_WORDS } from '../src/search/chatter.ts';
import { normalise } from '../src/search/normalise.ts';
import { createResolver, type Resolution } from '../src/search/resolve.ts';

const data = loadDataset();
const places = loadPlaces();
const resolver = createResolver(data.systems, data.changes.successors, places);

function matched(query: string): string | undefined {
  const result = resolver.resolve(query);
  return result.kind === 'match' ? result.system.id : undefined;
}

function ambiguous(query: string): Extract<Resolution, { kind: 'ambiguous' }> {
  const result = resolver.resolve(query);
  if (result.kind !== 'ambiguous') throw new Error(`${query}: expected a "which one?", got ${result.kind}`);
  return result;
}

describe('towns the issue found answered wrongly by edit distance', () => {
  it.each([
    ['Wareham', 'dorset'],
    ['Axminster', 'devon'],
    ['Corsham', 'bath-swindon-and-wiltshire'],
    ['Aldridge', 'black-country'],
    ['Epworth', 'humber-and-north-yorkshire'],
    ['Tadcaster', 'humber-and-north-yorkshire'],
    ['Longridge', 'lancashire-and-south-cumbria'],
  ])('%s → %s, saying which place led there', (town, system) => {
    const result = resolver.resolve(town);
    expect(result.kind === 'match' ? result.system.id : result.kind).toBe(system);
    expect(result.kind === 'match' ? result.place : undefined).toMatchObject({ kind: 'place', name: town });
  });
});

describe('neighbourhoods added by hand, and a very close misspelling', () => {
  it.each([
    ['Edgbaston', 'birmingham-and-solihull'],
    ['Brixton', 'south-east-london'],
    ['Didsbury', 'greater-manchester'],
    ['Bethnal Green', 'north-east-london'],
    ['Tadcastr', 'humber-and-north-yorkshire'],
  ])('%s → %s', (place, system) => expect(matched(place)).toBe(system));

  it('never lets a real English place fall through to a fuzzy match with another system', () => {
    const whereOf = (at: number): string => places.where[at] ?? '';
    const english = places.places.filter(([, , at]) => !['wales', 'scotland', 'northern-ireland'].includes(whereOf(at)));
    const systemsOf = new Map<string, Set<string>>();
    for (const [key, , at] of english) systemsOf.set(key, (systemsOf.get(key) ?? new Set()).add(whereOf(at)));
    const wrong = english.flatMap(([, name]) => {
      const result = resolver.resolve(name);
      if (result.kind !== 'match' || result.via.kind !== 'place') return [];
      // An alias may deliberately answer a name (the project's curated places); a gazetteer answer must be a namesake's.
      const fromAlias = resolver.index.exact.get(normalise(name))?.some((e) => e.systemId === result.system.id) ?? false;
      return fromAlias || systemsOf.get(normalise(name))?.has(result.system.id) === true ? [] : [`${name} → ${result.system.id}`];
    });
    expect(wrong).toEqual([]);
  });
});

describe('postcodes', () => {
  it.each(['EX4 4QJ', 'ex44qj', 'EX4', ' ex4 4qj '])('%s → Devon, by GP practices', (code) => {
    const result = resolver.resolve(code);
    expect(result.kind === 'match' ? result.system.id : result.kind).toBe('devon');
    expect(result.kind === 'match' ? result.place : undefined).toMatchObject({ kind: 'postcode', district: 'EX4', basis: 'district' });
  });

  it('answers a district with no practice (SW1A) from its neighbours in the same area', () => {
    const result = resolver.resolve('SW1A');
    expect(result.kind === 'match' ? result.system.id : result.kind).toBe('north-west-london');
    const note = result.kind === 'match' ? result.place : undefined;
    expect(note?.kind === 'postcode' ? note.basis : undefined).toBe('nearby');
    expect(note?.kind === 'postcode' ? note.nearby?.every((d) => d.startsWith('SW1')) : false).toBe(true);
  });

  it('asks which one for a district split nearly evenly (WA3), with each share', () => {
    expect(places.districts['WA3']?.length).toBe(2);
    const result = ambiguous('WA3');
    expect(result.candidates.map((s) => s.id).sort()).toEqual(['cheshire-and-merseyside', 'greater-manchester']);
    expect(result.place).toMatchObject({ kind: 'postcode', district: 'WA3' });
  });

  it('answers a district mostly in one system with its card, keeping the split on record (NW2)', () => {
    const result = resolver.resolve('NW2');
    expect(result.kind === 'match' ? result.system.id : result.kind).toBe('north-west-london');
    const note = result.kind === 'match' ? result.place : undefined;
    expect(note?.kind === 'postcode' ? note.shares.length : 0).toBe(2);
  });

  it('says a Welsh or Scottish postcode is not in England, and an unknown area is not found', () => {
    for (const code of ['CF10 1AA', 'EH1 1YZ', 'BT1 1AA', 'LL11']) {
      const result = resolver.resolve(code);
      expect(result.kind === 'notFound' ? result.outside?.country : result.kind).toMatch(/Wales|Scotland|Northern Ireland/);
    }
    const unknown = resolver.resolve('ZZ9 9ZZ');
    expect(unknown.kind).toBe('notFound');
  });
});

describe('namesakes ask which one, naming the district or county', () => {
  it.each([
    ['Newport', ['hampshire-and-isle-of-wight', 'shropshire-telford-and-wrekin']],
    ['Richmond', ['humber-and-north-yorkshire', 'south-west-london']],
    ['Gillingham', ['kent-and-medway', 'dorset']],
    ['St Ives', ['cornwall-and-isles-of-scilly', 'cambridgeshire-and-peterborough']],
    ['Ashford', ['kent-and-medway', 'surrey-heartlands']],
    ['Stratford', ['coventry-and-warwickshire', 'north-east-london']],
    ['Kingston', ['humber-and-north-yorkshire', 'south-west-london']],
    ['Wellington', ['shropshire-telford-and-wrekin', 'somerset']],
    ['Kirkby', ['cheshire-and-merseyside', 'nottingham-and-nottinghamshire']],
  ])('%s', (name, systems) => {
    const result = ambiguous(name);
    expect(result.candidates.map((s) => s.id)).toEqual(expect.arrayContaining(systems));
    for (const option of result.places ?? []) expect(option.label.length).toBeGreaterThan(0);
    expect(result.places?.length).toBeGreaterThanOrEqual(2);
  });

  it('lists Newport, Wales as not in England, after the English ones', () => {
    const options = ambiguous('Newport').places ?? [];
    expect(options.at(-1)).toEqual({ name: 'Newport', label: 'Wales', systemId: null });
  });

  it('takes a qualified name straight to its card', () => {
    expect(matched('Newport, Isle of Wight')).toBe('hampshire-and-isle-of-wight');
    expect(matched('Newport (Telford and Wrekin)')).toBe('shropshire-telford-and-wrekin');
  });

  it('answers a name whose namesakes are far smaller with the big one (Preston, Sutton)', () => {
    expect(matched('Preston')).toBe('lancashire-and-south-cumbria');
    expect(matched('Sutton')).toBe('south-west-london');
  });
});

describe('places outside England', () => {
  it.each(['Cardiff', 'Swansea', 'Glasgow', 'Wales', 'Scotland'])('%s is not in England', (name) => {
    const result = resolver.resolve(name);
    expect(result.kind === 'notFound' ? result.outside : result.kind).toBeDefined();
    expect(result.kind).toBe('notFound');
  });
});

describe('names, again', () => {
  it.each([
    ['devon ics please', 'devon'],
    ['frimley pls', 'frimley'],
    ['hi bot, birmingham', 'birmingham-and-solihull'],
    ['Hampshire and the Isle of Wight:', 'hampshire-and-isle-of-wight'],
    ['wareham please', 'dorset'],
  ])('%s → %s', (query, system) => expect(matched(query)).toBe(system));

  it.each(['null', 'none', 'undefined', 'N/A', 'nothing'])('%s is not a system name', (query) => {
    expect(resolver.resolve(query).kind).toBe('notFound');
  });

  it('drops no word that is part of a system or place name as chatter', () => {
    const words = new Set([...resolver.index.exact.keys(), ...places.places.map(([key]) => key)].flatMap((key) => key.split(' ')));
    expect([...CHATTER_WORDS].filter((w) => words.has(w))).toEqual([]);
  });
});

describe('data/places.json', () => {
  it('keys every row by today’s normalise(), in sorted order (rebuild with npm run data:places if not)', () => {
    expect(places.places.filter(([key, name]) => key !== normalise(name)).map(([, name]) => name)).toEqual([]);
    const keys = places.places.map(([key]) => key);
    expect(keys).toEqual([...keys].sort());
  });

  it('names only survey systems or the three other nations, and credits its sources', () => {
    const allowed = new Set([...data.systems.map((s) => s.id), 'wales', 'scotland', 'northern-ireland']);
    expect(places.where.filter((where) => !allowed.has(where))).toEqual([]);
    const shareIds = [...Object.values(places.districts), ...Object.values(places.authorities)].flat().map(([id]) => id);
    expect(shareIds.filter((id) => !allowed.has(id))).toEqual([]);
    const licences = places.provenance.sources.map((s) => s.licence).join(' ');
    expect(licences).toContain('Open Government Licence v3.0');
    expect(licences).toContain('CC BY 4.0');
  });
});
