/**
 * One canonical form for names and queries, so "NHS Kent & Medway ICB", "kent and medway" and "Kent-and-Medway" meet.
 * Noise phrases are the organisational wrappers people add or drop at will; longest first so a phrase is removed whole.
 */
const NOISE_PHRASES = [
  'integrated care board',
  'integrated care system',
  'integrated care partnership',
  'health and social care partnership',
  'health and care partnership',
  'partners in health and care',
  'health and care',
  'clinical commissioning group',
  'sustainability and transformation partnership',
  'nhs',
  'icb',
  'ics',
  'icp',
  'ccg',
  'stp',
  'the',
  'system',
  'area',
  'region',
];

const noisePattern = new RegExp(`\\b(?:${NOISE_PHRASES.map((p) => p.replace(/ /g, '\\s+')).join('|')})\\b`, 'g');

/** Lowercase, no accents, "&" as "and", apostrophes dropped, other punctuation as spaces, single spaces. */
export function canonical(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/['’‘`´]/g, '')
    .replace(/\+/g, ' and ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .replace(/\s+/g, ' ');
}

/** canonical() without the organisational noise words; empty when the text was only noise. */
export function normalise(text: string): string {
  const base = canonical(text);
  const stripped = base.replace(noisePattern, ' ').replace(/\s+/g, ' ').trim();
  return stripped.replace(/^and /, '').replace(/ and$/, '');
}

/** True when the query is nothing but noise ("NHS ICB"), i.e. names no system at all. */
export function isOnlyNoise(text: string): boolean {
  return canonical(text) !== '' && normalise(text) === '';
}
