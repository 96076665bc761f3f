import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BUTTON_VERSION, ButtonCodecError, decodeButton, encodeButton, pressIsHidden, type ButtonAction } from '../src/protocol/buttons.ts';
import { fitReply, fitText } from '../src/protocol/guard.ts';
import { reply } from '../src/protocol/reply.ts';

const key = fc.stringMatching(/^[A-Za-z0-9._+-]{0,12}$/);
const action: fc.Arbitrary<ButtonAction> = fc.record({
  command: fc.constantFrom('ics', 'compare', 'rank', 'region', 'funding'),
  args: fc.array(key, { maxLength: 4 }),
  hide: fc.boolean(),
  chart: fc.boolean(),
  page: fc.option(fc.integer({ min: 0, max: 999 }), { nil: undefined }),
});

describe('the button codec', () => {
  it('round-trips every action it can carry, always within 100 characters', () => {
    fc.assert(
      fc.property(action, (a) => {
        const id = encodeButton(a);
        expect(id.length).toBeLessThanOrEqual(100);
        const decoded = decodeButton(id);
        const expected = a.page === undefined ? { command: a.command, args: a.args, hide: a.hide, chart: a.chart } : a;
        expect(decoded).toEqual({ ok: true, action: expected });
      }),
    );
  });

  it('refuses to make an id it would have to cut, rather than cutting it', () => {
    expect(() => encodeButton({ command: 'rank', args: ['x'.repeat(40), 'y'.repeat(40), 'z'.repeat(40)], hide: false, chart: true })).toThrow(ButtonCodecError);
    expect(() => encodeButton({ command: 'ics', args: ['has:colon'], hide: false, chart: true })).toThrow(/short key/);
  });

  it('tells an id from an older release (no version marker) apart from a malformed one', () => {
    expect(decodeButton('ics:devon:hide')).toEqual({ ok: false, reason: 'outdated' });
    expect(decodeButton(`${BUTTON_VERSION}:ics:zz:QE1`)).toEqual({ ok: false, reason: 'malformed' });
  });

  it('answers a press hidden when the id says so or the message it is on is hidden', () => {
    const id = (hide: boolean) => encodeButton({ command: 'ics', args: ['QE1'], hide, chart: true });
    expect(pressIsHidden(id(true))).toBe(true);
    expect(pressIsHidden(id(false))).toBe(false);
    expect(pressIsHidden(id(false), 64)).toBe(true);
  });
});

describe('the reply guard', () => {
  it('never leaves a code block open, and says how many lines it left out', () => {
    fc.assert(
      fc.property(fc.array(fc.stringMatching(/^[a-z £0-9]{0,60}$/), { minLength: 1, maxLength: 200 }), fc.integer({ min: 30, max: 4096 }), (rows, max) => {
        const text = ['```', ...rows, '```'].join('\n');
        const cut = fitText(text, max);
        expect(cut.length).toBeLessThanOrEqual(max);
        expect((cut.match(/```/g)?.length ?? 0) % 2).toBe(0);
        if (cut !== text && cut.includes('\n')) expect(cut).toMatch(/… and \d+ more$/);
      }),
    );
  });

  it('fits a reply over every limit and reports each cut', () => {
    const long = reply({
      content: 'c'.repeat(2500),
      embeds: [
        { title: 't'.repeat(300), description: 'd\n'.repeat(3000), fields: Array.from({ length: 30 }, (_, i) => ({ name: `f${i}`, value: 'v'.repeat(1100) })) },
      ],
    });
    const { reply: fitted, cuts } = fitReply(long);
    expect(fitted.content?.length).toBeLessThanOrEqual(2000);
    const embed = fitted.embeds[0];
    expect(embed?.title?.length).toBeLessThanOrEqual(256);
    expect(embed?.fields).toHaveLength(25);
    const total =
      (embed?.title?.length ?? 0) + (embed?.description?.length ?? 0) + (embed?.fields ?? []).reduce((n, f) => n + f.name.length + f.value.length, 0);
    expect(total).toBeLessThanOrEqual(6000);
    expect(cuts.length).toBeGreaterThan(3);
  });

  it('drops a duplicate custom id instead of sending a message Discord refuses', () => {
    const button = { type: 2 as const, style: 2 as const, label: 'x', custom_id: 'v2:ics::QE1' };
    const { reply: fitted, cuts } = fitReply(reply({ components: [{ type: 1, components: [button, button] }] }));
    expect(fitted.components[0]?.components).toHaveLength(1);
    expect(cuts).toEqual(['duplicate custom id v2:ics::QE1: dropped']);
  });
});
