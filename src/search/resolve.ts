import damerauLevenshtein from 'damerau-levenshtein';
import Fuse from 'fuse.js';
import type { IcsSystem } from '../data/model.ts';
import { KIND_PRIORITY, buildNameIndex, type NameEntry, type NameIndex } from './name-index.ts';
import type { Successor } from '../data/changes-schema.ts';
import { canonical, normalise } from './normalise.ts';
import { buildSuccessorIndex, type SuccessorIndex } from './successor-index.ts';
import { createBigramFilter } from './bigram-filter.ts';
import type { PlacesFile } from '../data/places.ts';
import { createGazetteer, type Gazetteer, type PlaceAnswer, type PlaceNote, type PlaceOption } from './gazetteer.ts';
import { isNotAName, withoutChatter } from './chatter.ts';

/** What a typed name resolves to; views turn each kind into a card, a choice of candidates, or "not found". */
export type Resolution =
  /** `place`: reached through a town, neighbourhood, authority or postcode, for the line that says so. */
  | { kind: 'match'; system: IcsSystem; via: NameEntry; place?: PlaceNote }
  | { kind: 'successor'; successor: Successor }
  /** `successors`: today's bodies that share the name ("Essex" is three 2022 systems and NHS Essex ICB since 2026).
   * `places`: namesakes ("Newport": Isle of Wight, Telford and Wrekin, Wales), each with its authority or country.
   * `place`: a postcode district split between systems. */
  | { kind: 'ambiguous'; candidates: IcsSystem[]; term: string; successors?: Successor[]; places?: PlaceOption[]; place?: PlaceNote }
  /** `outside`: a place or postcode in Wales, Scotland or Northern Ireland, which have no ICSs. */
  | { kind: 'notFound'; suggestions: IcsSystem[]; outside?: { name: string; country: string } };

/** Fuzzy scores (0 = perfect, 1 = nothing alike) at or below this are confident enough to answer with one card. */
export const FUZZY_MATCH_CUTOFF = 0.26;
/** A fuzzy runner-up this close to the best makes the answer a question rather than a card. */
export const FUZZY_TIE_MARGIN = 0.08;
/** Suggestions offered with "not found" must be at least this alike. */
export const SUGGESTION_CUTOFF = 0.5;
/** Fuse finds candidates anywhere inside a long name; a whole-name edit distance decides between them. This much is
 * added to Fuse's own score so it only wins where no name is close as a whole. */
const FUSE_ONLY_PENALTY = 0.1;
/** A fuzzy match may land on a place only when it is this close: a real place never stands in for another. */
export const PLACE_FUZZY_CUTOFF = 0.15;
/** An edit-distance match against part of a longer name ("forest" in "Wyre Forest") counts for less than the whole name. */
const PART_PENALTY = 0.1;

/** Relative Damerau–Levenshtein distance (a transposition is one edit: "Dorest", "Oxfrod"), against the whole key or,
 * with a penalty, against the run of the key's words as long as the query. */
function editScore(query: string, key: string, parts = true): number {
  const whole = damerauLevenshtein(query, key).relative;
  if (!parts) return whole;
  const qWords = query.split(' ').length;
  const kWords = key.split(' ');
  let part = 1;
  for (let i = 0; i + qWords <= kWords.length && qWords < kWords.length; i++) {
    part = Math.min(part, damerauLevenshtein(query, kWords.slice(i, i + qWords).join(' ')).relative + PART_PENALTY);
  }
  return Math.min(whole, part);
}

/** Longer input is junk for a name lookup; cut it before any work so cost stays flat. */
export const MAX_QUERY_CHARS = 120;
const MAX_SUGGESTIONS = 5;

/** How many of Fuse's best results the edit distance reorders. */
const RERANK_LIMIT = 20;

/** Chosen by measurement on the query fixture: substring-anywhere matching, generous threshold, edit distance decides. */
const FUSE_OPTIONS = {
  keys: ['key'],
  includeScore: true,
  ignoreLocation: true,
  threshold: SUGGESTION_CUTOFF,
  minMatchCharLength: 2,
  shouldSort: true,
};

