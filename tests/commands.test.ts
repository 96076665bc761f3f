import fc from 'fast-check';
import {
  ApplicationCommandOptionType,
  ComponentType,
  MessageFlags,
  type APIApplicationCommandBasicOption,
  type APIButtonComponentWithCustomId,
} from 'discord.js';
import { describe, expect, it } from 'vitest';
import { toMessageData } from '../src/protocol/message-data.ts';
import type { Reply } from '../src/protocol/reply.ts';
import { limitViolations, replyText, testApp } from './support/app.ts';
import { buttonId, code } from './support/buttons.ts';

const app = await testApp();
const { router } = app;
const run = (name: string, options: Record<string, string | number | boolean>) => router.command(name, options);

function buttons(reply: Reply): APIButtonComponentWithCustomId[] {
  return reply.components.flatMap((row) =>
    row.components.filter((c): c is APIButtonComponentWithCustomId => c.type === ComponentType.Button && 'custom_id' in c),
  );
}

/** The data rows of the code-block table in an embed description (header and fences dropped). */
/** A region's system lines, markdown off, the "Sorted by" line left out. */
function codeRows(reply: Reply): string[] {
  return (reply.embeds[0]?.description ?? '')
    .split('\n')
    .slice(1)
    .map((line) => line.replace(/\*/g, ''));
}

