import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadDataset } from '../src/data/load.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const data = loadDataset();

/** Runs the real `ask` entry point as `npm run --silent ask -- …` would, without npm's own start-up cost. */
function ask(args: string[], input?: string) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/console/ask.ts', ...args], {
    cwd: root,
    input,
    encoding: 'utf8',
    env: { ...process.env, DISCORD_TOKEN: '', CHARTS_DIR: fileURLToPath(new URL('../charts-out/test', import.meta.url)) },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('ask --json', () => {
  it('prints one line: the interaction response data, with the figures of the data', () => {
    const { code, stdout } = ask(['--json', '/ics name:Devon']);
    expect(code).toBe(0);
    expect(stdout.trim().split('\n')).toHaveLength(1);
    const reply = JSON.parse(stdout) as {
      embeds: Array<{ title: string; fields: Array<{ name: string; value: string }> }>;
      allowed_mentions: unknown;
      attachments: unknown[];
    };
    expect(reply.allowed_mentions).toEqual({ parse: [] });
    expect(reply.attachments).toEqual([]);
    const devon = data.byId.get('devon');
    expect(reply.embeds[0]?.title).toBe(devon?.publishedName);
    const population = reply.embeds[0]?.fields.find((f) => f.name === 'Population')?.value;
    expect(population).toContain(devon?.population.published);
  });

  it('answers batches from stdin, one JSON line per input line, usage errors in place', () => {
    const lines = ['/ics name:Somerset', '/nonsense', '/rank metric:Spend per head count:2', '', '/ics name:'];
    const { code, stdout } = ask(['--json'], `${lines.join('\n')}\n`);
    expect(code).toBe(0);
    const out = stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(out).toHaveLength(lines.length);
    expect(JSON.stringify(out[0])).toContain('Somerset');
    expect(out[1]?.['error']).toMatch(/unknown command \/nonsense/);
    expect(JSON.stringify(out[2])).toContain('Spend per head');
    expect(out[3]?.['error']).toMatch(/empty line/);
    expect(out[4]?.['flags']).toBe(64); // a blank name is answered like a user, ephemerally
  });

  it('prints autocomplete choices for the focused (last) option', () => {
    const { code, stdout } = ask(['--json', '--autocomplete', '/compare first:Devon second:som']);
    expect(code).toBe(0);
    const choices = JSON.parse(stdout) as Array<{ name: string; value: string }>;
    expect(choices[0]?.value).toBe('somerset');
    expect(choices.length).toBeLessThanOrEqual(25);
  });

  it('fails with a usage message and non-zero exit for an unknown option or choice', () => {
    const bad = ask(['--json', '/rank metric:bananas']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/metric: "bananas" is not one of deficit/);
    expect(ask(['/ics colour:blue']).stderr).toMatch(/has no option "colour"/);
  });

  it('renders text for people', () => {
    const { code, stdout } = ask(['/compare first:Leeds second:Kent']);
    expect(code).toBe(0);
    expect(stdout).toContain('West Yorkshire and Harrogate vs Kent and Medway');
    expect(stdout).not.toContain('**');
  });
});
