import { shownValue, type MetricUnit } from '../format/shown-value.ts';

/** A place in a ranking; the one shape every ranking in the bot uses (survey and funding figures alike). */
export interface Rank {
  /** 1 = first in the ranking's order. */
  position: number;
  /** How many were ranked: those that published a figure, never those without one. */
  of: number;
  /** Another entry shows the same value, so the place is shared ("=5"). */
  joint: boolean;
}

export type RankOrder = 'highest' | 'lowest';

export interface RankedEntry<T> {
  item: T;
  /** The figure as the reader sees it (rounded once, by `shownValue`). */
  value: number;
  rank: Rank;
}

export interface Ranking<T> {
  /** In ranking order, 1st first; entries sharing a place are in `tieOrder` order. */
  entries: RankedEntry<T>[];
  /** Items without a figure: reported, never ranked as zero. */
  unranked: T[];
}

/**
 * Competition ranking (1, 2, 2, 4) among the items that have a figure, compared at the precision the figure is shown
 * at, so that places follow what the reader sees rather than hidden decimals.
 */
export function rankBy<T>(
  items: readonly T[],
  valueOf: (item: T) => number | null,
  unit: MetricUnit,
  order: RankOrder,
  tieOrder: (a: T, b: T) => number,
): Ranking<T> {
  const unranked: T[] = [];
  const valued: Array<{ item: T; value: number }> = [];
  for (const item of items) {
    const raw = valueOf(item);
    if (raw === null) unranked.push(item);
    else valued.push({ item, value: shownValue(unit, raw) });
  }
  const direction = order === 'highest' ? -1 : 1;
  valued.sort((a, b) => direction * (a.value - b.value) || tieOrder(a.item, b.item));
  const entries: RankedEntry<T>[] = [];
  valued.forEach((entry, index) => {
    const previous = entries[index - 1];
    const sharesPrevious = previous !== undefined && previous.value === entry.value;
    const next = valued[index + 1];
    const joint = sharesPrevious || (next !== undefined && next.value === entry.value);
    const position = sharesPrevious ? previous.rank.position : index + 1;
    entries.push({ ...entry, rank: { position, of: valued.length, joint } });
  });
  return { entries, unranked };
}
