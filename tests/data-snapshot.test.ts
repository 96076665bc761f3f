import { appendFileSync, cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DataError } from '../src/data/data-error.ts';
import { DEFAULT_DATA_DIR, loadDataset, loadDatasetInput } from '../src/data/load.ts';
import { hashDataFiles, loadSnapshot, serialiseSnapshot } from '../src/data/snapshot.ts';

/** A copy of data/ and a snapshot of it, as the build writes them. */
function builtCopy(): { dir: string; path: string } {
  const dir = mkdtempSync(join(tmpdir(), 'ics-snapshot-'));
  cpSync(DEFAULT_DATA_DIR, join(dir, 'data'), { recursive: true });
  const path = join(dir, 'data-snapshot.json');
  writeFileSync(path, serialiseSnapshot(loadDatasetInput(join(dir, 'data')), hashDataFiles(join(dir, 'data'))));
  return { dir: join(dir, 'data'), path };
}

describe('data snapshot', () => {
  const fromSources = loadDataset();
  const { dir, path } = builtCopy();
  const fromSnapshot = loadSnapshot(dir, path);

  it('gives the same systems, regions, totals and funding as validating the sources', () => {
    expect(fromSnapshot.systems).toEqual(fromSources.systems);
    expect(fromSnapshot.regions).toEqual(fromSources.regions);
    expect(fromSnapshot.totals).toEqual(fromSources.totals);
    expect([...fromSnapshot.funding.bySystem]).toEqual([...fromSources.funding.bySystem]);
    expect(fromSnapshot.funding.england).toEqual(fromSources.funding.england);
    expect(fromSnapshot.sources).toEqual(fromSources.sources);
  });

  it('rebuilds the successor model, so what a 2022 system became reads the same', () => {
    for (const system of fromSources.systems) {
      expect(fromSnapshot.changes.fateOf(system.id)).toEqual(fromSources.changes.fateOf(system.id));
    }
    expect(fromSnapshot.changes.currentIcbCount()).toBe(fromSources.changes.currentIcbCount());
  });

  it('is refused once a source file changes, naming the file and the fix', () => {
    const stale = builtCopy();
    appendFileSync(join(stale.dir, 'aliases.json'), '\n');
    expect(() => loadSnapshot(stale.dir, stale.path)).toThrow(DataError);
    expect(() => loadSnapshot(stale.dir, stale.path)).toThrow(/data\/aliases\.json changed\. Run `npm run build`/);
  });

  it('is refused when missing, naming the fix', () => {
    expect(() => loadSnapshot(dir, join(dir, 'no-such-snapshot.json'))).toThrow(/missing or unreadable\. Run `npm run build`/);
  });
});
