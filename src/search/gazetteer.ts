import damerauLevenshtein from 'damerau-levenshtein';
import type { PlacesFile } from '../data/places.ts';
import { normalise } from './normalise.ts';
import { lookupPostcode, type PostcodeHit } from './postcode.ts';

export const COUNTRIES: Readonly<Record<string, string>> = { wales: 'Wales', scotland: 'Scotland', 'northern-ireland': 'Northern Ireland' };

/** One way a name can be read: a place in an authority, in a system (or outside England, systemId null). */
export interface PlaceOption {
  name: string;
  /** Authority ("Isle of Wight") or country ("Wales"). */
  label: string;
  systemId: string | null;
}

/** How a card was reached through a place, for the line that says so. */
export type PlaceNote = { kind: 'place'; name: string; label: string } | ({ kind: 'postcode' } & PostcodeHit);

export type PlaceAnswer =
  | { kind: 'system'; systemId: string; note: PlaceNote }
  | { kind: 'choice'; options: PlaceOption[]; note?: PlaceNote }
  | { kind: 'outside'; name: string; country: string };

interface Named {
  name: string;
  where: string;
  label: string;
  /** null: added by hand (a neighbourhood or a town GeoNames lacks): known, though its size is not. */
  population: number | null;
}

/** A namesake this many times bigger than every other is what people mean ("Preston" is Lancashire's). */
const DOMINANCE = 20;
/** The project's own alias for a name stands against namesakes this many times smaller ("Ashington" is Northumberland's). */
const ALIAS_DOMINANCE = 5;
/** Namesakes smaller than the biggest by this factor are left off the "which one?" list. */
const NEGLIGIBLE = 50;
/** GeoNames lists places of 1,000 people or more; one without a figure is counted at that floor. */
const POPULATION_FLOOR = 1000;
/** A share of a split area's patients this large answers with one card (saying it is split). */
export const SPLIT_MAJORITY = 0.75;
/** Systems below this share of a split area are not offered. */
const MINOR_SHARE = 0.1;
const MAX_OPTIONS = 6;
/** Below this many letters one edit turns a name into another ("Ware", "Wore"): no typo matching. */
const NEAR_MIN_LENGTH = 6;

const NATIONS: ReadonlyArray<[string, string]> = [
  ['wales', 'Wales'],
  ['cymru', 'Wales'],
  ['scotland', 'Scotland'],
  ['northern ireland', 'Northern Ireland'],
  ['ni', 'Northern Ireland'],
];

export interface Gazetteer {
  /** A place, authority or postcode named exactly (qualifiers such as "Newport, Isle of Wight" allowed). */
  lookup(raw: string, normalised: string): PlaceAnswer | undefined;
  /** Whether namesakes elsewhere make a name the project's aliases give to `systemIds` a real question ("Richmond"):
   * the "which one?" answer if so, undefined when the aliases' reading stands. */
  rivals(normalised: string, systemIds: ReadonlySet<string>): PlaceAnswer | undefined;
  /** A very close misspelling of one place name ("Tadcastr"), never a loose resemblance. */
  near(normalised: string): PlaceAnswer | undefined;
  /** Place names starting with the typed text, for autocomplete: [display name, answer]. */
  prefix(normalised: string, limit: number): Array<{ name: string; answer: PlaceAnswer }>;
  has(normalised: string): boolean;
}

function strength(group: readonly Named[]): number {
  return Math.max(...group.map((p) => Math.max(p.population ?? 0, POPULATION_FLOOR)));
}

const byHand = (group: readonly Named[]): boolean => group.some((p) => p.population === null);

function optionOf(place: Named): PlaceOption {
  const country = COUNTRIES[place.where];
  return { name: place.name, label: place.label, systemId: country === undefined ? place.where : null };
}

/** Settles namesakes: one system, one clearly bigger namesake, or a question listing the real candidates. */
export function answerFor(places: readonly Named[]): PlaceAnswer | undefined {
  const groups = new Map<string, Named[]>();
  for (const place of places) groups.set(place.where, [...(groups.get(place.where) ?? []), place]);
  const ranked = [...groups.values()].sort((a, b) => strength(b) - strength(a) || Number(byHand(b)) - Number(byHand(a)));
  const [top, ...rest] = ranked;
  if (top === undefined) return undefined;
  const dominates = rest.every((g) => !byHand(g) && strength(top) >= DOMINANCE * strength(g));
  if (dominates) {
    const best = [...top].sort((a, b) => (b.population ?? Infinity) - (a.population ?? Infinity))[0] as Named;
    const country = COUNTRIES[best.where];
    if (country !== undefined) return { kind: 'outside', name: best.name, country };
    return { kind: 'system', systemId: best.where, note: { kind: 'place', name: best.name, label: best.label } };
  }
  const kept = ranked.filter((g) => byHand(g) || strength(g) * NEGLIGIBLE >= strength(top)).slice(0, MAX_OPTIONS);
  // English namesakes first: they are the ones with a card to press.
  const options = kept.map((g) => optionOf(g[0] as Named));
  return { kind: 'choice', options: [...options.filter((o) => o.systemId !== null), ...options.filter((o) => o.systemId === null)] };
}

/** A postcode look-up as an answer: one system, or a split one says so (and asks when no system has most). */
function postcodeAnswer(hit: PostcodeHit): PlaceAnswer {
  const [first] = hit.shares;
  if (first !== undefined && first[1] >= SPLIT_MAJORITY) return { kind: 'system', systemId: first[0], note: { kind: 'postcode', ...hit } };
  const options = hit.shares.filter(([, share]) => share >= MINOR_SHARE).map(([systemId]) => ({ name: hit.code, label: hit.code, systemId }));
  return { kind: 'choice', options, note: { kind: 'postcode', ...hit } };
}

