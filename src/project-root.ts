import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The checkout (or image) root: the nearest folder above this file holding package.json. The same code runs from
 * src/ (tsx, tests) and from dist/src/ (the build), so paths to data/ and assets/ cannot be fixed relative offsets.
 */
function findRoot(start: string): string {
  let dir = start;
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`no package.json above ${start}: run the bot from its project folder`);
    dir = parent;
  }
  return dir;
}

export const PROJECT_ROOT = findRoot(dirname(fileURLToPath(import.meta.url)));

/** True when this code is the compiled build (dist/), false under tsx or vitest. */
export const RUNNING_BUILT = import.meta.url.endsWith('.js');
