import damerauLevenshtein from 'damerau-levenshtein';
import type { Successor } from '../data/changes-schema.ts';
import { normalise } from './normalise.ts';

/** Close enough to a successor's name to answer with it: about one typo in eight letters. */
const SUCCESSOR_TYPO_CUTOFF = 0.13;

export interface SuccessorIndex {
  /** Normalised name → the new body it names. */
  exact: ReadonlyMap<string, Successor>;
  /** A new body named exactly, or undefined. */
  find(normalisedQuery: string): Successor | undefined;
  /** A new body named with a small typo ("Thames Vally"), or undefined. */
  findNear(normalisedQuery: string): Successor | undefined;
}

/**
 * Names of the bodies created in April 2026. Boundary changes (Hampshire and Isle of Wight kept its name and code) are
 * left out: their name still finds the 2022 system, whose card says what changed.
 */
export function buildSuccessorIndex(successors: readonly Successor[]): SuccessorIndex {
  const exact = new Map<string, Successor>();
  for (const successor of successors) {
    if (successor.kind !== 'new-body') continue;
    for (const name of [successor.name, successor.shortName, ...successor.aliases]) {
      const key = normalise(name);
      if (key !== '') exact.set(key, successor);
    }
  }
  return {
    exact,
    find(query) {
      return exact.get(query);
    },
    findNear(query) {
      if (query.length < 6) return undefined;
      let best: { successor: Successor; score: number } | undefined;
      for (const [key, successor] of exact) {
        // A typo changes the length by a letter or two; anything further cannot pass the cutoff.
        if (Math.abs(key.length - query.length) > 2) continue;
        const score = damerauLevenshtein(query, key).relative;
        if (score <= SUCCESSOR_TYPO_CUTOFF && (best === undefined || score < best.score)) best = { successor, score };
      }
      return best?.successor;
    },
  };
}
