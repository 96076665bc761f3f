// Builds when dist/ is missing or older than what it is built from, so `npm start` (and the other run scripts) stay one
// command on a fresh clone or after an edit. The snapshot is written last by a build, so its time stands for dist/.
import { readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from './build.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const INPUTS = ['src', 'commands', 'data', 'tsconfig.json', 'tsconfig.build.json', 'package.json'];

function newestMtime(path) {
  let stat;
  try {
    stat = statSync(path);
  } catch {
    return 0; // absent from a production image (src/ is not shipped): nothing to compare
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((newest, entry) => Math.max(newest, newestMtime(join(path, entry))), stat.mtimeMs);
}

function builtAt() {
  try {
    return statSync(join(root, 'dist', 'data-snapshot.json')).mtimeMs;
  } catch {
    return -1;
  }
}

const built = builtAt();
const sources = Math.max(...INPUTS.map((input) => newestMtime(join(root, input))));
if (built < 0 || sources > built) {
  process.stderr.write(
    built < 0 ? 'dist/ is missing: building once (npm run build)…\n' : 'sources changed since the last build: rebuilding (npm run build)…\n',
  );
  build();
}
