// Run by `npm run build` after tsc: validates data/ from its sources once and writes dist/data-snapshot.json.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { DataError } from './data-error.ts';
import { DEFAULT_DATA_DIR } from './data-files.ts';
import { loadDatasetInput } from './load.ts';
import { hashDataFiles, loadSnapshot, serialiseSnapshot, SNAPSHOT_PATH } from './snapshot.ts';

try {
  const sources = hashDataFiles(DEFAULT_DATA_DIR);
  const input = loadDatasetInput(DEFAULT_DATA_DIR);
  mkdirSync(dirname(SNAPSHOT_PATH), { recursive: true });
  writeFileSync(SNAPSHOT_PATH, serialiseSnapshot(input, sources));
  // Read back at once, so a snapshot that would not load never ships.
  const loaded = loadSnapshot(DEFAULT_DATA_DIR);
  process.stdout.write(`data snapshot: ${loaded.systems.length} systems → ${SNAPSHOT_PATH}\n`);
} catch (error) {
  if (!(error instanceof DataError)) throw error;
  process.stderr.write(`Data snapshot not written: ${error.message}\n`);
  process.exit(78);
}
