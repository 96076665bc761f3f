import { isMetricId, type MetricId } from '../data/metrics.ts';
import type { Dataset } from '../data/model.ts';
import type { Resolver } from '../search/resolve.ts';
import { isRegionRankMetric } from '../views/region-rank-view.ts';
import { normaliseQuestion } from './normalise-question.ts';
import { findPlaces, type Place } from './places.ts';
import { MAX_QUESTION_CHARS, type FigureId, type Reading, type RegionAspect } from './reading.ts';
import {
  AVERAGE_WORDS,
  BELOW_TARGET,
  COMPARE_WORDS,
  COUNT_WORDS,
  COVERS_WORDS,
  DOMAIN_WORDS,
  ENGLAND_WORDS,
  FIGURE_PATTERNS,
  GREETINGS,
  HIGHEST_WORDS,
  INSTRUCTIONS,
  JOKES,
  LOWEST_WORDS,
  MEMBER_WORDS,
  NUMBER_WORDS,
  OTHER_COUNTRIES,
  OTHER_SUBJECTS,
  SUPERLATIVE,
  TIMELINE_WORDS,
  TODAY_WORDS,
  TOTAL_WORDS,
} from './vocabulary.ts';

export interface ParseContext {
  data: Dataset;
  resolver: Resolver;
}

const DEFAULT_COUNT = 5;
const FUNDING_YEARS = /^(?:2023\/24|2024\/25|2025\/26|2023|2024|2025)$/;

function figureOf(text: string, years: readonly string[]): FigureId | null {
  const pattern = FIGURE_PATTERNS.find(([p]) => p.test(text))?.[1] ?? null;
  // "Best funded" compares money for the people served: the survey's allocation per head, unless a later year is named.
  const found =
    pattern === 'allocation' && /\b(?:best|worst|poorest|least|most|better|worse|well|badly|generously) funded\b/.test(text) ? 'spend-per-head' : pattern;
  const fundingYear = years.some((y) => FUNDING_YEARS.test(y)) || /\bcore\b/.test(text);
  if (fundingYear && (found === 'spend-per-head' || (found === 'allocation' && /\b(?:per head|per capita|per person|a head)\b/.test(text))))
    return 'core-per-head-2024-25';
  if (found === 'core-allocation' && /\b(?:per head|per capita|per person|a head)\b/.test(text)) return 'core-per-head-2024-25';
  if (fundingYear && found === 'allocation') return 'core-allocation';
  return found;
}

/** A metric a ranking can use: the facts that are not numbers fall back to their nearest ranked figure. */
function rankMetric(figure: FigureId | null, text = ''): MetricId {
  if (figure === null) return /\b(?:biggest|largest|smallest|tiniest|size)\b/.test(text) ? 'population' : 'deficit';
  if (isMetricId(figure)) return figure;
  if (figure === 'core-allocation') return 'core-per-head-2024-25';
  if (figure === 'gp-per-head') return 'core-per-head-2024-25';
  return 'deficit';
}

function orderOf(text: string, metric: MetricId): 'highest' | 'lowest' {
  if (metric === 'distance-from-target-2024-25') {
    if (BELOW_TARGET.test(text)) return 'lowest';
    if (/\b(?:above|over ?funded|overfunded|most funded)\b/.test(text)) return 'highest';
  }
  if (/\b(?:best funded|best off|richest|most generous|furthest above)\b/.test(text)) return 'highest';
  if (/\b(?:worst funded|poorest funded|furthest below|least funded)\b/.test(text)) return 'lowest';
  if (metric.startsWith('deficit') && /\bbest\b/.test(text)) return 'lowest';
  const low = LOWEST_WORDS.exec(text);
  const high = HIGHEST_WORDS.exec(text);
  if (low !== null && (high === null || low.index <= high.index)) return 'lowest';
  return 'highest';
}

function countOf(tokens: readonly string[]): number | null {
  for (const token of tokens) {
    const n = /^\d{1,2}$/.test(token) ? Number(token) : NUMBER_WORDS[token];
    if (n !== undefined && n >= 1 && n <= 42) return n;
  }
  return null;
}

