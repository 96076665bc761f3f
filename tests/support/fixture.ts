import { readFileSync } from 'node:fs';
import type { Resolution } from '../../src/search/resolve.ts';

export interface FixtureQuery {
  q: string;
  expect: string | string[] | null;
  kind: string;
}

export const QUERIES = JSON.parse(readFileSync(new URL('../fixtures/queries.json', import.meta.url), 'utf8')) as FixtureQuery[];

/** Whether a resolution answers a fixture query correctly: the right card, the right candidates, or nothing confident. */
export function isCorrect(query: FixtureQuery, result: Resolution): boolean {
  if (query.expect === null) return result.kind !== 'match';
  if (Array.isArray(query.expect)) {
    if (result.kind !== 'ambiguous') return false;
    const got = new Set(result.candidates.map((s) => s.id));
    return query.expect.every((id) => got.has(id)) && got.size <= query.expect.length + 2;
  }
  return result.kind === 'match' && result.system.id === query.expect;
}