export interface Resolver {
  /** `quick`: rerank fuzzy candidates on whole names only, not on runs of their words (for autocomplete: speed first). */
  resolve(query: string, options?: { quick?: boolean }): Resolution;
  /** Fuzzy candidates best first, one per system, for autocomplete and suggestions. */
  fuzzy(
    normalisedQuery: string,
    limit: number,
    options?: { rerank?: 'full' | 'whole' | 'none' },
  ): Array<{ system: IcsSystem; entry: NameEntry; score: number }>;
  index: NameIndex;
  successorIndex: SuccessorIndex;
  /** Places and postcodes, when the resolver was given the gazetteer. */
  gazetteer?: Gazetteer;
}

function uniqueSystems(entries: readonly NameEntry[]): string[] {
  return [...new Set(entries.map((e) => e.systemId))];
}

/** Entries of the strongest kind present: a system's own name outranks a place that merely shares the words. */
function strongest(entries: readonly NameEntry[]): NameEntry[] {
  const best = Math.min(...entries.map((e) => KIND_PRIORITY[e.kind]));
  return entries.filter((e) => KIND_PRIORITY[e.kind] === best);
}

/** Known names standing whole inside a longer query ("hull and east riding"), longest first, without overlaps. */
function containedNames(query: string, index: NameIndex): { hits: NameEntry[][]; coveredTokens: number; totalTokens: number; uncovered: string[] } {
  const tokens = query.split(' ');
  const covered = new Array<boolean>(tokens.length).fill(false);
  const hits: NameEntry[][] = [];
  for (let length = Math.min(tokens.length, 8); length >= 1; length--) {
    for (let start = 0; start + length <= tokens.length; start++) {
      if (covered.slice(start, start + length).some(Boolean)) continue;
      const found = index.exact.get(tokens.slice(start, start + length).join(' '));
      if (found === undefined) continue;
      hits.push(found);
      for (let i = start; i < start + length; i++) covered[i] = true;
    }
  }
  // Words that qualify a place rather than name it ("Leicester city", "Kent county"): not needed to cover a query.
  const filler = new Set(['and', 'of', 'in', 'for', 'on', 'city', 'county', 'council', 'borough', 'district', 'town']);
  const meaningful = tokens.filter((t) => !filler.has(t));
  const coveredMeaningful = tokens.filter((t, i) => covered[i] === true && !filler.has(t)).length;
  const uncovered = tokens.filter((t, i) => covered[i] !== true && !filler.has(t));
  return { hits, coveredTokens: coveredMeaningful, totalTokens: meaningful.length, uncovered };
}

/** Words that say the user means an organisation ("Essex ICB"), not the place. */
const ORGANISATION_WORDS = /\b(?:nhs|icb|ics|integrated care)\b/;

/**
 * `places` may be given as a function: the gazetteer is then read and indexed on the first look-up that needs it, so a
 * start-up that only answers system names (most answers) never pays for it.
 */
