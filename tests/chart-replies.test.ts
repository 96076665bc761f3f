import { describe, expect, it } from 'vitest';
import { toMessageData } from '../src/protocol/message-data.ts';
import { limitViolations, testApp } from './support/app.ts';
import { decodeButton } from '../src/protocol/buttons.ts';

const { router } = await testApp();
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

describe('charts in replies', () => {
  it.each([
    ['region', { name: 'Midlands' }],
    ['rank', { metric: 'deficit' }],
    ['compare', { first: 'Devon', second: 'Kent' }],
  ] as const)('/%s carries a PNG the embed shows, with alt text, within limits', async (command, options) => {
    const reply = await router.command(command, options);
    expect(reply.files).toHaveLength(1);
    const [file] = reply.files;
    expect(file?.data.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
    expect(reply.embeds[0]?.image?.url).toBe(`attachment://${file?.name}`);
    expect(file?.description.length).toBeGreaterThan(40);
    expect(file?.description.length).toBeLessThanOrEqual(1024);
    const data = toMessageData(reply);
    expect(data.attachments).toEqual([{ id: 0, filename: file?.name, description: file?.description, size: file?.data.byteLength }]);
    expect(limitViolations(reply)).toEqual([]);
  });

  it('labels systems without a figure in the alt text instead of drawing them as zero', async () => {
    const reply = await router.command('region', { name: 'Midlands' });
    expect(reply.files[0]?.description).toMatch(/No figure for 2 of 11: Herefordshire and Worcestershire, Lincolnshire/);
  });

  it('leaves the chart out when asked (chart:false), and buttons carry that choice', async () => {
    const reply = await router.command('region', { name: 'Midlands', chart: false });
    expect(reply.files).toEqual([]);
    expect(reply.embeds[0]?.image).toBeUndefined();
    const unknown = await router.command('region', { name: 'Atlantis', chart: false });
    const ids = unknown.components.flatMap((row) => row.components.map((c) => ('custom_id' in c ? c.custom_id : '')));
    expect(ids.every((id) => decodeButton(id).ok && (decodeButton(id) as { action: { chart: boolean } }).action.chart === false)).toBe(true);
    const pressed = await router.button(ids[0] ?? '');
    expect(pressed.files).toEqual([]);
  });

  it('serves the same chart twice from the cache (same bytes)', async () => {
    const first = await router.command('rank', { metric: 'population', count: 5 });
    const second = await router.command('rank', { metric: 'population', count: 5 });
    expect(second.files[0]?.data).toBe(first.files[0]?.data);
  });
});
