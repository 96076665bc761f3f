import { z } from 'zod';
import { parseOrThrow } from './data-error.ts';
import { dataDir, readJson } from './load.ts';

const shares = z.array(z.tuple([z.string(), z.number().min(0).max(1)])).min(1);

/** data/places.json, built by `npm run data:places` (scripts/build-places.ts); its provenance names the sources. */
export const placesFileSchema = z.object({
  provenance: z.object({ sources: z.array(z.object({ file: z.string(), what: z.string(), licence: z.string() })) }).loose(),
  /** Postcode district ("EX4") → systems of the GP practices there, by share of registered patients. */
  districts: z.record(z.string(), shares),
  /** Postcode sector ("BS32 4") → the same, only inside districts split between systems. */
  sectors: z.record(z.string(), shares),
  /** Local authority district → systems of its practices. */
  authorities: z.record(z.string(), shares),
  /** Local authority district → patients registered at its practices (how big a namesake it is). */
  authorityPatients: z.record(z.string(), z.number().nonnegative()),
  /** [name, system id or "wales" | "scotland" | "northern-ireland", authority or country, population (null = added by hand)] */
  places: z.array(z.tuple([z.string().min(1), z.string().min(1), z.string().min(1), z.number().nullable()])),
});
export type PlacesFile = z.infer<typeof placesFileSchema>;

export function loadPlaces(dir: string = dataDir()): PlacesFile {
  return parseOrThrow(placesFileSchema, readJson(dir, 'places.json'), 'data/places.json');
}

let cached: PlacesFile | undefined;
/** Read once per process, like the dataset. */
export function getPlaces(): PlacesFile {
  cached ??= loadPlaces();
  return cached;
}
