import type { IcsSystem } from '../data/model.ts';
import { DISCORD_LIMITS } from '../views/limits.ts';
import { KIND_PRIORITY, shortName, type NameEntry } from './name-index.ts';
import { normalise } from './normalise.ts';
import type { Resolver } from './resolve.ts';

export interface Choice {
  name: string;
  value: string;
}

/** Fuzzy results only fill in when prefix matches are this few: prefixes are what a typing user means. */
const FUZZY_FILL_BELOW = 5;

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** "Devon — South West", or "West Yorkshire (Leeds) — North East and Yorkshire" when a place led to it. */
export function choiceName(system: IcsSystem, via?: NameEntry): string {
  const name = shortName(system);
  const hint = via !== undefined && via.kind !== 'name' && !normalise(name).includes(via.key) ? ` (${via.display})` : '';
  return truncate(`${name}${hint} — ${system.region}`, DISCORD_LIMITS.choiceName);
}

export function createAutocomplete(systems: readonly IcsSystem[], resolver: Resolver) {
  const alphabetical = [...systems].sort((a, b) => shortName(a).localeCompare(shortName(b), 'en-GB'));
  const byId = new Map(systems.map((s) => [s.id, s]));

  return function autocomplete(input: string): Choice[] {
    const q = normalise(input.slice(0, 400)).slice(0, 100);
    const limit = DISCORD_LIMITS.choices;
    if (q === '') return alphabetical.slice(0, limit).map((s) => ({ name: choiceName(s), value: s.id }));

    const scored: Array<{ entry: NameEntry; rank: number }> = [];
    for (const entry of resolver.index.entries) {
      const at = entry.key === q ? -1 : entry.key.startsWith(q) ? 0 : entry.key.includes(` ${q}`) ? 1 : null;
      if (at === null) continue;
      scored.push({ entry, rank: at * 10 + KIND_PRIORITY[entry.kind] });
    }
    scored.sort((a, b) => a.rank - b.rank || a.entry.key.length - b.entry.key.length);

    const picked = new Map<string, NameEntry>();
    for (const { entry } of scored) if (!picked.has(entry.systemId)) picked.set(entry.systemId, entry);
    // Fuzzy guesses at one or two typed letters are noise, and cost time on every keystroke.
    if (picked.size < FUZZY_FILL_BELOW && q.length >= 3) {
      // Suggestions while typing need no edit-distance verdict, only a plausible order: skip the rerank to stay fast.
      for (const { system, entry } of resolver.fuzzy(q, limit, { rerank: false })) if (!picked.has(system.id)) picked.set(system.id, entry);
    }
    return [...picked]
      .slice(0, limit)
      .flatMap(([id, entry]) => {
        const system = byId.get(id);
        return system === undefined ? [] : [{ name: choiceName(system, entry), value: system.id }];
      });
  };
}
