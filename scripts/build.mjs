// `npm run build`: compile src/ and commands/ to dist/ with tsc, then validate data/ once into dist/data-snapshot.json.
// Plain JavaScript so it runs before anything is compiled. Output goes to stderr: `npm run --silent ask -- --json`
// may trigger a build, and its stdout must stay one JSON line.
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

function run(args) {
  const result = spawnSync(process.execPath, args, { cwd: root, stdio: ['ignore', 2, 2] });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

export function build() {
  let tsc;
  try {
    tsc = createRequire(join(root, 'package.json')).resolve('typescript/bin/tsc');
  } catch {
    process.stderr.write(
      'Cannot build: TypeScript is not installed (a production install). Run `npm ci` and `npm run build`, or ship dist/ with the install.\n',
    );
    process.exit(1);
  }
  // Stale files from renamed modules must not linger in dist/.
  rmSync(join(root, 'dist'), { recursive: true, force: true });
  run([tsc, '-p', 'tsconfig.build.json']);
  run(['dist/src/data/build-snapshot.js']);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) build();
