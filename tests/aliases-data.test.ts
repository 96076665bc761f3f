import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { aliasesFileSchema, type AliasesFile } from '../src/data/survey-schema.ts';
import { SYSTEM_IDS } from './support/system-ids.ts';

// The 42 system ids fixed for the whole project (briefs/ids.md), written out so a renamed or dropped id fails here.

type Field = keyof AliasesFile[string];
const FIELDS: readonly Field[] = ['abbreviations', 'brands', 'places', 'otherNames'];

const raw: unknown = JSON.parse(readFileSync(new URL('../data/aliases.json', import.meta.url), 'utf8'));
const aliases: AliasesFile = aliasesFileSchema.parse(raw);

// The matcher compares case-insensitively, so "Hull" and "hull" count as the same alias.
const key = (alias: string): string => alias.trim().replace(/\s+/g, ' ').toLowerCase();

/** Ids of the systems listing `alias` in `field`, sorted, so a test states the whole answer. */
function systemsWith(alias: string, field: Field = 'places'): string[] {
  return Object.entries(aliases)
    .filter(([, entry]) => entry[field].some((candidate) => key(candidate) === key(alias)))
    .map(([id]) => id)
    .sort();
}

describe('data/aliases.json: shape', () => {
  it('has exactly the 42 system ids', () => {
    expect(Object.keys(aliases).sort()).toEqual([...SYSTEM_IDS].sort());
  });

  // The schema rejects blank aliases and silently trims padded ones; equal raw and parsed data means none was padded.
  it('has no blank or padded alias', () => {
    expect(raw).toEqual(aliases);
  });

  it('repeats no alias within a system, across all four lists', () => {
    for (const [id, entry] of Object.entries(aliases)) {
      const all = FIELDS.flatMap((field) => entry[field].map(key));
      const repeated = all.filter((alias, index) => all.indexOf(alias) !== index);
      expect(repeated, id).toEqual([]);
    }
  });

  it('gives each abbreviation and brand to one system only (a shared one would be a copying slip)', () => {
    for (const field of ['abbreviations', 'brands'] as const) {
      for (const entry of Object.values(aliases)) {
        for (const alias of entry[field]) {
          expect(systemsWith(alias, field), `${field}: ${alias}`).toHaveLength(1);
        }
      }
    }
  });
});

