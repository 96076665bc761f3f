import type { IcsSystem } from '../data/model.ts';
import { DISCORD_LIMITS } from '../protocol/limits.ts';
import { shortName } from '../data/names.ts';
import { KIND_PRIORITY, type NameEntry } from './name-index.ts';
import { normalise, withoutPartialNoiseTail } from './normalise.ts';
import type { Resolution, Resolver } from './resolve.ts';
import { withoutChatter } from './chatter.ts';

export interface Choice {
  name: string;
  value: string;
}

/** Fuzzy results only fill in when no name starts with what was typed: prefixes are what a typing user means. */
const FUZZY_FILL_BELOW = 1;
/** A half-typed last word ("… Integrated Car") should not hide the names before it: drop up to this many words. */
const MAX_DROPPED_WORDS = 2;
/** Recent answers kept, by normalised input: small, as every entry is at most 25 short choices. */
const RECENT_LIMIT = 1000;

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** "Devon — South West", or "Healthier Together Bristol, … (Clevedon) — South West" when a place led to it. */
export function choiceName(system: IcsSystem, via?: NameEntry): string {
  // The survey's own name, as users will see it on the card; its table punctuation (a trailing colon) dropped.
  const name = system.publishedName.replace(/[\s:]+$/, '');
  const hint = via !== undefined && via.kind !== 'name' && !normalise(name).includes(via.key) ? ` (${via.display})` : '';
  const region = ` — ${system.region}`;
  // Cut the name, never the region: both tell the user which card the choice opens.
  return `${truncate(`${name}${hint}`, DISCORD_LIMITS.choiceName - region.length)}${region}`;
}

