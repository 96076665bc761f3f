import { z } from 'zod';
import { parseOrThrow } from './data-error.ts';
import { dataDir } from './data-files.ts';
import { readJson } from './read-json.ts';

/** [normalised key, name, index into `where`, index into `labels`, population (null = added by hand)] */
export type PlaceRow = [key: string, name: string, where: number, label: number, population: number | null];

function isPlaceRow(value: unknown, whereCount: number, labelCount: number): value is PlaceRow {
  if (!Array.isArray(value) || value.length !== 5) return false;
  const [key, name, where, label, population] = value as unknown[];
  return (
    typeof key === 'string' &&
    key !== '' &&
    typeof name === 'string' &&
    name !== '' &&
    Number.isInteger(where) && (where as number) >= 0 && (where as number) < whereCount &&
    Number.isInteger(label) && (label as number) >= 0 && (label as number) < labelCount &&
    (population === null || (typeof population === 'number' && population >= 0))
  );
}

export type Shares = Array<[systemId: string, share: number]>;

function isShares(value: unknown): value is Shares {
  return (
    Array.isArray(value) &&
    value.length > 0 &&
    value.every((pair) => Array.isArray(pair) && pair.length === 2 && typeof pair[0] === 'string' && typeof pair[1] === 'number' && pair[1] > 0 && pair[1] <= 1)
  );
}

/** Thousands of entries are checked at every start-up: one guard per table, not a zod schema per entry, keeps it fast. */
const sharesTable = z.custom<Record<string, Shares>>(
  (value) => typeof value === 'object' && value !== null && !Array.isArray(value) && Object.values(value).every(isShares),
  'expected { name: [[system id, share 0–1], …] }',
);

/** data/places.json, built by `npm run data:places` (scripts/build-places.ts); its provenance names the sources. */
export const placesFileSchema = z.object({
  provenance: z.object({ sources: z.array(z.object({ file: z.string(), what: z.string(), licence: z.string() })) }).loose(),
  /** Postcode district ("EX4") → systems of the GP practices there, by share of registered patients. */
  districts: sharesTable,
  /** Postcode sector ("BS32 4") → the same, only inside districts split between systems. */
  sectors: sharesTable,
  /** Local authority district → systems of its practices. */
  authorities: sharesTable,
  /** Local authority district → patients registered at its practices (how big a namesake it is). */
  authorityPatients: z.record(z.string(), z.number().nonnegative()),
  /** System ids and "wales" | "scotland" | "northern-ireland", which place rows point into. */
  where: z.array(z.string().min(1)),
  /** Authorities and nations, which place rows point into. */
  labels: z.array(z.string().min(1)),
  /** Sorted by key. */
  places: z.custom<unknown[]>((value) => Array.isArray(value), 'expected an array of place rows'),
}).transform((file, ctx) => {
  const rows = file.places;
  const bad = rows.findIndex((row) => !isPlaceRow(row, file.where.length, file.labels.length));
  if (bad >= 0) ctx.addIssue({ code: 'custom', path: ['places', bad], message: 'expected [key, name, where index, label index, population or null]' });
  return { ...file, places: rows as PlaceRow[] };
});
export type PlacesFile = z.infer<typeof placesFileSchema>;

/** Validates data/places.json (the build, data:check and the source path of a start run this; see places.ts). */
export function loadPlaces(dir: string = dataDir()): PlacesFile {
  return parseOrThrow(placesFileSchema, readJson(dir, 'places.json'), 'data/places.json');
}