describe('data/aliases.json: places (July 2022 ICB areas)', () => {
  it.each([
    ['Slough', ['frimley']],
    ['Bracknell Forest', ['frimley']],
    ['Windsor and Maidenhead', ['frimley']],
    ['Rushmoor', ['frimley']],
    ['Farnham', ['frimley']],
    ['Reading', ['buckinghamshire-oxfordshire-and-berkshire-west']],
    ['West Berkshire', ['buckinghamshire-oxfordshire-and-berkshire-west']],
    ['Wokingham', ['buckinghamshire-oxfordshire-and-berkshire-west']],
    ['Oxford', ['buckinghamshire-oxfordshire-and-berkshire-west']],
    ['Croydon', ['south-west-london']],
    ['Stoke-on-Trent', ['staffordshire-and-stoke-on-trent']],
    ['Stoke', ['staffordshire-and-stoke-on-trent']],
    ['Hull', ['humber-and-north-yorkshire']],
    ['Plymouth', ['devon']],
    ['Milton Keynes', ['bedfordshire-luton-and-milton-keynes']],
    ['Leeds', ['west-yorkshire-and-harrogate']],
    ['Craven', ['west-yorkshire-and-harrogate']],
    ['Brighton', ['sussex']],
    ['Birmingham', ['birmingham-and-solihull']],
    ['Sandwell', ['black-country']],
    ['Glossop', ['derbyshire']],
    ['Royston', ['cambridgeshire-and-peterborough']],
    ['Lowestoft', ['norfolk-and-waveney']],
    ['Ipswich', ['suffolk-and-north-east-essex']],
    ['Colchester', ['suffolk-and-north-east-essex']],
    ['Harlow', ['hertfordshire-and-west-essex']],
    ['Southend-on-Sea', ['mid-and-south-essex']],
    ['Thurrock', ['mid-and-south-essex']],
    ['Isle of Wight', ['hampshire-and-isle-of-wight']],
    ['Isles of Scilly', ['cornwall-and-isles-of-scilly']],
    ['Bournemouth', ['dorset']],
    ['Swindon', ['bath-swindon-and-wiltshire']],
    ['Middlesbrough', ['north-east-and-north-cumbria']],
    ['Carlisle', ['north-east-and-north-cumbria']],
    ['Barrow-in-Furness', ['lancashire-and-south-cumbria']],
    ['Stockport', ['greater-manchester']],
    ['Wirral', ['cheshire-and-merseyside']],
  ])('%s is in %j only', (place, expected) => {
    expect(systemsWith(place)).toEqual(expected);
  });

  // A county or district split between systems is listed under every one, so the matcher can call it ambiguous.
  it.each([
    ['Cumbria', ['lancashire-and-south-cumbria', 'north-east-and-north-cumbria']],
    ['Essex', ['hertfordshire-and-west-essex', 'mid-and-south-essex', 'suffolk-and-north-east-essex']],
    ['Suffolk', ['norfolk-and-waveney', 'suffolk-and-north-east-essex']],
    ['East Suffolk', ['norfolk-and-waveney', 'suffolk-and-north-east-essex']],
    ['Berkshire', ['buckinghamshire-oxfordshire-and-berkshire-west', 'frimley']],
    ['Surrey', ['frimley', 'surrey-heartlands']],
    ['Hampshire', ['frimley', 'hampshire-and-isle-of-wight']],
    ['Hart', ['frimley', 'hampshire-and-isle-of-wight']],
    ['Waverley', ['frimley', 'surrey-heartlands']],
    ['North Yorkshire', ['humber-and-north-yorkshire', 'west-yorkshire-and-harrogate']],
    // The survey's rows predate the July 2022 moves of Harrogate and Bassetlaw, so both systems claim them.
    ['Harrogate', ['humber-and-north-yorkshire', 'west-yorkshire-and-harrogate']],
    ['Bassetlaw', ['nottingham-and-nottinghamshire', 'south-yorkshire-and-bassetlaw']],
  ])('%s is split across %j', (place, expected) => {
    expect(systemsWith(place)).toEqual(expected);
  });

  it('puts each London borough and the City of London in exactly its own London system', () => {
    const boroughs: Record<string, readonly string[]> = {
      'north-central-london': ['Barnet', 'Camden', 'Enfield', 'Haringey', 'Islington'],
      'north-east-london': ['Barking and Dagenham', 'City of London', 'Hackney', 'Havering', 'Newham', 'Redbridge', 'Tower Hamlets', 'Waltham Forest'],
      'north-west-london': ['Brent', 'Ealing', 'Hammersmith and Fulham', 'Harrow', 'Hillingdon', 'Hounslow', 'Kensington and Chelsea', 'Westminster'],
      'south-east-london': ['Bexley', 'Bromley', 'Greenwich', 'Lambeth', 'Lewisham', 'Southwark'],
      'south-west-london': ['Croydon', 'Kingston upon Thames', 'Merton', 'Richmond upon Thames', 'Sutton', 'Wandsworth'],
    };
    expect(Object.values(boroughs).flat()).toHaveLength(33);
    for (const [id, names] of Object.entries(boroughs)) {
      for (const name of names) expect(systemsWith(name), name).toEqual([id]);
    }
  });

  it('lists "London" under the five London systems and nowhere else', () => {
    expect(systemsWith('London')).toEqual(['north-central-london', 'north-east-london', 'north-west-london', 'south-east-london', 'south-west-london']);
  });
});

describe('data/aliases.json: abbreviations, brands and other names', () => {
  it.each([
    ['BOB', 'abbreviations', 'buckinghamshire-oxfordshire-and-berkshire-west'],
    ['BNSSG', 'abbreviations', 'bristol-north-somerset-and-south-gloucestershire'],
    ['SNEE', 'abbreviations', 'suffolk-and-north-east-essex'],
    ['HIOW', 'abbreviations', 'hampshire-and-isle-of-wight'],
    ['NEL', 'abbreviations', 'north-east-london'],
    ["Together We're Better", 'brands', 'staffordshire-and-stoke-on-trent'],
    ['One Gloucestershire', 'brands', 'gloucestershire'],
    ['Joined Up Care Derbyshire', 'brands', 'derbyshire'],
    ['Live Healthy Live Happy', 'brands', 'birmingham-and-solihull'],
    ['Humber Coast and Vale', 'otherNames', 'humber-and-north-yorkshire'],
    ['Notts', 'otherNames', 'nottingham-and-nottinghamshire'],
  ] as const)('%s is a %s alias of %s only', (alias, field, id) => {
    expect(systemsWith(alias, field)).toEqual([id]);
  });

  it("gives a split county's short form to every system its long form is under", () => {
    for (const [short, long] of [
      ['Herts', 'Hertfordshire'],
      ['Hants', 'Hampshire'],
      ['Berks', 'Berkshire'],
      ['North Yorks', 'North Yorkshire'],
    ] as const) {
      expect(systemsWith(short, 'otherNames'), short).toEqual(systemsWith(long));
    }
  });
});