export function createAutocomplete(systems: readonly IcsSystem[], resolver: Resolver) {
  const alphabetical = [...systems].sort((a, b) => shortName(a).localeCompare(shortName(b), 'en-GB'));
  const byId = new Map(systems.map((s) => [s.id, s]));

  function prefixMatches(q: string): Array<{ entry: NameEntry; rank: number }> {
    const scored: Array<{ entry: NameEntry; rank: number }> = [];
    for (const entry of resolver.index.entries) {
      const at = entry.key === q ? -1 : entry.key.startsWith(q) ? 0 : entry.key.includes(` ${q}`) ? 1 : null;
      if (at === null) continue;
      scored.push({ entry, rank: at * 10 + KIND_PRIORITY[entry.kind] });
    }
    return scored.sort((a, b) => a.rank - b.rank || a.entry.key.length - b.entry.key.length);
  }

  // Every keystroke of every user arrives here, and people type the same prefixes: remember recent answers.
  const recent = new Map<string, Choice[]>();

  return function autocomplete(input: string): Choice[] {
    const q = normalise(input.slice(0, 400)).slice(0, 100);
    const cached = recent.get(q);
    if (cached !== undefined) {
      recent.delete(q);
      recent.set(q, cached);
      return cached;
    }
    const choices = compute(q);
    recent.set(q, choices);
    if (recent.size > RECENT_LIMIT) recent.delete(recent.keys().next().value as string);
    return choices;
  };

  function compute(typed: string): Choice[] {
    const limit = DISCORD_LIMITS.choices;
    if (typed === '') return alphabetical.slice(0, limit).map((s) => ({ name: choiceName(s), value: s.id }));
    // "hi bot, birmingham": the chatter is not what to complete.
    const q = withoutChatter(typed) || typed;

    let scored = prefixMatches(q);
    if (scored.length === 0) scored = prefixMatches(withoutPartialNoiseTail(q));
    for (let words = q.split(' '), dropped = 0; scored.length === 0 && dropped < MAX_DROPPED_WORDS && words.length > 1; dropped++) {
      words = words.slice(0, -1);
      scored = prefixMatches(words.join(' '));
    }

    const places = placeChoices(q, limit);
    const picked = new Map<string, NameEntry | undefined>();
    // A whole place or postcode typed ("Bourne", "M1") is what the user means, ahead of longer names it begins
    // ("Bournemouth"); so is a very close misspelling of a place when no place starts with the text ("Tadcastr").
    const gazetteer = resolver.index.exact.has(q) ? undefined : resolver.gazetteer;
    const wholePlace = gazetteer !== undefined && (gazetteer.has(q) || /\d/.test(q));
    if (wholePlace) pick(resolver.resolve(q, { quick: true }), picked);
    else if (scored.length === 0 && places.length === 0 && q.length >= 3) {
      const near = resolver.gazetteer?.near(q);
      if (near?.kind === 'system')
        picked.set(near.systemId, { key: q, display: near.note.kind === 'place' ? near.note.name : q, kind: 'place', systemId: near.systemId });
    }
    for (const { entry } of scored) if (!picked.has(entry.systemId)) picked.set(entry.systemId, entry);
    // Fuzzy guesses at one or two typed letters are noise, and cost time on every keystroke.
    if (picked.size < FUZZY_FILL_BELOW && q.length >= 3) {
      // What /ics would answer ("Hull and East Riding" names one system without any name starting so) comes first.
      const resolution = resolver.resolve(q, { quick: true });
      // Loose guesses give way to places that really start with what was typed ("wareh" is Wareham, not Ware).
      if (resolution.kind !== 'notFound' || places.length === 0) pick(resolution, picked);
    }
    const systems = [...picked].flatMap(([id, entry]) => {
      const system = byId.get(id);
      return system === undefined ? [] : [{ name: choiceName(system, entry), value: system.id }];
    });
    return [...systems, ...places, ...successorChoices(q)].slice(0, limit);
  }

  function pick(resolution: Resolution, picked: Map<string, NameEntry | undefined>): void {
    if (resolution.kind === 'match') picked.set(resolution.system.id, resolution.via);
    else if (resolution.kind === 'ambiguous') for (const s of resolution.candidates) picked.set(s.id, undefined);
    else if (resolution.kind === 'notFound') for (const s of resolution.suggestions) picked.set(s.id, undefined);
  }

  /** "Exeter → Devon": places starting with the input; the value is the place, so the card says how it was reached. */
  function placeChoices(q: string, limit: number): Choice[] {
    if (q.length < 3 || resolver.gazetteer === undefined) return [];
    const nameOf = (id: string | null): string => {
      const system = id === null ? undefined : byId.get(id);
      return system === undefined ? 'not in England' : shortName(system);
    };
    return resolver.gazetteer.prefix(q, limit).flatMap(({ name, answer }): Choice[] => {
      if (answer.kind === 'system') return [{ name: truncate(`${name} → ${nameOf(answer.systemId)}`, DISCORD_LIMITS.choiceName), value: name }];
      if (answer.kind === 'outside') return [{ name: truncate(`${name} (${answer.country}): not in England`, DISCORD_LIMITS.choiceName), value: name }];
      // Postcode choices never come from a name prefix; namesakes each get their own line, and one place split between
      // systems (an authority) one line naming them all, since its value is the same.
      const byValue = new Map<string, { name: string; label: string; targets: string[] }>();
      for (const o of answer.options) {
        const value = `${o.name}, ${o.label}`;
        const entry = byValue.get(value) ?? { name: o.name, label: o.label, targets: [] };
        entry.targets.push(o.systemId === null ? 'not in England' : nameOf(o.systemId));
        byValue.set(value, entry);
      }
      return [...byValue].map(([value, o]) => ({
        name: truncate(
          o.targets.length === 1 && o.targets[0] === 'not in England'
            ? `${o.name} (${o.label}): not in England`
            : `${o.name} (${o.label}) → ${o.targets.join(' or ')}`,
          DISCORD_LIMITS.choiceName,
        ),
        value,
      }));
    });
  }

  /** Today's ICBs whose names start with the input; the value is the full name, which /ics resolves to their card. */
  function successorChoices(q: string): Choice[] {
    if (q.length < 3) return [];
    const found = new Map<string, Choice>();
    for (const [key, successor] of resolver.successorIndex.exact) {
      if (!found.has(successor.id) && (key.startsWith(q) || key.includes(` ${q}`))) {
        found.set(successor.id, {
          name: truncate(`${successor.shortName} ICB (since ${successor.startDate.slice(0, 4)}) — ${successor.region}`, DISCORD_LIMITS.choiceName),
          value: successor.name,
        });
      }
    }
    return [...found.values()];
  }
}