/** "Newport, Isle of Wight", "Newport (Telford and Wrekin)": the name, and what narrows it. */
function splitQualifier(raw: string): { name: string; qualifier: string } | undefined {
  const match = /^\s*([^,()]+?)\s*(?:,\s*([^,()]+?)|\(([^()]+)\))\s*$/.exec(raw);
  if (match === null) return undefined;
  return { name: normalise(match[1] ?? ''), qualifier: normalise(match[2] ?? match[3] ?? '') };
}

export function createGazetteer(file: PlacesFile): Gazetteer {
  // Rows come keyed and sorted (scripts/build-places.ts): grouping them is one pass, with no normalising at start-up.
  const byKey = new Map<string, Named[]>();
  const keys: string[] = [];
  for (const [key, name, whereAt, labelAt, population] of file.places) {
    const named = { name, where: file.where[whereAt] ?? '', label: file.labels[labelAt] ?? '', population };
    const list = byKey.get(key);
    if (list === undefined) {
      byKey.set(key, [named]);
      keys.push(key);
    } else list.push(named);
  }
  const nations = new Map<string, PlaceAnswer>(NATIONS.map(([key, country]) => [key, { kind: 'outside', name: country, country }]));
  for (const key of nations.keys()) if (!byKey.has(key)) keys.push(key);
  keys.sort();
  // Settled on first use: most names are never asked for, and start-up stays short.
  const settled = new Map<string, PlaceAnswer | undefined>();
  const answerOf = (key: string): PlaceAnswer | undefined => {
    // The nations themselves: "Wales" is also a village near Rotherham, but a user typing it means the country.
    const nation = nations.get(key);
    if (nation !== undefined) return nation;
    if (!settled.has(key)) {
      const places = byKey.get(key);
      settled.set(key, places === undefined ? undefined : answerFor(places));
    }
    return settled.get(key);
  };
  let byFirstLetter: Map<string, string[]> | undefined;
  const sameFirstLetter = (letter: string): string[] => {
    if (byFirstLetter === undefined) {
      byFirstLetter = new Map();
      for (const key of keys) {
        const bucket = byFirstLetter.get(key.charAt(0));
        if (bucket === undefined) byFirstLetter.set(key.charAt(0), [key]);
        else bucket.push(key);
      }
    }
    return byFirstLetter.get(letter) ?? [];
  };

  function qualified(raw: string): PlaceAnswer | undefined {
    const split = splitQualifier(raw);
    if (split === undefined || split.qualifier === '') return undefined;
    const places = byKey.get(split.name)?.filter((p) => {
      const label = normalise(p.label);
      return label.includes(split.qualifier) || split.qualifier.includes(label);
    });
    return places === undefined || places.length === 0 ? undefined : answerFor(places);
  }

  return {
    lookup(raw, normalised) {
      const postcode = lookupPostcode(raw, file);
      if (postcode !== undefined) return 'kind' in postcode ? postcode : postcodeAnswer(postcode);
      return answerOf(normalised) ?? qualified(raw);
    },
    near(q) {
      if (q.length < NEAR_MIN_LENGTH) return undefined;
      // One edit only: two turn real names into each other ("hertfordshire", "herefordshire").
      const allowed = 1;
      const found = sameFirstLetter(q.charAt(0)).filter(
        (key) => key.length >= NEAR_MIN_LENGTH && Math.abs(key.length - q.length) <= allowed && damerauLevenshtein(q, key).steps <= allowed,
      );
      const [only] = found;
      return found.length === 1 && only !== undefined ? answerOf(only) : undefined;
    },
    prefix(q, limit) {
      const out: Array<{ name: string; answer: PlaceAnswer }> = [];
      let lo = 0;
      let hi = keys.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if ((keys[mid] as string) < q) lo = mid + 1;
        else hi = mid;
      }
      for (let i = lo; i < keys.length && out.length < limit; i++) {
        const key = keys[i] as string;
        if (!key.startsWith(q)) break;
        const answer = answerOf(key);
        const name = byKey.get(key)?.[0]?.name ?? (answer?.kind === 'outside' ? answer.name : undefined);
        if (answer !== undefined && name !== undefined) out.push({ name, answer });
      }
      return out;
    },
    has: (q) => byKey.has(q) || nations.has(q),
    rivals(q, systemIds) {
      const places = byKey.get(q);
      if (places === undefined) return undefined;
      const answer = answerFor(places);
      if (answer?.kind !== 'choice' || !answer.options.some((o) => o.systemId !== null && systemIds.has(o.systemId))) return undefined;
      // The aliases already say the name is shared ("Stratford"): the gazetteer's question names each place.
      if (systemIds.size > 1) return [...systemIds].every((id) => answer.options.some((o) => o.systemId === id)) ? answer : undefined;
      const ours = places.filter((p) => systemIds.has(p.where));
      const others = places.filter((p) => !systemIds.has(p.where));
      // Outside England a namesake only matters if it is the bigger one (Newport, Wales; not Bilston, Midlothian).
      const weak = others.every(
        (p) => p.population !== null && strength(ours) >= (p.where in COUNTRIES ? 1 : ALIAS_DOMINANCE) * Math.max(p.population, POPULATION_FLOOR),
      );
      return weak ? undefined : answer;
    },
  };
}
