import type { IcsSystem } from '../data/model.ts';
import { shortName } from '../data/names.ts';
import { normalise } from './normalise.ts';

/** How strongly a name points at a system: its own names beat a place it merely covers. */
export type NameKind = 'name' | 'abbreviation' | 'brand' | 'other' | 'place';

export const KIND_PRIORITY: Readonly<Record<NameKind, number>> = { name: 0, abbreviation: 1, brand: 1, other: 2, place: 3 };

export interface NameEntry {
  /** Normalised text, the form queries are compared in. */
  key: string;
  /** As written in the data, for display ("Leeds"). */
  display: string;
  kind: NameKind;
  systemId: string;
}

export interface NameIndex {
  entries: NameEntry[];
  /** Normalised text → entries with that text (several systems may share a place, e.g. Essex). */
  exact: ReadonlyMap<string, NameEntry[]>;
}

function namesOf(system: IcsSystem): Array<[string, NameKind]> {
  return [
    [system.publishedName, 'name'],
    [system.icbName, 'name'],
    [shortName(system), 'name'],
    [system.id.replace(/-/g, ' '), 'name'],
    ...system.aliases.abbreviations.map((a): [string, NameKind] => [a, 'abbreviation']),
    ...system.aliases.brands.map((b): [string, NameKind] => [b, 'brand']),
    ...system.aliases.otherNames.map((o): [string, NameKind] => [o, 'other']),
    ...system.aliases.places.map((p): [string, NameKind] => [p, 'place']),
  ];
}

export function buildNameIndex(systems: readonly IcsSystem[]): NameIndex {
  const entries: NameEntry[] = [];
  const seen = new Set<string>();
  for (const system of systems) {
    for (const [display, kind] of namesOf(system)) {
      const key = normalise(display);
      const dedupe = `${system.id}\u0000${key}`;
      if (key === '' || seen.has(dedupe)) continue;
      seen.add(dedupe);
      entries.push({ key, display, kind, systemId: system.id });
    }
  }
  const exact = new Map<string, NameEntry[]>();
  for (const entry of entries) {
    const list = exact.get(entry.key) ?? [];
    list.push(entry);
    exact.set(entry.key, list);
  }
  return { entries, exact };
}
