/**
 * Words people wrap around a name when talking to a bot ("devon ics please", "hi bot, birmingham"). None of them is
 * part of any system's or place's name: tests/places-names.test.ts checks that against every name we know, as words
 * such as "on" or "in" are ("Stoke-on-Trent", "Henley-in-Arden") and so are not here.
 */
const CHATTER = new Set([
  'please',
  'pls',
  'plz',
  'plse',
  'thanks',
  'thx',
  'ty',
  'cheers',
  'hi',
  'hello',
  'hey',
  'hiya',
  'yo',
  'bot',
  'ok',
  'okay',
  'show',
  'tell',
  'give',
  'me',
  'us',
  'info',
  'about',
  'lookup',
  'what',
  'whats',
  'figures',
  'stats',
  'card',
  'can',
  'you',
  'i',
  'want',
  'need',
]);

/** Placeholders and filler that some clients or users send as a value; never a system's name. */
const NOT_NAMES = new Set([
  'null',
  'none',
  'undefined',
  'nan',
  'nil',
  'n a',
  'na',
  'nothing',
  'unknown',
  'test',
  'testing',
  'asdf',
  'blank',
  'empty',
  'true',
  'false',
  'yes',
  'no',
  'idk',
  'dunno',
  'any',
  'anything',
  'all',
  'everything',
  'something',
  'x',
  'xx',
  'xxx',
  'tbc',
  'tbd',
]);

/** The normalised query without chatter words; empty when it was nothing but chatter. */
export function withoutChatter(normalised: string): string {
  return normalised
    .split(' ')
    .filter((word) => !CHATTER.has(word))
    .join(' ');
}

export function isNotAName(normalised: string): boolean {
  return NOT_NAMES.has(normalised);
}

export const CHATTER_WORDS: ReadonlySet<string> = CHATTER;
