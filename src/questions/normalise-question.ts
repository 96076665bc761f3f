import damerauLevenshtein from 'damerau-levenshtein';
import { canonical } from '../search/normalise.ts';
import { CORRECTABLE, STOP_WORDS } from './vocabulary.ts';

/** Informal phrasings rewritten to the grammar's words before anything else reads the question. */
const REWRITES: ReadonlyArray<readonly [RegExp, string]> = [
  [/\bblack holes?\b/g, 'deficit'],
  [/\bin the red\b/g, 'deficit'],
  [/(?<!black )\b(?:the whole|the entire|across the|the) country\b/g, 'england'],
  [/\b(?:short|strapped) (?:of|for) (?:cash|money)\b/g, 'deficit'],
  [/\bcash strapped\b/g, 'deficit'],
  [/\bhard up\b/g, 'deficit'],
  [/\bper cent\b/g, 'percent'],
  [/\bpc\b/g, 'percent'],
  [/\bhow much (?:money )?(?:does|do|did) (\w+(?: \w+){0,4}) (?:get|receive|have)\b/g, 'allocation $1'],
  [/\b(?:yr|yrs)\b/g, 'year'],
  [/\bu\b/g, 'you'],
  [/\bur\b/g, 'your'],
  [/\bppl\b/g, 'people'],
  [/\bpop\b/g, 'population'],
  [/\bvs\b|\bv\b|\bversus\b|\bvrs\b/g, 'vs'],
  [/\bnorth east and yorks(?:hire)?\b/g, 'north east and yorkshire region'],
];

const CORRECTABLE_SET = new Set(CORRECTABLE);

/** The closest grammar word within one edit (two for long words), or the token unchanged. */
function corrected(token: string, isName: (token: string) => boolean): string {
  // Known words and short ones are left alone: "cost" is not a typo of "most".
  if (token.length < 5 || CORRECTABLE_SET.has(token) || STOP_WORDS.has(token) || /\d/.test(token) || isName(token)) return token;
  const allowed = token.length >= 7 ? 2 : 1;
  let best = token;
  let bestDistance = allowed + 1;
  for (const word of CORRECTABLE) {
    if (Math.abs(word.length - token.length) > allowed) continue;
    const distance = damerauLevenshtein(token, word).steps;
    if (distance < bestDistance) {
      best = word;
      bestDistance = distance;
    }
  }
  return bestDistance <= allowed ? best : token;
}

export interface NormalisedQuestion {
  /** Lower case, single spaces, typos in grammar words corrected, informal phrasings rewritten. */
  text: string;
  tokens: string[];
  /** Year tokens as written ("2022/23", "2024-25"), read before punctuation is dropped. */
  years: string[];
}

const YEAR = /\b(20\d\d)\s*[/-]\s*(\d\d)\b|\b(20\d\d)\b/g;

/**
 * Canonical text for the grammar. `isName` protects known names from "correction": "Frome" is a town, not "from".
 */
export function normaliseQuestion(raw: string, isName: (token: string) => boolean): NormalisedQuestion {
  const years = [...raw.matchAll(YEAR)].map((m) => (m[1] !== undefined ? `${m[1]}/${m[2] ?? ''}` : (m[3] ?? '')));
  const withoutYears = raw.replace(YEAR, ' ').replace(/%/g, ' percent ');
  // Possessives: "Kent's deficit" names Kent.
  let text = canonical(withoutYears.replace(/(\w)['’]s\b/g, '$1'));
  text = text
    .split(' ')
    .map((t) => corrected(t, isName))
    .join(' ');
  for (const [pattern, replacement] of REWRITES) text = text.replace(pattern, replacement);
  text = text.replace(/\s+/g, ' ').trim();
  return { text, tokens: text === '' ? [] : text.split(' '), years };
}