/** A ranking's lines with the markdown taken off: "1 South West London — £256m". */
function tableRows(reply: Reply): string[] {
  return (reply.embeds[0]?.description ?? '').split('\n').map((line) => line.replace(/[`*]/g, ''));
}

function fieldValue(reply: Reply, name: RegExp): string {
  const field = reply.embeds.flatMap((e) => e.fields ?? []).find((f) => name.test(f.name));
  if (field === undefined) throw new Error(`no field ${name}`);
  return field.value;
}

describe('/ics', () => {
  it('shows a system’s figures, position, quote and source', async () => {
    const reply = await run('ics', { name: 'Devon' });
    expect(reply.ephemeral).toBe(false);
    const embed = reply.embeds[0];
    expect(embed?.title).toBe('Devon');
    expect(embed?.description).toContain('NHS Devon Integrated Care Board');
    expect(fieldValue(reply, /^Population/)).toContain('1.27m');
    expect(fieldValue(reply, /^Allocation/)).toContain('£2.06bn');
    expect(fieldValue(reply, /^Spend per head/)).toContain('£1,622');
    expect(fieldValue(reply, /^Financial position/)).toContain('£104m');
    expect(fieldValue(reply, /^Financial position/)).toContain('5.0% of allocation');
    expect(fieldValue(reply, /^What the survey says/)).toMatch(/^> /);
    expect(embed?.footer?.text).toMatch(/NHS Support Federation.*early 2022/);
    expect(limitViolations(reply)).toEqual([]);
  });

  it('flags a row that misses a figure, with the implied value', async () => {
    const reply = await run('ics', { name: 'Shropshire' });
    expect(fieldValue(reply, /^Population/)).toContain('not published');
    expect(fieldValue(reply, /Data notes/)).toMatch(/no population.*about 523,000 people/);
  });

  it('shows what was published for a row that does not add up', async () => {
    const reply = await run('ics', { name: 'Northamptonshire' });
    expect(fieldValue(reply, /^Allocation/)).toContain('£1.17bn');
    expect(fieldValue(reply, /Data notes/)).toMatch(/50.6% above the published £1.173bn/);
  });

  it('says “not known” plainly for Greater Manchester', async () => {
    const reply = await run('ics', { name: 'Greater Manchester' });
    expect(fieldValue(reply, /^Financial position/)).toMatch(/Not published \/ unclear: no figure published/);
    expect(fieldValue(reply, /^What the survey says/)).toContain('Not known.');
  });

  it('answers an unknown name ephemerally with suggestions as buttons that open the card', async () => {
    const reply = await run('ics', { name: 'Cardiff' });
    expect(reply.ephemeral).toBe(true);
    expect(toMessageData(reply).flags).toBe(MessageFlags.Ephemeral);
    const near = await run('ics', { name: 'Leeds hospitals' });
    const [first] = buttons(near);
    // The suggestions are in a hidden reply, so pressing one answers hidden too.
    expect(first?.custom_id).toBe(buttonId('ics', [code('west-yorkshire-and-harrogate')], { hide: true }));
    const pressed = await router.button(first?.custom_id ?? '');
    expect(pressed.embeds[0]?.title).toMatch(/West Yorkshire/);
    expect(pressed.ephemeral).toBe(true);
  });

  it('offers the candidates for an ambiguous name', async () => {
    const reply = await run('ics', { name: 'Essex', hide: true });
    expect(reply.ephemeral).toBe(true);
    expect(
      buttons(reply)
        .map((b) => b.custom_id)
        .sort(),
    ).toEqual(
      [
        buttonId('ics', [code('hertfordshire-and-west-essex')], { hide: true }),
        buttonId('ics', [code('mid-and-south-essex')], { hide: true }),
        buttonId('ics', [code('suffolk-and-north-east-essex')], { hide: true }),
        buttonId('ics', ['successor', 'essex'], { hide: true }),
      ].sort(),
    );
    expect(replyText(reply)).toContain('Since April 2026 there is also **NHS Essex Integrated Care Board**');
    const pressed = await router.button(buttonId('ics', [code('mid-and-south-essex')], { hide: true }));
    expect(pressed.ephemeral).toBe(true);
  });

  it('answers a blank name helpfully', async () => {
    const reply = await run('ics', { name: '   ' });
    expect(reply.ephemeral).toBe(true);
    expect(replyText(reply)).toMatch(/Please give a system/);
  });

  it('keeps every card within limits, including the longest quotes', async () => {
    for (const system of app.data.systems) {
      const reply = await run('ics', { name: system.id });
      expect(limitViolations(reply), system.id).toEqual([]);
      expect(reply.embeds[0]?.title).toBe(system.publishedName);
    }
  });
});

describe('/compare', () => {
  it('spells out the differences', async () => {
    const reply = await run('compare', { first: 'Devon', second: 'Somerset' });
    const text = reply.embeds[0]?.description ?? '';
    expect(text).toContain('Spend per head:** Devon £1,622 vs Somerset £1,603 — £19 higher');
    expect(text).toContain('Deficit or gap:** Devon £104m vs Somerset £20.3m');
    expect(limitViolations(reply)).toEqual([]);
  });

  it('notes politely when both names are the same system', async () => {
    const reply = await run('compare', { first: 'Plymouth', second: 'Devon' });
    expect(reply.content).toMatch(/Both names point to \*\*Devon\*\*/);
  });

  it('keeps the resolved side in the buttons of an unresolved one', async () => {
    const reply = await run('compare', { first: 'Kent', second: 'Essex' });
    const id = buttonId('compare', [code('kent-and-medway'), code('mid-and-south-essex')], { hide: true });
    expect(buttons(reply).map((b) => b.custom_id)).toContain(id);
    const pressed = await router.button(id);
    expect(pressed.embeds[0]?.title).toBe('Kent and Medway vs Mid and South Essex');
  });
});

describe('/region', () => {
  it('lists the biggest region with totals and the survey’s own grouping', async () => {
    const reply = await run('region', { name: 'the Midlands' });
    const embed = reply.embeds[0];
    expect(embed?.title).toBe('Midlands: 11 Integrated Care Systems');
    expect(codeRows(reply)).toHaveLength(11);
    expect(fieldValue(reply, /Region totals/)).toMatch(/1 system published none/);
    expect(fieldValue(reply, /Notes/)).toContain('“North West”');
    expect(limitViolations(reply)).toEqual([]);
  });

  it('adds like with like and leaves rows that do not add up out of the regional spend per head, naming them', async () => {
    const reply = await run('region', { name: 'North West' });
    const totals = fieldValue(reply, /Region totals/);
    expect(totals).toMatch(/Spend per head across the region: \*\*£1,773\*\* .*leaves out Cheshire and Merseyside; Greater Manchester/);
    expect(totals).toMatch(/System deficits .*\*\*£219m\*\* from 1 system/);
    expect(totals).toMatch(/Financial gaps, a different measure: \*\*£95m\*\* from 1 system/);
    expect(codeRows(reply).find((r) => r.startsWith('Cheshire'))).toMatch(/^Cheshire and Merseyside ⚠/);
  });

  it('sorts by the chosen metric', async () => {
    const reply = await run('region', { name: 'South West', sort: 'spend-per-head' });
    const rows = codeRows(reply);
    expect(rows[0]).toMatch(/^Cornwall/);
  });

  it('offers the regions for an unknown one', async () => {
    const reply = await run('region', { name: 'Wales' });
    expect(reply.ephemeral).toBe(true);
    expect(buttons(reply)).toHaveLength(7);
  });
});

describe('/rank', () => {
  it('ranks deficits and says who is left out', async () => {
    const reply = await run('rank', { metric: 'deficit', count: 3 });
    const rows = tableRows(reply);
    // South West London's £256m "challenge" is a financial gap: ranked with deficits, as labelled.
    expect(rows[0]).toMatch(/^1\s+South West London.*£256m \(gap\)$/);
    expect(rows[1]).toMatch(/^2\s+North East and North Cumbria.*£240m$/);
    expect(rows[2]).toMatch(/^3\s+Cheshire and Merseyside.*£219m \(draft plan\)$/);
    expect(rows).toHaveLength(3);
    expect(fieldValue(reply, /^Ranked among the 27 of 42 that published a figure; left out/)).toContain('Greater Manchester');
    expect(fieldValue(reply, /Notes/)).toMatch(/Not like-for-like/);
  });

  it('ranks lowest first within a region', async () => {
    const reply = await run('rank', { metric: 'spend-per-head', order: 'lowest', region: 'London' });
    const rows = tableRows(reply);
    expect(rows).toHaveLength(5);
    expect(rows[0]).toMatch(/North West London.*£1,363/);
  });
});

describe('/england, /sources, /help', () => {
  it('gives the national picture with the dated timeline', async () => {
    const reply = await run('england', {});
    const text = replyText(reply);
    expect(text).toContain('61.5m people');
    expect(text).toContain('£94.6bn');
    expect(text).toContain('£651m');
    expect(text).toMatch(/12 January 2023/);
    expect(limitViolations(reply)).toEqual([]);
  });

  it('lists every source', async () => {
    const reply = await run('sources', {});
    const names = reply.embeds[0]?.fields?.map((f) => f.name) ?? [];
    expect(names).toEqual(expect.arrayContaining(app.data.sources.map((s) => s.title)));
    expect(names).toContain('NHS England: Allocation of resources 2023/24 to 2024/25');
  });

  it('explains how to ask and what the figures mean', async () => {
    const text = replyText(await run('help', {}));
    expect(text).toContain('/ics name:Devon');
    expect(text).toContain('CIP');
  });
});

describe('every string option of every command, whatever is typed', () => {
  const nasty = fc.oneof(
    fc.string({ maxLength: 200 }),
    fc.string({ unit: 'grapheme', maxLength: 100 }),
    fc.constantFrom(
      '@everyone',
      '@here',
      '<@&123456789012345678>',
      '<@123456789012345678>',
      '**bold** _x_ `code` > quote',
      '||spoiler||',
      'a'.repeat(10_000),
      '',
      '   ',
    ),
    fc.string({ unit: 'binary', minLength: 1000, maxLength: 10_000 }),
  );

  for (const [name, command] of app.router.commands) {
    const strings = ((command.definition.options ?? []) as APIApplicationCommandBasicOption[]).filter(
      (o) => o.type === ApplicationCommandOptionType.String && !('choices' in o && (o.choices?.length ?? 0) > 0),
    );
    for (const option of strings) {
      it(`/${name} ${option.name}: never throws, always within limits, never pings`, async () => {
        await fc.assert(
          fc.asyncProperty(nasty, async (value) => {
            const options: Record<string, string> = { name: 'Devon', first: 'Devon', second: 'Kent', metric: 'deficit', [option.name]: value };
            const reply = await router.command(name, options);
            expect(limitViolations(reply)).toEqual([]);
            expect(toMessageData(reply).allowed_mentions).toEqual({ parse: [] });
            const autocomplete = router.autocomplete(name, { name: option.name, value }, options);
            expect(autocomplete.length).toBeLessThanOrEqual(25);
          }),
          { numRuns: 60 },
        );
      });
    }
  }
});

describe('/rank on the official allocations', () => {
  it('puts the furthest below target first when asked for the lowest, with a true minus and the workbook as source', async () => {
    const reply = await run('rank', { metric: 'distance-from-target-2024-25', order: 'lowest', count: 5, chart: false });
    const rows = tableRows(reply);
    expect(rows[0]).toMatch(/^1\s+Birmingham and Solihull.*−3\.0%$/);
    expect(rows.some((r) => /−0\.0%/.test(r))).toBe(false);
    expect(reply.embeds[0]?.footer?.text).toMatch(/NHS England.*workbook v1\.2/);
  });
});
