// Every command × option × choice the bot offers, then every button those replies carry, pressed until no new
// button appears. Each reply must fit Discord by design (the guard cut nothing), pass Discord's own spec and our
// limits oracle, keep its markdown whole, and keep hidden replies hidden through every press.
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CommandOptions } from '../src/core/command.ts';
import { createRouter, type Router } from '../src/core/router.ts';
import { REGIONS } from '../src/data/schema.ts';
import { decodeButton } from '../src/protocol/buttons.ts';
import { toMessageData } from '../src/protocol/message-data.ts';
import type { Reply } from '../src/protocol/reply.ts';
import { METRIC_CHOICES, ORDER_CHOICES } from '../src/views/metric-choices.ts';
import { checkInteractionResponse } from './fake-discord/limits.ts';
import { specCallbackProblems } from './fake-discord/spec.ts';
import { testApp } from './support/app.ts';
import { isFlagged } from '../src/data/figure-flags.ts';
import { isMetricId } from '../src/data/metrics.ts';
import type { Dataset } from '../src/data/model.ts';

interface Asked {
  label: string;
  hidden: boolean;
  reply: Reply;
}

const FENCE = /```/g;

function customIds(reply: Reply): string[] {
  return reply.components.flatMap((row) => row.components.flatMap((c) => ('custom_id' in c ? [c.custom_id] : [])));
}

function texts(reply: Reply): string[] {
  return [reply.content ?? '', ...reply.embeds.flatMap((e) => [e.title ?? '', e.description ?? '', ...(e.fields ?? []).flatMap((f) => [f.name, f.value])])];
}

function problemsOf(asked: Asked, data: Dataset): string[] {
  const { reply, label, hidden } = asked;
  const body = { type: 4, data: JSON.parse(JSON.stringify(toMessageData(reply))) as unknown };
  const problems = [...checkInteractionResponse(body), ...specCallbackProblems(body)];
  if (texts(reply).some((t) => (t.match(FENCE)?.length ?? 0) % 2 === 1)) problems.push('a code block left open');
  // Phone-sized: a code block does not wrap, so a line wider than 40 characters scrambles its columns on a phone.
  for (const t of texts(reply)) {
    const blocks = t.split(FENCE).filter((_, i) => i % 2 === 1);
    const wide = blocks.flatMap((b) => b.split('\n')).find((line) => line.length > 40);
    if (wide !== undefined) problems.push(`code-block line of ${wide.length} characters: "${wide}"`);
  }
  if (hidden && !reply.ephemeral) problems.push('a hidden request answered in public');
  if (/out of date|older version/.test(reply.content ?? '')) problems.push(`a fresh button answered "${reply.content ?? ''}"`);
  // Flags follow the figure: a ranked line naming a system whose figures for that metric do not add up carries ⚠.
  const metric = /"metric":"([a-z0-9-]+)"/.exec(label)?.[1];
  if (label.startsWith('/rank') && metric !== undefined && isMetricId(metric)) {
    for (const line of (reply.embeds[0]?.description ?? '').split('\n')) {
      const flagged = data.systems.find((s) => line.includes(` ${s.shortName} — `) && isFlagged(s, metric));
      if (flagged !== undefined && !line.endsWith('⚠')) problems.push(`${flagged.shortName} ranked on ${metric} without ⚠`);
    }
  }
  for (const id of customIds(reply)) if (!decodeButton(id).ok) problems.push(`custom id ${id} does not decode`);
  return problems.map((p) => `${label}: ${p}`);
}

describe('the sweep: every reply and every button within every limit', () => {
  const warnings: string[] = [];
  const asked: Asked[] = [];
  let router: Router;
  let dataset: Dataset;

  beforeAll(async () => {
    const app = await testApp();
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        warnings.push(chunk.toString());
        done();
      },
    });
    router = createRouter(app.router.commands, app.ctx, pino({ level: 'warn' }, sink));
    const { data } = app;
    dataset = data;
    const systems = data.systems.map((s) => s.publishedName);
    const longest = [...data.systems]
      .sort((a, b) => b.shortName.length - a.shortName.length)
      .slice(0, 3)
      .map((s) => s.shortName);
    const todays = data.changes.successors.map((s) => s.name);
    const lines: Array<{ name: string; options: CommandOptions }> = [];
    for (const name of [...systems, ...todays, 'Atlantis', '', 'Essex']) {
      lines.push({ name: 'ics', options: { name } }, { name: 'funding', options: { name, chart: false } });
    }
    for (const a of longest)
      for (const b of [...longest, 'Devon', 'Essex', 'Nowhere']) lines.push({ name: 'compare', options: { first: a, second: b, chart: false } });
    for (const s of systems.slice(0, 8)) lines.push({ name: 'compare', options: { first: s, second: 'Kent', chart: false } });
    for (const metric of METRIC_CHOICES.map((c) => c.value)) {
      for (const order of ORDER_CHOICES.map((c) => c.value)) {
        for (const region of [undefined, ...REGIONS, 'Atlantis']) {
          for (const count of [1, 5, 42])
            lines.push({ name: 'rank', options: { metric, order, count, chart: false, ...(region !== undefined ? { region } : {}) } });
        }
      }
      for (const region of REGIONS) lines.push({ name: 'region', options: { name: region, sort: metric, chart: false } });
    }
    for (const region of [...REGIONS, 'Atlantis']) lines.push({ name: 'region', options: { name: region, sort: 'name', chart: false } });
    for (const name of ['england', 'sources', 'data', 'help']) lines.push({ name, options: {} });
    const questions = [
      'what is the deficit in Kent?',
      'which London ICS spends least per head?',
      'does Kent get more per head than Surrey?',
      'what happened to Frimley ICB?',
      'how many ICBs are there now?',
      'rank regions by deficit',
      'hello',
      'deficit',
      'which ICB is furthest above its fair-shares target?',
      'population of Shropshire',
    ];
    for (const question of questions) lines.push({ name: 'ask', options: { question } });
    // Charts are slow to draw, so a sample carries them: one of each kind.
    lines.push(
      { name: 'rank', options: { metric: 'deficit', count: 42 } },
      { name: 'region', options: { name: 'London' } },
      { name: 'compare', options: { first: longest[0] ?? '', second: 'Devon' } },
    );

    const withHide = lines.flatMap((line) => [line, { name: line.name, options: { ...line.options, hide: true } }]);
    const seen = new Set<string>();
    const queue: Array<{ id: string; hidden: boolean }> = [];
    for (const line of withHide) {
      const hidden = line.options['hide'] === true;
      const reply = await router.command(line.name, line.options);
      asked.push({ label: `/${line.name} ${JSON.stringify(line.options)}`, hidden, reply });
      for (const id of customIds(reply)) queue.push({ id, hidden: hidden || reply.ephemeral });
    }
    while (queue.length > 0) {
      const next = queue.shift();
      if (next === undefined || seen.has(`${next.id}|${String(next.hidden)}`)) continue;
      seen.add(`${next.id}|${String(next.hidden)}`);
      const reply = await router.button(next.id);
      // A button on a hidden reply must say so itself (the console and `press` have no message flags to go by).
      asked.push({ label: `press ${next.id}`, hidden: next.hidden && decodeButton(next.id).ok, reply });
      for (const id of customIds(reply)) queue.push({ id, hidden: next.hidden || reply.ephemeral });
    }
  }, 120_000);

  it('asked enough to mean something: every command, and buttons pressed', () => {
    const commands = new Set(asked.filter((a) => a.label.startsWith('/')).map((a) => a.label.split(' ')[0]));
    expect([...commands].sort()).toEqual([...router.commands.keys()].map((c) => `/${c}`).sort());
    expect(asked.filter((a) => a.label.startsWith('press ')).length).toBeGreaterThan(50);
  });

  it('finds no reply over a limit, off the spec, with open markdown, a stale fresh button, or a leaked hidden answer', () => {
    expect(asked.flatMap((a) => problemsOf(a, dataset))).toEqual([]);
  });

  it('needed no cut: every reply fits by design, so the guard never had to trim one', () => {
    expect(warnings).toEqual([]);
  });
});