function outOfScope(raw: string, text: string): Extract<Reading, { intent: 'out-of-scope' }> | null {
  if (raw.trim() === '' || text === '') return { intent: 'out-of-scope', reason: raw.trim() === '' ? 'empty' : 'greeting' };
  if (raw.length > MAX_QUESTION_CHARS) return { intent: 'out-of-scope', reason: 'too-long' };
  if (INSTRUCTIONS.test(text)) return { intent: 'out-of-scope', reason: 'instruction' };
  if (OTHER_COUNTRIES.test(text)) return { intent: 'out-of-scope', reason: 'other-country' };
  if (GREETINGS.test(text)) return { intent: 'out-of-scope', reason: 'greeting' };
  if (JOKES.test(text)) return { intent: 'out-of-scope', reason: 'joke' };
  if (OTHER_SUBJECTS.test(text)) return { intent: 'out-of-scope', reason: 'other-subject' };
  if (/^(?:what|who) (?:is|are) (?:an? )?(?:ics|icb|icss|icbs|integrated care (?:system|board)s?)$/.test(text))
    return { intent: 'out-of-scope', reason: 'about' };
  return null;
}

/** Drops greetings and politeness around a question so "hi bot, what's Kent's deficit please?" reads as the question. */
function withoutFiller(text: string): string {
  return text
    .replace(/^(?:(?:hi|hello|hey|hiya|yo|ok|okay|so|um|erm|right|quick question|question|bot|mate|there|please|pls|plz)\s+)+/, '')
    .replace(/(?:\s+(?:please|pls|plz|thanks|thank you|cheers|ta|mate|bot|then))+$/, '')
    .trim();
}

function regionAspect(text: string, figure: FigureId | null): RegionAspect {
  if (COUNT_WORDS.test(text) && figure === 'population') return 'total';
  if (COUNT_WORDS.test(text)) return 'count';
  if (MEMBER_WORDS.test(text)) return 'members';
  if (AVERAGE_WORDS.test(text)) return 'average';
  if (TOTAL_WORDS.test(text) || (figure !== null && figure !== 'region')) return figure === 'spend-per-head' ? 'average' : 'total';
  return 'overview';
}

function unclear(typed: string, places: readonly Place[], figure: FigureId | null): Reading {
  const metric = rankMetric(figure);
  const options: Reading[] = [];
  for (const place of places) {
    if (place.kind === 'ambiguous') options.push(...place.candidates.map((system): Reading => ({ intent: 'figure', figure: figure ?? 'overview', system })));
    if (place.kind === 'ambiguous') options.push(...place.successors.map((successor): Reading => ({ intent: 'successor', successor })));
    if (place.kind === 'unknown') options.push(...place.suggestions.map((system): Reading => ({ intent: 'figure', figure: figure ?? 'overview', system })));
  }
  if (options.length === 0) {
    options.push({ intent: 'rank', metric, order: 'highest', count: DEFAULT_COUNT, region: null }, { intent: 'england', topic: 'totals' });
  }
  return { intent: 'unclear', options: options.slice(0, 10), typed };
}

