import { dataDir } from './data-files.ts';
import type { PlacesFile } from './places-schema.ts';
import { readJson } from './read-json.ts';

export type { PlacesFile };

let cached: PlacesFile | undefined;

/**
 * The gazetteer, read once per process when a look-up first needs it. It is validated where the rest of data/ is (the
 * build, data:check, and the source path of a start, by places-schema.ts), and the build's snapshot refuses to start
 * with a places.json changed since, so a running bot need not load the schema library to read it.
 */
export function getPlaces(): PlacesFile {
  cached ??= readJson(dataDir(), 'places.json') as PlacesFile;
  return cached;
}
