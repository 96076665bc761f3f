import { join } from 'node:path';
import { PROJECT_ROOT } from '../project-root.ts';

export const DEFAULT_DATA_DIR = join(PROJECT_ROOT, 'data');

/** The allocations table, as copied from its source (data/sources/README.md). */
export const FUNDING_CSV = 'sources/nhse-icb-allocations-2023-24-to-2024-25.csv';

/** Every file under data/ the dataset is built from: the snapshot's hash covers exactly these. */
export const DATA_FILES = [
  'survey.json',
  'aliases.json',
  'context.json',
  'changes.json',
  'statements.json',
  'funding-source.json',
  FUNDING_CSV,
  // Read at start without the schema library: validated by the build, so a change since must refuse the snapshot.
  'places.json',
  'source-years.json',
] as const;

/** ICS_DATA_DIR points the bot at another copy of data/ (a staging dataset, or a corrupt copy in tests). */
export function dataDir(): string {
  const override = process.env['ICS_DATA_DIR'];
  return override !== undefined && override.trim() !== '' ? override : DEFAULT_DATA_DIR;
}

/** True when ICS_DATA_DIR names another data folder: then only the sources can say what it holds. */
export function dataDirOverridden(): boolean {
  return dataDir() !== DEFAULT_DATA_DIR;
}
