/**
 * Cheap candidate generation for fuzzy search. Running fuse.js over all ~950 names costs ~1.7 ms a query; a name that
 * shares too few letter pairs with the query cannot be a near match, so fuse only sees the few that can.
 * A typo keeps most pairs ("somerest" shares so, om, me, er with "somerset"), so a third of the pairs is enough.
 */
const MIN_SHARED_SHARE = 1 / 3;
const MAX_CANDIDATES = 40;

function bigrams(text: string): Set<string> {
  const padded = ` ${text} `;
  const grams = new Set<string>();
  for (let i = 0; i < padded.length - 1; i++) grams.add(padded.slice(i, i + 2));
  return grams;
}

export interface BigramFilter<T> {
  candidates(query: string): T[];
}

export function createBigramFilter<T>(items: readonly T[], keyOf: (item: T) => string): BigramFilter<T> {
  const postings = new Map<string, number[]>();
  items.forEach((item, index) => {
    for (const gram of bigrams(keyOf(item))) {
      const list = postings.get(gram);
      if (list === undefined) postings.set(gram, [index]);
      else list.push(index);
    }
  });
  return {
    candidates(query) {
      const grams = bigrams(query);
      const shared = new Map<number, number>();
      for (const gram of grams) for (const index of postings.get(gram) ?? []) shared.set(index, (shared.get(index) ?? 0) + 1);
      const need = Math.max(1, Math.ceil(grams.size * MIN_SHARED_SHARE));
      return [...shared]
        .filter(([, count]) => count >= need)
        .sort((a, b) => b[1] - a[1])
        .slice(0, MAX_CANDIDATES)
        .map(([index]) => items[index] as T);
    },
  };
}