/** Reads one question: normalise, find the intent and its slots, or say it is out of scope or unclear. */
export function parseQuestion(raw: string, ctx: ParseContext): Reading {
  const isName = (token: string) => ctx.resolver.index.exact.has(token);
  const { text: normalised, tokens: allTokens, years } = normaliseQuestion(raw.slice(0, MAX_QUESTION_CHARS * 2), isName);
  const oos = outOfScope(raw, normalised);
  const text = withoutFiller(normalised);
  if (oos !== null) return oos;
  if (text === '') return { intent: 'out-of-scope', reason: 'greeting' };
  const tokens = text.split(' ');
  const figure = figureOf(text, years);
  const places = findPlaces(tokens, ctx.resolver, { fuzzy: figure !== null || DOMAIN_WORDS.test(text) || tokens.length <= 3 });
  const systems = places.filter((p) => p.kind === 'system').map((p) => p.system);
  const successors = places.filter((p) => p.kind === 'successor').map((p) => p.successor);
  const regions = places.filter((p) => p.kind === 'region').map((p) => p.region);
  // A word the resolver cannot place and has nothing close to is not a name ("asdfghjkl"), unless the question is ours.
  const ours = figure !== null || DOMAIN_WORDS.test(text);
  // A short message that is nearly a name ("brstol") is a name; a sentence of unknown words is another subject.
  const unsure = places.filter((p) => p.kind === 'ambiguous' || (p.kind === 'unknown' && (ours || (tokens.length <= 2 && p.suggestions.length > 0))));
  const today = TODAY_WORDS.test(text) || (COVERS_WORDS.test(text) && /\b(?:which|what) (?:icb|ics|nhs|board)\b/.test(text));
  const superlative = SUPERLATIVE.test(text) || (countOf(allTokens) !== null && /\b(?:top|bottom)\b/.test(text));
  const metric = rankMetric(figure, text);

  const aboutBodies = /\b(?:icbs|icss|systems|ics|icb|boards)\b/.test(text);
  if (COUNT_WORDS.test(text) && aboutBodies && systems.length === 0 && regions.length === 0) {
    // "How many ICSs reported a deficit?" is the national picture; "how many ICBs are there?" is today's map.
    return figure !== null && figure !== 'region' ? { intent: 'england', topic: 'totals' } : { intent: 'icb-count' };
  }
  if (aboutBodies && /\b(?:merged?|abolished|new|created|2026)\b/.test(text) && places.length === 0) return { intent: 'icb-count' };
  const [first] = successors;
  if (first !== undefined && systems.length === 0) return { intent: 'successor', successor: first };
  const [a, b] = systems;
  const [doubt] = unsure;
  if (a !== undefined && b === undefined && doubt?.kind === 'ambiguous' && COMPARE_WORDS.test(text)) {
    // "Kent against Essex": compare with which Essex? Offer each pairing.
    return {
      intent: 'unclear',
      typed: raw.trim(),
      options: doubt.candidates.map((c): Reading => ({ intent: 'compare', metric: figure !== null && isMetricId(figure) ? figure : null, systems: [a, c] })),
    };
  }
  if (doubt?.kind === 'ambiguous' && systems.length === 0 && doubt.successors.length > 0 && /\b(?:icb|icbs|board|formed|2026|now|today)\b/.test(text)) {
    const [successor] = doubt.successors;
    if (successor !== undefined) return { intent: 'successor', successor };
  }
  if (a !== undefined && b !== undefined) {
    const sized = figure === null && /\b(?:bigger|larger|smaller|biggest|largest|smallest)\b/.test(text) ? 'population' : figure;
    return { intent: 'compare', metric: sized !== null && isMetricId(sized) ? sized : null, systems: [a, b] };
  }
  if (a !== undefined) {
    if (today && figure === null) return { intent: 'fate', system: a };
    if (today && figure === 'region') return { intent: 'fate', system: a };
    return { intent: 'figure', figure: figure ?? 'overview', system: a };
  }
  const [region] = regions;
  const aboutRegions = /\bregions?\b/.test(text);
  if (region !== undefined) {
    const aboutSystems = /\b(?:which|what|who) (?:ics|icss|icb|icbs|system|systems|one|area|areas|nhs)\b/.test(text) || /\b(?:top|bottom)\b/.test(text);
    if (superlative && !COUNT_WORDS.test(text) && (aboutSystems || !TOTAL_WORDS.test(text))) {
      return { intent: 'rank', metric, order: orderOf(text, metric), count: countOf(allTokens) ?? DEFAULT_COUNT, region };
    }
    return { intent: 'region', region, aspect: regionAspect(text, figure), metric: figure !== null && isMetricId(figure) ? figure : null };
  }
  // A stray word beside a clear ranking ("most underfunded relative to target") is not a name to ask about.
  const named = superlative && figure !== null ? unsure.filter((p) => p.kind === 'ambiguous') : unsure;
  if (named.length > 0) return unclear(raw.trim(), named, figure);
  if (aboutRegions && (superlative || figure !== null) && isRegionRankMetric(metric)) return { intent: 'region-rank', metric, order: orderOf(text, metric) };
  if (superlative && figure === 'gp-per-head') {
    // GP allocations are not a ranking metric: offer the nearest ranking rather than answer a different figure.
    return {
      intent: 'unclear',
      typed: raw.trim(),
      options: [{ intent: 'rank', metric: 'core-per-head-2024-25', order: orderOf(text, metric), count: DEFAULT_COUNT, region: null }],
    };
  }
  if (superlative && (figure !== null || DOMAIN_WORDS.test(text) || /\b(?:which|who|what)\b/.test(text))) {
    return { intent: 'rank', metric, order: orderOf(text, metric), count: countOf(allTokens) ?? DEFAULT_COUNT, region: null };
  }
  if (TIMELINE_WORDS.test(text) && (DOMAIN_WORDS.test(text) || ENGLAND_WORDS.test(text))) return { intent: 'england', topic: 'timeline' };
  if (ENGLAND_WORDS.test(text) && (figure !== null || DOMAIN_WORDS.test(text))) return { intent: 'england', topic: 'totals' };
  if (figure !== null || DOMAIN_WORDS.test(text)) return unclear(raw.trim(), [], figure);
  return { intent: 'out-of-scope', reason: 'other-subject' };
}
