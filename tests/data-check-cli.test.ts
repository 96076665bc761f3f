import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));

function run(script: string, args: string[], env: Record<string, string> = {}) {
  return spawnSync(process.execPath, ['--import', 'tsx', script, ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, DISCORD_TOKEN: '', ...env } });
}

describe('npm run data:check', () => {
  it('prints the anomalies with published and implied values, and the totals comparison', () => {
    const { status, stdout } = run('src/console/check-data.ts', []);
    expect(status).toBe(0);
    expect(stdout).toMatch(/shropshire-telford-and-wrekin\s+missing-figure\s+—\s+0\.827\s+1,582\s+523,000/);
    expect(stdout).toMatch(/staffordshire-and-stoke-on-trent\s+product-mismatch\s+516,452/);
    expect(stdout).toMatch(/Population\s+61\.5m\s+60\.53m\s+−1\.6%\s+1/);
  });
});

describe('bad data refuses to start, naming the field', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ics-bad-data-'));
  cpSync(join(root, 'data'), dir, { recursive: true });
  const survey = JSON.parse(readFileSync(join(dir, 'survey.json'), 'utf8')) as { systems: Array<{ spendPerHead: { gbp: unknown } }> };
  const row = survey.systems[3];
  if (row !== undefined) row.spendPerHead.gbp = '1,529';
  writeFileSync(join(dir, 'survey.json'), JSON.stringify(survey));

  it.each([
    ['src/console/check-data.ts', []],
    ['src/console/ask.ts', ['/help']],
  ] as const)('%s', (script, args) => {
    const { status, stderr, stdout } = run(script, [...args], { ICS_DATA_DIR: dir });
    expect(status).not.toBe(0);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/Refusing to start: data\/survey\.json is invalid:\n\s+systems\[3\]\.spendPerHead\.gbp: .*expected number/);
    expect(stderr).not.toMatch(/\bat .*\.ts:\d+/); // no stack trace
  });
});
