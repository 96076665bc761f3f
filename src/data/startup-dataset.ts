import { RUNNING_BUILT } from '../project-root.ts';
import { dataDir, dataDirOverridden } from './data-files.ts';
import type { Dataset } from './model.ts';
import { loadSnapshot } from './snapshot.ts';

let cached: Promise<Dataset> | undefined;

/**
 * The dataset a starting process uses. The build (dist/) reads the snapshot the build validated; tsx, the tests and an
 * ICS_DATA_DIR override validate the sources, loading zod and csv-parse only then.
 */
export function startupDataset(): Promise<Dataset> {
  cached ??= RUNNING_BUILT && !dataDirOverridden()
    ? Promise.resolve().then(() => loadSnapshot(dataDir()))
    : import('./load.ts').then((load) => load.getDataset());
  return cached;
}
