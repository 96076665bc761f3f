import { describe, expect, it } from 'vitest';
import type { Resolution } from '../src/search/resolve.ts';
import { limitViolations, replyText, testApp } from './support/app.ts';
import { buttonId, code } from './support/buttons.ts';

const app = await testApp();
const { router, ctx, data } = app;

function resolvedTo(resolution: Resolution): string {
  if (resolution.kind === 'successor') return `successor:${resolution.successor.id}`;
  if (resolution.kind === 'match') return resolution.system.id;
  return resolution.kind;
}

describe('today’s ICB names', () => {
  it.each([
    ['NHS Central East Integrated Care Board', 'successor:central-east'],
    ['Central East', 'successor:central-east'],
    ['Central East ICB', 'successor:central-east'],
    ['NHS Essex Integrated Care Board', 'successor:essex'],
    ['Essex ICB', 'successor:essex'],
    ['NHS Essex', 'successor:essex'],
    ['Greater Essex', 'successor:essex'],
    ['NHS Norfolk and Suffolk Integrated Care Board', 'successor:norfolk-and-suffolk'],
    ['Norfolk & Suffolk ICB', 'successor:norfolk-and-suffolk'],
    ['NHS West and North London Integrated Care Board', 'successor:west-and-north-london'],
    ['West and North London', 'successor:west-and-north-london'],
    ['North West and North Central London', 'successor:west-and-north-london'],
    ['NHS Surrey and Sussex Integrated Care Board', 'successor:surrey-and-sussex'],
    ['Surrey & Sussex', 'successor:surrey-and-sussex'],
    ['NHS Thames Valley Integrated Care Board', 'successor:thames-valley'],
    ['thames valley icb', 'successor:thames-valley'],
    ['Thames Vally', 'successor:thames-valley'],
    ['NHS Hampshire and Isle of Wight Integrated Care Board', 'hampshire-and-isle-of-wight'],
    ['Hampshire and the Isle of Wight ICB', 'hampshire-and-isle-of-wight'],
  ])('%s → %s', (query, expected) => {
    expect(resolvedTo(ctx.resolver.resolve(query))).toBe(expected);
  });

  it('keeps a bare county name about the 2022 systems, offering today’s body beside them', () => {
    const r = ctx.resolver.resolve('Essex');
    expect(r.kind).toBe('ambiguous');
    expect(r.kind === 'ambiguous' && r.successors?.map((s) => s.id)).toEqual(['essex']);
  });
});

describe('successor cards', () => {
  it('sums a whole merger’s predecessors, labelled as their 2022 totals', async () => {
    const reply = await router.command('ics', { name: 'West and North London' });
    const totals = reply.embeds[0]?.fields?.find((f) => f.name === 'Predecessors’ 2022 survey totals')?.value ?? '';
    const ncl = data.byId.get('north-central-london');
    const nwl = data.byId.get('north-west-london');
    const pop = (ncl?.figures.population ?? 0) + (nwl?.figures.population ?? 0);
    const alloc = (ncl?.allocation.gbpBillions ?? 0) + (nwl?.allocation.gbpBillions ?? 0);
    expect(pop).toBe(4_450_000);
    expect(totals).toContain('Population: **4.45m**');
    expect(totals).toContain(`Allocation 2022/23: **£${alloc.toFixed(2)}bn**`);
    expect(totals).toContain('£94m** (1 of 2 predecessors published a figure)');
    expect(totals).toMatch(/not the new body’s own/);
    expect(reply.components[0]?.components.map((c) => ('custom_id' in c ? c.custom_id : ''))).toEqual([
      buttonId('ics', [code('north-central-london')]),
      buttonId('ics', [code('north-west-london')]),
    ]);
    expect(limitViolations(reply)).toEqual([]);
  });

  it('never sums a split predecessor into a total', async () => {
    for (const name of ['Thames Valley', 'Surrey and Sussex', 'Central East', 'Essex ICB', 'Norfolk and Suffolk']) {
      const reply = await router.command('ics', { name });
      const text = replyText(reply);
      expect(text, name).not.toContain('Predecessors’ 2022 survey totals');
      expect(text, name).toContain('Why no total');
      expect(limitViolations(reply), name).toEqual([]);
    }
  });

  it('opens from the button offered beside an ambiguous name', async () => {
    const reply = await router.button(buttonId('ics', ['successor', 'essex']));
    expect(reply.embeds[0]?.title).toBe('NHS Essex Integrated Care Board');
  });
});

describe('2022 cards say what became of the system', () => {
  it('names the successor of every abolished system, and when', async () => {
    expect(data.changes.abolished).toHaveLength(12);
    for (const abolished of data.changes.abolished) {
      const reply = await router.command('ics', { name: abolished.systemId });
      const since = reply.embeds[0]?.fields?.find((f) => f.name === 'Since 2022')?.value ?? '';
      expect(since, abolished.systemId).toMatch(/^Abolished 31 March 2026/);
      for (const id of abolished.successorIds) expect(since).toContain(data.changes.successor(id)?.name ?? '?');
    }
  });

  it('says Frimley split three ways', async () => {
    const reply = await router.command('ics', { name: 'Frimley' });
    expect(replyText(reply)).toMatch(/split between NHS Thames Valley .*NHS Surrey and Sussex .*NHS Hampshire and Isle of Wight/);
  });

  it('says an unchanged system still exists', async () => {
    expect(replyText(await router.command('ics', { name: 'Devon' }))).toContain('Still an ICB today, with the same area');
  });
});

describe('the national count', () => {
  it('tells /england and /help that there were 42 and are 36 since April 2026', async () => {
    expect(replyText(await router.command('help', {}))).toContain('England had 42 ICSs when the survey was taken; it has had 36 ICBs since 1 April 2026');
    expect(replyText(await router.command('england', {}))).toContain(
      'Since 1 April 2026 England has 36 ICBs (12 abolished, 6 created); figures here are for the 42 systems of 2022.',
    );
  });

  it('keeps /region and /rank on the 2022 systems, saying so', async () => {
    expect(replyText(await router.command('region', { name: 'London' }))).toContain('survey’s systems of 2022');
    expect(replyText(await router.command('rank', { metric: 'deficit' }))).toContain('42 systems of 2022');
  });
});