export function createResolver(systems: readonly IcsSystem[], successors: readonly Successor[] = [], places?: PlacesFile | (() => PlacesFile)): Resolver {
  const index = buildNameIndex(systems);
  let built: Gazetteer | undefined;
  const gazetteer = (): Gazetteer | undefined => {
    if (built === undefined && places !== undefined) built = createGazetteer(typeof places === 'function' ? places() : places);
    return built;
  };
  const successorIndex = buildSuccessorIndex(successors);
  const byId = new Map(systems.map((s) => [s.id, s]));
  const system = (id: string): IcsSystem => {
    const found = byId.get(id);
    if (found === undefined) throw new Error(`index names unknown system ${id}`);
    return found;
  };
  const ownNamesById = new Map<string, string[]>();
  for (const entry of index.entries) {
    if (entry.kind === 'place') continue;
    ownNamesById.set(entry.systemId, [...(ownNamesById.get(entry.systemId) ?? []), entry.key]);
  }
  const ownNames = (id: string): string[] => ownNamesById.get(id) ?? [];
  const filter = createBigramFilter(index.entries, (e) => e.key);

  function fuzzy(q: string, limit: number, options: { rerank?: 'full' | 'whole' | 'none' } = {}) {
    const rerank = options.rerank ?? 'full';
    const bestBySystem = new Map<string, { system: IcsSystem; entry: NameEntry; score: number }>();
    const pattern = q.slice(0, 64);
    const fuse = new Fuse(filter.candidates(pattern), FUSE_OPTIONS);
    // Fuse's best few always include the near-miss we want; edit distance only has to order those.
    for (const result of fuse.search(pattern, { limit: RERANK_LIMIT })) {
      const fuseScore = result.score ?? 1;
      const score = rerank === 'none' ? fuseScore : Math.min(editScore(q, result.item.key, rerank === 'full'), fuseScore + FUSE_ONLY_PENALTY);
      const previous = bestBySystem.get(result.item.systemId);
      if (previous === undefined || score < previous.score) {
        bestBySystem.set(result.item.systemId, { system: system(result.item.systemId), entry: result.item, score });
      }
    }
    return [...bestBySystem.values()].sort((a, b) => a.score - b.score || KIND_PRIORITY[a.entry.kind] - KIND_PRIORITY[b.entry.kind]).slice(0, limit);
  }

  /** A gazetteer answer as a resolution: a card that says which place led to it, a "which one?", or "not in England". */
  function fromPlace(answer: PlaceAnswer, term: string): Resolution {
    if (answer.kind === 'outside') return { kind: 'notFound', suggestions: [], outside: { name: answer.name, country: answer.country } };
    if (answer.kind === 'system') {
      const name = answer.note.kind === 'place' ? answer.note.name : answer.note.code;
      return {
        kind: 'match',
        system: system(answer.systemId),
        via: { key: normalise(name), display: name, kind: 'place', systemId: answer.systemId },
        place: answer.note,
      };
    }
    const ids = [...new Set(answer.options.flatMap((o) => (o.systemId === null ? [] : [o.systemId])))];
    return {
      kind: 'ambiguous',
      candidates: ids.map(system),
      term,
      ...(answer.note?.kind === 'postcode' ? { place: answer.note } : { places: answer.options }),
    };
  }

  function resolve(raw: string, options: { quick?: boolean } = {}): Resolution {
    const clipped = raw.slice(0, MAX_QUERY_CHARS * 4);
    const full = normalise(clipped).slice(0, MAX_QUERY_CHARS);
    // "devon ics please", "hi bot, birmingham": the chatter around a name is not part of it.
    const quiet = withoutChatter(full);
    const known = index.exact.has(full) || (gazetteer()?.has(full) ?? false);
    const q = quiet === '' || known ? full : quiet;
    if (q.length < 2 || isNotAName(q) || isNotAName(canonical(clipped))) return { kind: 'notFound', suggestions: [] };

    const exact = index.exact.get(q);
    const successor = successorIndex.find(q);
    const asOrganisation = ORGANISATION_WORDS.test(canonical(clipped));
    if (exact === undefined) {
      const place = gazetteer()?.lookup(q === full ? clipped : q, q);
      if (place !== undefined) return fromPlace(place, raw.trim());
    } else if (strongest(exact)[0]?.kind === 'place') {
      // A place the project's aliases know gives way only to namesakes of real weight elsewhere ("Richmond").
      const rivals = gazetteer()?.rivals(q, new Set(exact.map((e) => e.systemId)));
      if (rivals !== undefined) return fromPlace(rivals, raw.trim());
    }
    if (exact !== undefined) {
      const top = strongest(exact);
      const ids = uniqueSystems(top);
      const [only] = ids;
      // "Essex ICB" is today's NHS Essex ICB; plain "Essex" stays the 2022 systems, with today's body offered too.
      if (successor !== undefined && asOrganisation && KIND_PRIORITY[top[0]?.kind ?? 'place'] > KIND_PRIORITY.name) return { kind: 'successor', successor };
      if (ids.length === 1 && only !== undefined) return { kind: 'match', system: system(only), via: top[0] as NameEntry };
      return { kind: 'ambiguous', candidates: ids.map(system), term: raw.trim(), ...(successor !== undefined ? { successors: [successor] } : {}) };
    }
    if (successor !== undefined) return { kind: 'successor', successor };

    // "kents deficit": a possessive typed without its apostrophe is the name itself.
    const stem = q.endsWith('s') ? index.exact.get(q.slice(0, -1)) : undefined;
    if (stem !== undefined) {
      const ids = uniqueSystems(strongest(stem));
      const [only] = ids;
      if (ids.length === 1 && only !== undefined) return { kind: 'match', system: system(only), via: strongest(stem)[0] as NameEntry };
    }

    const contained = containedNames(q, index);
    if (contained.hits.length > 0 && contained.coveredTokens * 2 >= contained.totalTokens) {
      const perHit = contained.hits.map((entries) => uniqueSystems(strongest(entries)));
      const common = perHit.reduce((acc, ids) => acc.filter((id) => ids.includes(id)));
      const [only] = common;
      if (common.length === 1 && only !== undefined && contained.coveredTokens * 2 > contained.totalTokens) {
        const via = contained.hits.flat().find((e) => e.systemId === only) as NameEntry;
        return { kind: 'match', system: system(only), via };
      }
      const all = [...new Set(perHit.flat())];
      if (all.length > 1) {
        // "South London": the words beside the shared place narrow the candidates to the systems named with them.
        const narrowed = all.filter((id) => contained.uncovered.every((word) => ownNames(id).some((name) => ` ${name} `.includes(` ${word} `))));
        const [single] = narrowed;
        if (narrowed.length === 1 && single !== undefined) {
          return { kind: 'match', system: system(single), via: contained.hits.flat().find((e) => e.systemId === single) as NameEntry };
        }
        return { kind: 'ambiguous', candidates: (narrowed.length > 0 ? narrowed : all).map(system), term: raw.trim() };
      }
    }

    const near = successorIndex.findNear(q);
    if (near !== undefined) return { kind: 'successor', successor: near };
    // A half-typed name (autocomplete's quick mode) is not a typo of a longer one.
    const nearPlace = options.quick === true ? undefined : gazetteer()?.near(q);
    if (nearPlace !== undefined) return fromPlace(nearPlace, raw.trim());

    const ranked = fuzzy(q, MAX_SUGGESTIONS + 1, { rerank: options.quick === true ? 'whole' : 'full' });
    const [best, second] = ranked;
    // Only an edit-distance verdict answers with a card: Fuse alone finds "fenland" inside "england".
    const cutoff = best?.entry.kind === 'place' ? PLACE_FUZZY_CUTOFF : FUZZY_MATCH_CUTOFF;
    if (best !== undefined && best.score <= cutoff && editScore(q, best.entry.key) <= cutoff) {
      if (second === undefined || second.score - best.score > FUZZY_TIE_MARGIN) {
        return { kind: 'match', system: best.system, via: best.entry };
      }
    }
    // A known place inside a longer query ("Leeds hospitals") is the best suggestion even when it is not enough to answer.
    const named = [...new Set(contained.hits.flatMap((entries) => uniqueSystems(strongest(entries))))].map(system);
    const close = ranked.filter((r) => r.score <= SUGGESTION_CUTOFF).map((r) => r.system);
    const suggestions = [...new Set([...named, ...close])].slice(0, MAX_SUGGESTIONS);
    return { kind: 'notFound', suggestions };
  }

  return {
    resolve,
    fuzzy,
    index,
    successorIndex,
    get gazetteer() {
      return gazetteer();
    },
  };
}
