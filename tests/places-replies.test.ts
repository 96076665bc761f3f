// Issue 13, as the user sees it: the line above a card reached through a place, the "which one?" buttons naming
// each place's district, "not in England", postcode splits, autocomplete's "Exeter → Devon", /sources credits.
import { ComponentType, type APIButtonComponentWithCustomId } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { parseLine, UsageError } from '../src/console/parse-line.ts';
import type { Reply } from '../src/protocol/reply.ts';
import { limitViolations, replyText, testApp } from './support/app.ts';
import { buttonId, code } from './support/buttons.ts';

const { router } = await testApp();

function buttons(reply: Reply): APIButtonComponentWithCustomId[] {
  return reply.components.flatMap((row) =>
    row.components.filter((c): c is APIButtonComponentWithCustomId => c.type === ComponentType.Button && 'custom_id' in c),
  );
}

describe('/ics through a place', () => {
  it('says "Exeter is in Devon" above Devon’s card', async () => {
    const reply = await router.command('ics', { name: 'Exeter' });
    expect(reply.content).toBe('Exeter is in **Devon**.');
    expect(reply.embeds[0]?.title).toBe('Devon');
  });

  it('names the district of a town the aliases do not know (Axminster, East Devon)', async () => {
    const reply = await router.command('ics', { name: 'Axminster' });
    expect(reply.content).toBe('Axminster (East Devon) is in **Devon**.');
  });

  it('says a postcode goes by GP practices', async () => {
    const reply = await router.command('ics', { name: 'EX4 4QJ' });
    expect(reply.content).toMatch(/^EX4 4QJ is in \*\*Devon\*\* \(by the postcodes of GP practices/);
  });

  it('says a split district is split, with shares, and offers both systems', async () => {
    const reply = await router.command('ics', { name: 'WA3' });
    expect(reply.embeds[0]?.description).toMatch(/WA3 is split between systems: \*\*Greater Manchester\*\* \d+ %, \*\*Cheshire and Merseyside\*\* \d+ %/);
    expect(
      buttons(reply)
        .map((b) => b.custom_id)
        .sort(),
    ).toEqual([buttonId('ics', [code('cheshire-and-merseyside')], { hide: true }), buttonId('ics', [code('greater-manchester')], { hide: true })].sort());
    expect(limitViolations(reply)).toEqual([]);
  });

  it('adds no line when the card was asked for by a system’s own name', async () => {
    expect((await router.command('ics', { name: 'Devon' })).content).toBeUndefined();
  });
});

describe('"which one?" for namesakes', () => {
  it('lists each Newport with its district, Wales as not in England, and buttons that open the card', async () => {
    const reply = await router.command('ics', { name: 'Newport' });
    const description = reply.embeds[0]?.description ?? '';
    expect(description).toContain('Newport (Isle of Wight) → **Hampshire and Isle of Wight**');
    expect(description).toContain('Newport (Telford and Wrekin) → **Shropshire, Telford and Wrekin**');
    expect(description).toContain('Newport (Wales): not in England');
    const labels = buttons(reply).map((b) => [b.label, b.custom_id]);
    expect(labels).toContainEqual([
      'Newport (Isle of Wight) → Hampshire and Isle of Wight',
      buttonId('ics', [code('hampshire-and-isle-of-wight')], { hide: true }),
    ]);
    expect(reply.ephemeral).toBe(true);
    expect(limitViolations(reply)).toEqual([]);
  });
});

describe('places outside England', () => {
  it('answers Cardiff as not in England, hidden', async () => {
    const reply = await router.command('ics', { name: 'Cardiff' });
    expect(reply.embeds[0]?.title).toBe('Not in England');
    expect(reply.embeds[0]?.description).toContain('Cardiff is in Wales, not in England (ICSs cover England only)');
    expect(reply.ephemeral).toBe(true);
  });

  it('answers the same through /compare and /funding', async () => {
    expect(replyText(await router.command('compare', { first: 'Cardiff', second: 'Devon' }))).toContain('not in England');
    expect(replyText(await router.command('funding', { name: 'Glasgow' }))).toContain('not in England');
  });
});

describe('autocomplete offers places', () => {
  it('as "Exeter → Devon", with the place as the value', () => {
    const choices = router.autocomplete('ics', { name: 'name', value: 'Exet' }, {});
    expect(choices).toContainEqual({ name: 'Exeter → Devon', value: 'Exeter' });
  });

  it('one line per namesake, each value a qualified name /ics takes straight to its card', async () => {
    const choices = router.autocomplete('ics', { name: 'name', value: 'Newport' }, {});
    const iow = choices.find((c) => c.name === 'Newport (Isle of Wight) → Hampshire and Isle of Wight');
    expect(iow?.value).toBe('Newport, Isle of Wight');
    const reply = await router.command('ics', { name: iow?.value ?? '' });
    expect(reply.embeds[0]?.title).toBe('Hampshire and the Isle of Wight');
  });
});

describe('/sources', () => {
  it('credits the practice data (OGL v3) and GeoNames (CC BY 4.0)', async () => {
    const text = replyText(await router.command('sources', {}));
    expect(text).toContain('Open Government Licence v3.0');
    expect(text).toContain('GeoNames');
    expect(text).toContain('CC BY 4.0');
  });
});

describe('the console takes a name pasted with its trailing colon', () => {
  it('keeps "…Isle of Wight:" as the value, and still refuses an unknown option with a value', () => {
    const parsed = parseLine('/ics name:Hampshire and the Isle of Wight:', router.commands);
    expect(parsed.options['name']).toBe('Hampshire and the Isle of Wight:');
    expect(() => parseLine('/ics nme:Devon', router.commands)).toThrow(UsageError);
  });
});
