import type { Successor } from '../data/changes-schema.ts';
import type { IcsSystem } from '../data/model.ts';
import type { Region } from '../data/schema.ts';
import { canonical, normalise } from '../search/normalise.ts';
import { resolveRegion } from '../search/regions.ts';
import type { Resolver } from '../search/resolve.ts';
import { REGION_WORDS, STOP_WORDS } from './vocabulary.ts';

/** A name found in a question, read by the project's name resolver (systems, places, today's ICBs) or as a region. */
export type Place =
  | { kind: 'system'; system: IcsSystem; term: string }
  | { kind: 'successor'; successor: Successor; term: string }
  | { kind: 'region'; region: Region; term: string }
  | { kind: 'ambiguous'; candidates: IcsSystem[]; successors: Successor[]; term: string }
  | { kind: 'unknown'; suggestions: IcsSystem[]; term: string };

/** Words that may sit inside a name ("Isle of Wight", "Kent and Medway", "Cornwall and the Isles of Scilly"). */
const JOINERS = new Set(['and', 'of', 'the', 'on', 'upon', 'in']);

/** Runs of words that are not grammar words: the parts of a question that can only be names. */
export function nameSegments(tokens: readonly string[]): string[] {
  const isContent = (t: string) => !STOP_WORDS.has(t) && !/^\d+$/.test(t);
  const segments: string[] = [];
  let run: string[] = [];
  tokens.forEach((token, i) => {
    if (isContent(token)) {
      run.push(token);
      return;
    }
    // A joiner stays inside a name only between two name words ("kent and medway", not "deficit in kent").
    const next = tokens.slice(i + 1).find((t) => !JOINERS.has(t));
    if (run.length > 0 && JOINERS.has(token) && token !== 'in' && next !== undefined && isContent(next)) {
      run.push(token);
      return;
    }
    if (run.length > 0) segments.push(run.join(' '));
    run = [];
  });
  if (run.length > 0) segments.push(run.join(' '));
  return segments.map((s) => s.replace(/(?: (?:and|of|the|on|upon))+$/, '')).filter((s) => s !== '');
}

function readSegment(term: string, resolver: Resolver, quick = false): Place {
  const words = term.split(' ');
  const region = resolveRegion(term);
  const onlyRegionWords = words.every((w) => REGION_WORDS.has(w));
  // Compass names are regions without asking the resolver (its fuzzy search is the costliest step), unless a system
  // bears exactly that name ("North East London").
  if (region !== null && onlyRegionWords && (words.length <= 2 || !resolver.index.exact.has(normalise(term)))) return { kind: 'region', region, term };
  const resolution = resolver.resolve(term, { quick });
  // "South West" is the region although a system is called "South West London"; "North East London" is the system.
  if (region !== null && onlyRegionWords && (words.length <= 2 || resolution.kind !== 'match')) return { kind: 'region', region, term };
  switch (resolution.kind) {
    case 'match':
      return { kind: 'system', system: resolution.system, term };
    case 'successor':
      return { kind: 'successor', successor: resolution.successor, term };
    case 'ambiguous': {
      if (region !== null) return { kind: 'region', region, term };
      // "Surrey" is Frimley or Surrey Heartlands, but only one of them carries the word in its name.
      const named = resolution.candidates.filter((s) => ` ${canonical(s.shortName)} `.includes(` ${term} `));
      const [only] = named;
      if (named.length === 1 && only !== undefined) return { kind: 'system', system: only, term };
      return { kind: 'ambiguous', candidates: resolution.candidates, successors: resolution.successors ?? [], term };
    }
    case 'notFound': {
      if (region !== null) return { kind: 'region', region, term };
      // "Humber" is no name on its own, but the closest system is the one that carries the word.
      const [closest] = resolution.suggestions;
      if (closest !== undefined && term.length >= 4 && ` ${canonical(closest.shortName)} `.includes(` ${term} `))
        return { kind: 'system', system: closest, term };
      return { kind: 'unknown', suggestions: resolution.suggestions, term };
    }
  }
}

/** "kent and surrey" is two systems; "kent and medway" is one: split on "and" only when both sides are names. */
function splitPair(term: string, resolver: Resolver): Place[] | null {
  const words = term.split(' ');
  const named = (p: Place) => p.kind === 'system' || p.kind === 'successor' || p.kind === 'region';
  // At an "and" first; then at any word boundary, for lists written with commas ("Devon, Somerset").
  const cuts = [...words.keys()].filter((i) => words[i] === 'and' && i > 0 && i < words.length - 1).map((i) => [i, i + 1] as const);
  if (words.length <= 4) for (let i = 1; i < words.length; i++) if (words[i] !== 'and' && words[i - 1] !== 'and') cuts.push([i, i] as const);
  for (const [end, start] of cuts) {
    const left = readSegment(words.slice(0, end).join(' '), resolver, true);
    if (!named(left)) continue;
    const right = readSegment(words.slice(start).join(' '), resolver, true);
    if (named(left) && named(right)) return [left, right];
  }
  return null;
}

/** Whether any run of the segment's words is a known name or place as written: no fuzzy search needed to say so. */
function holdsKnownName(segment: string, resolver: Resolver): boolean {
  const words = segment.split(' ');
  for (let length = Math.min(words.length, 8); length >= 1; length--) {
    for (let start = 0; start + length <= words.length; start++) {
      const part = words.slice(start, start + length).join(' ');
      const key = normalise(part);
      if (key !== '' && (resolver.index.exact.has(key) || resolver.successorIndex.find(key) !== undefined || resolveRegion(part) !== null)) return true;
    }
  }
  return false;
}

/**
 * The names in a question. `fuzzy: false` (a sentence with no word of ours) looks only for names written as they are
 * known, so a question about something else costs no fuzzy search and finds no near-miss place.
 */
export function findPlaces(tokens: readonly string[], resolver: Resolver, options: { fuzzy: boolean } = { fuzzy: true }): Place[] {
  const places: Place[] = [];
  for (const segment of nameSegments(tokens)) {
    if (!options.fuzzy && !holdsKnownName(segment, resolver)) continue;
    const place = readSegment(segment, resolver);
    if (place.kind === 'ambiguous' || place.kind === 'unknown') {
      const pair = splitPair(segment, resolver);
      if (pair !== null) {
        places.push(...pair);
        continue;
      }
    }
    places.push(place);
  }
  // The same system named twice ("Kent ... Kent's") is one place.
  return places.filter((p, i) => p.kind !== 'system' || places.findIndex((q) => q.kind === 'system' && q.system.id === p.system.id) === i);
}
