/**
 * One canonical form for names and queries, so "NHS Kent & Medway ICB", "kent and medway" and "Kent-and-Medway" meet.
 * Noise phrases are the organisational wrappers people add or drop at will; longest first so a phrase is removed whole.
 */
export const NOISE_PHRASES = [
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

/** Discord mention and custom-emoji syntax never names a place: drop it before anything else. */
const MENTIONS = /<(?:@[!&]?|#)\d+>|<a?:\w+:\d+>|@(?:everyone|here)\b/g;

/** Short forms people type for counties and compass points; expanded so "s yorks" meets "South Yorkshire". */
const SHORT_FORMS: Readonly<Record<string, string>> = {
  yorks: 'yorkshire',
  lancs: 'lancashire',
  notts: 'nottinghamshire',
  staffs: 'staffordshire',
  leics: 'leicestershire',
  lincs: 'lincolnshire',
  northants: 'northamptonshire',
  glos: 'gloucestershire',
  gloucs: 'gloucestershire',
  wilts: 'wiltshire',
  beds: 'bedfordshire',
  cambs: 'cambridgeshire',
  herts: 'hertfordshire',
  bucks: 'buckinghamshire',
  oxon: 'oxfordshire',
  hants: 'hampshire',
  berks: 'berkshire',
  worcs: 'worcestershire',
  warks: 'warwickshire',
  derbys: 'derbyshire',
  shrops: 'shropshire',
  mids: 'midlands',
};

/** Compass abbreviations, expanded only before another word ("sw london"), never alone ("SW" may be a region). */
const COMPASS: Readonly<Record<string, string>> = {
  n: 'north',
  s: 'south',
  e: 'east',
  w: 'west',
  ne: 'north east',
  nw: 'north west',
  se: 'south east',
  sw: 'south west',
};

function expandShortForms(text: string): string {
  const tokens = text.split(' ');
  return tokens.map((t, i) => SHORT_FORMS[t] ?? (i < tokens.length - 1 ? COMPASS[t] : undefined) ?? t).join(' ');
}

/** Lowercase, no accents, "&" as "and", apostrophes dropped, other punctuation as spaces, single spaces. */
export function canonical(text: string): string {
  return text
    .replace(MENTIONS, ' ')
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
  const base = expandShortForms(canonical(text));
  const stripped = base.replace(noisePattern, ' ').replace(/\s+/g, ' ').trim();
  return stripped.replace(/^and /, '').replace(/ and$/, '');
}

/** Drops a half-typed organisational tail ("… integrated care boa", "… health and so") so the name before it can match. */
export function withoutPartialNoiseTail(normalised: string): string {
  const words = normalised.split(' ');
  for (let k = Math.min(5, words.length - 1); k >= 1; k--) {
    const tail = words.slice(-k).join(' ');
    if (NOISE_PHRASES.some((phrase) => phrase.length > tail.length && phrase.startsWith(tail))) return words.slice(0, -k).join(' ');
  }
  return normalised;
}
