import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../project-root.ts';
import { buildChangesModel, type ChangesModel } from './changes.ts';
import type { ChangesFile } from './changes-schema.ts';
import { DATA_FILES } from './data-files.ts';
import { DataError } from './data-error.ts';
import type { Funding } from './funding.ts';
import { buildDataset, type Dataset, type DatasetInput } from './model.ts';

/**
 * The build validates data/ once (zod, csv-parse) and stores the validated input here; a started bot reads this one
 * JSON file instead, so it loads neither library and parses no CSV. Derived figures are recomputed from it by the same
 * buildDataset the sources path uses (a few milliseconds), so there is one place that derives them.
 */
export const SNAPSHOT_PATH = join(PROJECT_ROOT, 'dist', 'data-snapshot.json');
const SNAPSHOT_VERSION = 1;
const REBUILD = 'Run `npm run build` to rebuild it (npm start does this by itself).';

interface Snapshot {
  version: number;
  /** sha256 of each file in DATA_FILES, so a snapshot never outlives the data it was made from. */
  sources: Record<string, string>;
  input: Omit<DatasetInput, 'changes' | 'funding'> & {
    changes: ChangesFile;
    funding: Omit<DatasetInput['funding'], 'bySystem'> & { bySystem: [string, Funding][] };
  };
}

export function hashDataFiles(dir: string): Record<string, string> {
  return Object.fromEntries(
    DATA_FILES.map((file) => {
      let bytes: Buffer;
      try {
        bytes = readFileSync(join(dir, file));
      } catch {
        throw new DataError(`data/${file} could not be read at ${join(dir, file)}. Restore it from git (git checkout -- data/${file}).`);
      }
      return [file, createHash('sha256').update(bytes).digest('hex')];
    }),
  );
}

/** The snapshot text for an already validated input (src/data/build-snapshot.ts writes it). */
export function serialiseSnapshot(input: DatasetInput, sources: Record<string, string>): string {
  const snapshot: Snapshot = {
    version: SNAPSHOT_VERSION,
    sources,
    input: { ...input, changes: input.changes.file, funding: { ...input.funding, bySystem: [...input.funding.bySystem] } },
  };
  return JSON.stringify(snapshot);
}

function staleFiles(snapshot: Snapshot, current: Record<string, string>): string[] {
  return DATA_FILES.filter((file) => snapshot.sources[file] !== current[file]).map((file) => `data/${file}`);
}

/** The dataset from the snapshot, refused with the fix named when it is missing, from another version, or stale. */
export function loadSnapshot(dataDir: string, path: string = SNAPSHOT_PATH): Dataset {
  let snapshot: Snapshot;
  try {
    snapshot = JSON.parse(readFileSync(path, 'utf8')) as Snapshot;
  } catch {
    throw new DataError(`the data snapshot ${path} is missing or unreadable. ${REBUILD}`);
  }
  if (snapshot.version !== SNAPSHOT_VERSION) throw new DataError(`the data snapshot ${path} is from another version of the bot. ${REBUILD}`);
  const stale = staleFiles(snapshot, hashDataFiles(dataDir));
  if (stale.length > 0) throw new DataError(`the data snapshot ${path} was built before ${stale.join(', ')} changed. ${REBUILD}`);
  const { input } = snapshot;
  const systemIds = new Set(input.survey.systems.map((s) => s.id));
  const changes: ChangesModel = buildChangesModel(input.changes, systemIds);
  return buildDataset({ ...input, changes, funding: { ...input.funding, bySystem: new Map(input.funding.bySystem) } });
}
