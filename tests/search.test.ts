import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadDataset } from '../src/data/load.ts';
import { loadPlaces } from '../src/data/places-schema.ts';
import { createAutocomplete } from '../src/search/autocomplete.ts';
import { normalise } from '../src/search/normalise.ts';
import { resolveRegion } from '../src/search/regions.ts';
import { createResolver } from '../src/search/resolve.ts';
import { DISCORD_LIMITS } from '../src/protocol/limits.ts';
import { isCorrect, QUERIES } from './support/fixture.ts';

const data = loadDataset();
const resolver = createResolver(data.systems, data.changes.successors, loadPlaces());
const autocomplete = createAutocomplete(data.systems, resolver);

describe('normalisation', () => {
  it('folds case, spacing, hyphens, ampersands, apostrophes and noise words', () => {
    expect(normalise('  NHS Kent & Medway ICB ')).toBe('kent and medway');
    expect(normalise('Together We’re Better')).toBe(normalise('together were better'));
    expect(normalise('Stoke-on-Trent')).toBe('stoke on trent');
    expect(normalise('Devon Integrated Care System')).toBe('devon');
    expect(normalise('NHS ICB')).toBe('');
  });
});

describe('the public query fixture', () => {
  const results = QUERIES.map((q) => ({ q, result: resolver.resolve(q.q) }));

  it('gets at least 98% right', () => {
    const wrong = results.filter(({ q, result }) => !isCorrect(q, result));
    const accuracy = 1 - wrong.length / results.length;
    if (accuracy < 0.98) {
      const show = wrong.map(({ q, result }) => `${q.q} → ${result.kind === 'match' ? result.system.id : result.kind} (expected ${JSON.stringify(q.expect)})`);
      expect.fail(`accuracy ${(accuracy * 100).toFixed(1)}%:\n${show.join('\n')}`);
    }
  });

  it('never answers a must-match-nothing query with a card', () => {
    const confident = results.filter(({ q, result }) => q.expect === null && result.kind === 'match');
    expect(confident.map(({ q }) => q.q)).toEqual([]);
  });

  it('reports ambiguity with the candidates for the ambiguous queries', () => {
    const ambiguous = results.filter(({ q }) => Array.isArray(q.expect));
    expect(ambiguous.length).toBeGreaterThanOrEqual(8);
    const correct = ambiguous.filter(({ q, result }) => isCorrect(q, result));
    expect(correct.length / ambiguous.length).toBeGreaterThanOrEqual(0.9);
  });
});

describe('resolution behaviour', () => {
  it('puts a system’s own name before a place that shares the word', () => {
    const r = resolver.resolve('Somerset');
    expect(r.kind === 'match' && r.system.id).toBe('somerset');
  });

  it('offers suggestions for a near miss it will not answer confidently', () => {
    const r = resolver.resolve('Cardiff');
    expect(r.kind).not.toBe('match');
  });

  it('offers only genuinely close suggestions, and none for a name like nothing here', () => {
    const far = resolver.resolve('Atlantis');
    expect(far.kind === 'notFound' && far.suggestions).toEqual([]);
    const near = resolver.resolve('Leeds hospitals');
    expect(near.kind === 'notFound' && near.suggestions[0]?.id).toBe('west-yorkshire-and-harrogate');
    const england = resolver.resolve('NHS England');
    expect(england.kind).toBe('notFound');
  });

  it('treats mentions, emoji and junk as not found', () => {
    for (const q of ['@everyone', '<@&123>', '🦄🦄', 'x'.repeat(10_000), '']) expect(resolver.resolve(q).kind).toBe('notFound');
  });
});

describe('regions', () => {
  it.each([
    ['NE&Y', 'North East and Yorkshire'],
    ['the Midlands', 'Midlands'],
    ['East', 'East of England'],
    ['SW', 'South West'],
    ['South-West', 'South West'],
    ['london', 'London'],
    ['north-east-and-yorkshire', 'North East and Yorkshire'],
  ])('%s → %s', (typed, region) => {
    expect(resolveRegion(typed)).toBe(region);
  });

  it('answers nothing for a non-region', () => {
    expect(resolveRegion('Wales')).toBeNull();
    expect(resolveRegion('')).toBeNull();
  });
});

describe('autocomplete', () => {
  it('lists systems for empty input, within Discord’s limits', () => {
    const choices = autocomplete('');
    expect(choices).toHaveLength(DISCORD_LIMITS.choices);
  });

  it('puts the obvious system first for a partial name', () => {
    expect(autocomplete('dev')[0]?.value).toBe('devon');
    expect(autocomplete('leed')[0]?.value).toBe('west-yorkshire-and-harrogate');
    expect(autocomplete('bnss')[0]?.value).toBe('bristol-north-somerset-and-south-gloucestershire');
  });

  it('offers today’s ICBs by name, with a value /ics resolves to their card', () => {
    const choice = autocomplete('thames').find((c) => c.value === 'NHS Thames Valley Integrated Care Board');
    expect(choice?.name).toBe('Thames Valley ICB (since 2026) — South East');
    const r = resolver.resolve(choice?.value ?? '');
    expect(r.kind === 'successor' && r.successor.id).toBe('thames-valley');
  });

  it('answers a query that names a system without any name starting so, and a half-typed organisational tail', () => {
    expect(autocomplete('Hull and East Riding')[0]?.value).toBe('humber-and-north-yorkshire');
    expect(autocomplete('NHS Derby and Derbyshire Integrated Care Boa')[0]?.value).toBe('derbyshire');
    expect(autocomplete('Greater Manchester Health and So')[0]?.value).toBe('greater-manchester');
  });

  it('names the place that led to a system', () => {
    expect(autocomplete('Leeds')[0]?.name).toMatch(/Leeds/);
  });

  /** A place choice's value is the place ("Exeter", "Newport, Isle of Wight"): /ics answers it with a card, a
   * "which one?" or "not in England", never "not found". */
  const answersAsPlace = (value: string): boolean => {
    const result = resolver.resolve(value);
    return result.kind === 'match' || result.kind === 'ambiguous' || (result.kind === 'notFound' && result.outside !== undefined);
  };

  it('gives a place split between systems one choice, not two with the same value (found by the property below)', () => {
    const choices = autocomplete('N h');
    expect(new Set(choices.map((c) => c.value)).size).toBe(choices.length);
    expect(choices.map((c) => c.name)).toContain('North Hertfordshire (North Hertfordshire) → Hertfordshire and West Essex or Cambridgeshire and Pete…');
  });

  it('holds Discord’s limits for any input', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 2000 }), (input) => {
        const choices = autocomplete(input);
        expect(choices.length).toBeLessThanOrEqual(DISCORD_LIMITS.choices);
        for (const c of choices) {
          expect(c.name.length).toBeGreaterThan(0);
          expect(c.name.length).toBeLessThanOrEqual(DISCORD_LIMITS.choiceName);
          expect(c.value.length).toBeLessThanOrEqual(DISCORD_LIMITS.choiceValue);
          expect(data.byId.has(c.value) || data.changes.successors.some((s) => s.name === c.value) || answersAsPlace(c.value)).toBe(true);
        }
        expect(new Set(choices.map((c) => c.value)).size).toBe(choices.length);
      }),
      { numRuns: 300 },
    );
  });
});
