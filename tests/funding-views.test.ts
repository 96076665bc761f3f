import { ComponentType, MessageFlags, type APIButtonComponentWithCustomId, type APIEmbed } from 'discord.js';
import { afterAll, describe, expect, it } from 'vitest';
import { closeChartRenderer } from '../src/charts/index.ts';
import { toMessageData } from '../src/protocol/message-data.ts';
import { METRICS, type FundingMetricId } from '../src/data/metrics.ts';
import type { IcsSystem } from '../src/data/model.ts';
import { fundingCardFields, fundingSourceLine, regionFundingLines } from '../src/views/funding-fields.ts';
import { fundingChartSpec } from '../src/views/funding-view.ts';
import { chartAltText } from '../src/charts/index.ts';
import { reply, type Reply } from '../src/protocol/reply.ts';
import { rankSystems } from '../src/views/rank-view.ts';
import { systemEmbed } from '../src/views/system-card.ts';
import { limitViolations, testApp } from './support/app.ts';
import { buttonId, code } from './support/buttons.ts';

const app = await testApp();
const { router, data } = app;
// The shared chart renderer's worker threads must not outlive the test file.
afterAll(() => closeChartRenderer());

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function system(id: string): IcsSystem {
  const found = data.byId.get(id);
  if (found === undefined) throw new Error(`no system ${id}`);
  return found;
}

function row(id: string) {
  const funding = data.funding.bySystem.get(id);
  if (funding === undefined) throw new Error(`no funding for ${id}`);
  return funding.published;
}

function only(reply: Reply): APIEmbed {
  expect(reply.embeds).toHaveLength(1);
  return reply.embeds[0] as APIEmbed;
}

function field(embed: APIEmbed, name: RegExp): string {
  const found = embed.fields?.find((f) => name.test(f.name));
  if (found === undefined) throw new Error(`no field ${name} in ${embed.fields?.map((f) => f.name).join(', ')}`);
  return found.value;
}

function buttons(reply: Reply): APIButtonComponentWithCustomId[] {
  return reply.components.flatMap((r) => r.components.filter((c): c is APIButtonComponentWithCustomId => c.type === ComponentType.Button && 'custom_id' in c));
}

/** One allocation's line ("**Core recurrent:** 2023/24 3,437.8 → 2024/25 3,515.3"), as its £m amounts in year order. */
function tableRow(embed: APIEmbed, label: string): string[] {
  const line = (embed.description ?? '').split('\n').find((l) => l.startsWith(`**${label}:**`));
  if (line === undefined) throw new Error(`no line for "${label}"`);
  return [...line.slice(label.length + 5).matchAll(/\d{4}\/\d{2} ([\d,.]+)/g)].map((m) => m[1] ?? '');
}

/** £k as £m to one decimal with separators, computed here independently of the view. */
const asMillions = (k: number) => (Math.round(k / 100) / 10).toLocaleString('en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

const aboveTarget = await router.command('funding', { name: 'South East London' });
const belowTarget = await router.command('funding', { name: 'Birmingham', chart: false });

describe('/funding for a system above its fair-shares target (South East London, ODS QKK)', () => {
  const answer = aboveTarget;
  const embed = only(answer);

  it('is a public reply within Discord’s limits that names the ICB, its code and the workbook', () => {
    // The CSV row, as the data tests pin it.
    expect(row('south-east-london')).toMatchObject({
      ods: 'QKK',
      core_2023_24_recurrent_k: 3_437_838,
      core_2024_25_recurrent_k: 3_515_321,
      core_2024_25_recurrent_per_head_gbp: 1695.5,
      core_2022_23_distance_from_target_pct: 8.18,
      core_2024_25_distance_from_target_after_convergence_pct: 5.94,
      running_cost_allowance_2023_24_k: 36_199,
      running_cost_allowance_2025_26_k: 27_043,
    });
    expect(answer.ephemeral).toBe(false);
    expect(limitViolations(answer)).toEqual([]);
    expect(embed.description).toContain('NHS South East London ICB** (ODS QKK)');
    expect(embed.footer?.text).toContain('ICB allocations workbook v1.2');
  });

  it('gives the full allocation history in £m, each amount beside its year, with no wide table', () => {
    expect(tableRow(embed, 'Core recurrent')).toEqual(['3,437.8', '3,515.3']);
    expect(tableRow(embed, 'Running costs')).toEqual(['36.2', '29.7', '27.0']);
    expect(embed.description).toContain('**Running costs:** 2023/24 36.2 → 2024/25 29.7 → 2025/26 27.0');
    expect(embed.description).not.toContain('```');
  });

  /** The figures in a field, in the order they appear: what a reader takes away, whatever the words around them. */
  const figures = (text: string) => text.match(/[+−-]?£?[\d,]+(\.\d+)?(%|bn|m)?/g) ?? [];

  it('spells out growth, per head, distance by year and the running-cost cut, each beside England’s figure', () => {
    expect(figures(field(embed, /^Growth/))).toEqual(expect.arrayContaining(['+2.3%', '+2.5%']));
    expect(figures(field(embed, /^Allocation per head/))).toEqual(expect.arrayContaining(['£1,696', '£1,670']));
    const distance = field(embed, /^Distance from fair-shares target/);
    expect(figures(distance)).toEqual(expect.arrayContaining(['8.2%', '5.9%']));
    expect(distance).toMatch(/5\.9% above[^\n]*\b2nd\b/);
    expect(distance).not.toMatch(/% below/);
    expect(figures(field(embed, /^ICB running-cost allowance/))).toEqual(expect.arrayContaining(['£36.2m', '£29.7m', '£27.0m', '25.3%']));
    expect(figures(field(embed, /^England, for context/))).toEqual(expect.arrayContaining(['£101.26bn', '101,260,119']));
  });

  it('attaches the per-head chart with alt text, and the embed shows it', () => {
    expect(answer.files).toHaveLength(1);
    const [file] = answer.files;
    expect(file?.name).toBe('funding-south-east-london.png');
    expect(file?.data.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
    expect(embed.image?.url).toBe(`attachment://${file?.name}`);
    expect(file?.description).toContain('Core recurrent allocation per head 2024/25: South East London £1,696, England (derived) £1,670');
    expect(file?.description.length).toBeLessThanOrEqual(1024);
    expect(toMessageData(answer).attachments).toEqual([
      { id: 0, filename: 'funding-south-east-london.png', description: file?.description, size: file?.data.byteLength },
    ]);
  });
});

describe('/funding for a system below its fair-shares target (Birmingham and Solihull, ODS QHL)', () => {
  const answer = belowTarget;
  const embed = only(answer);

  it('says “below” in plain words for every year and ranks it last of 42', () => {
    const distance = field(embed, /^Distance from fair-shares target/);
    expect(distance).toMatch(/3\.4% below/);
    expect(distance).toMatch(/3\.2% below/);
    expect(distance).toMatch(/3\.0% below[^\n]*\b42nd of 42\b/);
    expect(distance).not.toMatch(/% above/);
  });

  it('matches its CSV row and leaves the chart out with chart:false', () => {
    expect(tableRow(embed, 'Core recurrent')).toEqual(['2,504.5', '2,592.7']);
    expect(field(embed, /^Growth/)).toMatch(/\+3\.5%/);
    expect(answer.files).toEqual([]);
    expect(embed.image).toBeUndefined();
    expect(toMessageData(answer).attachments).toEqual([]);
    expect(limitViolations(answer)).toEqual([]);
  });
});

describe('/funding for every system', () => {
  it('shows every money column of the source row, stays within limits, and keeps alt text within 1,024 characters', async () => {
    for (const s of data.systems) {
      const answer = await router.command('funding', { name: s.id, chart: false });
      const embed = only(answer);
      const r = row(s.id);
      expect(limitViolations(answer), s.id).toEqual([]);
      expect(tableRow(embed, 'Core baseline (adj.)'), s.id).toEqual([asMillions(r.core_2022_23_adjusted_baseline_k)]);
      expect(tableRow(embed, 'Core total'), s.id).toEqual([asMillions(r.core_2023_24_total_k), asMillions(r.core_2024_25_total_k)]);
      expect(tableRow(embed, 'Combined'), s.id).toEqual([asMillions(r.core_2023_24_combined_k), asMillions(r.core_2024_25_combined_k)]);
      expect(tableRow(embed, 'GP (primary medical)'), s.id).toEqual([
        asMillions(r.primary_medical_2023_24_recurrent_k),
        asMillions(r.primary_medical_2024_25_recurrent_k),
      ]);
      expect(tableRow(embed, 'Other primary care'), s.id).toEqual([asMillions(r.other_primary_care_2023_24_k), asMillions(r.other_primary_care_2024_25_k)]);
      const funding = data.funding.bySystem.get(s.id);
      if (funding === undefined) throw new Error(`no funding for ${s.id}`);
      const alt = chartAltText(fundingChartSpec(s, funding, data));
      expect(alt.length, s.id).toBeLessThanOrEqual(1024);
      expect(alt.endsWith('…'), `${s.id}: alt text cut short`).toBe(false);
    }
  });
});

describe('/funding options, not-found and buttons', () => {
  it('hide:true answers ephemerally and keeps the chart', async () => {
    const answer = await router.command('funding', { name: 'Devon', hide: true });
    expect(toMessageData(answer).flags).toBe(MessageFlags.Ephemeral);
    expect(answer.files).toHaveLength(1);
  });

  it('answers an unknown name with funding:<id> buttons that carry hide and chart:false', async () => {
    const answer = await router.command('funding', { name: 'Leeds hospitals', hide: true, chart: false });
    expect(answer.ephemeral).toBe(true);
    const [first] = buttons(answer);
    expect(first?.custom_id).toBe(buttonId('funding', [code('west-yorkshire-and-harrogate')], { hide: true, chart: false }));
    const pressed = await router.button(first?.custom_id ?? '');
    expect(pressed.embeds[0]?.title).toMatch(/^West Yorkshire/);
    expect(pressed.ephemeral).toBe(true);
    expect(pressed.files).toEqual([]);
  });

  it('a plain button opens the public reply with its chart; an out-of-date one says so', async () => {
    const pressed = await router.button(buttonId('funding', [code('devon')]));
    expect(pressed.ephemeral).toBe(false);
    expect(pressed.files).toHaveLength(1);
    const stale = await router.button(buttonId('funding', ['ZZZ']));
    expect(stale.ephemeral).toBe(true);
    expect(stale.content).toContain('/funding');
  });

  it('offers the 2022 predecessors of a 2026 ICB, marking one that passed over only in part', async () => {
    const answer = await router.command('funding', { name: 'Thames Valley ICB' });
    expect(answer.ephemeral).toBe(true);
    expect(answer.embeds[0]?.description).toMatch(/\*\*Frimley\*\* \(part: East Berkshire/);
    expect(buttons(answer).map((b) => b.custom_id)).toEqual([
      buttonId('funding', [code('buckinghamshire-oxfordshire-and-berkshire-west')], { hide: true }),
      buttonId('funding', [code('frimley')], { hide: true }),
    ]);
  });

  it('autocompletes system names', () => {
    const choices = router.autocomplete('funding', { name: 'name', value: 'devo' }, {});
    expect(choices[0]?.value).toBe('devon');
  });
});

describe('fundingCardFields (the /ics card’s “Funding since 2022”)', () => {
  /** The figures a reader needs from the row, computed here from the CSV columns, independently of the view. */
  function expectedFigures(id: string): string[] {
    const r = row(id);
    const dp = (x: number, d: number) => x.toLocaleString('en-GB', { minimumFractionDigits: d, maximumFractionDigits: d });
    const bn = (k: number) => (k >= 1e6 ? `£${dp(k / 1e6, 2)}bn` : `£${dp(k / 1000, 1)}m`);
    // Rounded as the published figure reads (2.15 → 2.2), not as its binary value does.
    const pct = (x: number) => `${x.toLocaleString('en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1 })}%`;
    const growth = (r.core_2024_25_recurrent_k / r.core_2023_24_recurrent_k - 1) * 100;
    const cut = (1 - r.running_cost_allowance_2025_26_k / r.running_cost_allowance_2023_24_k) * 100;
    return [
      bn(r.core_2023_24_recurrent_k),
      bn(r.core_2024_25_recurrent_k),
      `${growth > 0 ? '+' : '−'}${pct(Math.abs(growth))}`,
      `£${Math.round(r.core_2024_25_recurrent_per_head_gbp).toLocaleString('en-GB')}`,
      // A distance that rounds to 0.0% reads "at target" rather than as a figure.
      ...[r.core_2022_23_distance_from_target_pct, r.core_2024_25_distance_from_target_after_convergence_pct]
        .filter((d) => Math.abs(d) >= 0.05)
        .map((d) => pct(Math.abs(d))),
      pct(cut),
    ];
  }

  it('shows, for every system, the figures its source row gives, with its place among the 42 from the one ranking', () => {
    for (const s of data.systems) {
      const value = fundingCardFields(s, data)[0]?.value ?? '';
      for (const figure of expectedFigures(s.id)) expect(value, `${s.id}: ${figure}`).toContain(figure);
      const place = s.ranks['distance-from-target-2024-25']?.england;
      if (place === undefined) throw new Error(`${s.id} is not ranked on distance from target`);
      const suffix =
        place.position % 10 === 1 && place.position !== 11
          ? 'st'
          : place.position % 10 === 2 && place.position !== 12
            ? 'nd'
            : place.position % 10 === 3 && place.position !== 13
              ? 'rd'
              : 'th';
      expect(value, s.id).toContain(`${place.position}${suffix} of ${place.of}`);
    }
  });

  it('says which side of its fair-shares target a system is: above for South East London, below for Birmingham', () => {
    const above = fundingCardFields(system('south-east-london'), data)[0]?.value ?? '';
    const below = fundingCardFields(system('birmingham-and-solihull'), data)[0]?.value ?? '';
    expect(above).toMatch(/8\.2% above/);
    expect(above).not.toMatch(/below/);
    expect(below).toMatch(/3\.4% below/);
    expect(below).toMatch(/42nd of 42/);
  });

  it('never reads the survey’s 2022/23 allocation: changing it changes nothing, for any system', () => {
    for (const s of data.systems) {
      const fields = fundingCardFields(s, data);
      expect(fields.length, s.id).toBeGreaterThan(0);
      expect(fields.length, s.id).toBeLessThanOrEqual(2);
      for (const f of fields) expect(f.value.length, s.id).toBeLessThanOrEqual(1024);
      const altered: IcsSystem = {
        ...s,
        allocation: { ...s.allocation, gbpBillions: 999, published: '999' },
        figures: { ...s.figures, allocationGbpBillions: 999, spendPerHeadGbp: 99_999 },
      };
      expect(fundingCardFields(altered, data), s.id).toEqual(fields);
      expect(fields.map((f) => f.value).join('\n')).toContain('different measure from the survey’s 2022/23 allocation');
    }
  });

  it('keeps every /ics card within Discord’s limits once the fields are added', () => {
    for (const s of data.systems) {
      const card = reply({ embeds: [systemEmbed(s, data, fundingCardFields(s, data))] });
      expect(limitViolations(card), s.id).toEqual([]);
    }
  });
});

describe('regionFundingLines and fundingSourceLine', () => {
  it('sums the region’s official 2024/25 core allocations from the source rows', () => {
    const london = data.regions.find((r) => r.region === 'London');
    if (london === undefined) throw new Error('no London summary');
    const sumK = london.systems.reduce((sum, s) => sum + row(s.id).core_2024_25_recurrent_k, 0);
    const lines = regionFundingLines(london, data);
    expect(lines[0]).toContain(`**£${(sumK / 1e6).toFixed(2)}bn**`);
    expect(lines[0]).toMatch(/2024\/25 \(NHS England, recurrent, cash\)/);
    expect(lines.join('\n')).toContain('different measure from the survey’s 2022/23 allocation');
  });

  it('adds up to the England total over the seven regions', () => {
    const totalBn = data.regions.reduce((sum, r) => sum + Number(/\*\*£([\d.]+)bn\*\*/.exec(regionFundingLines(r, data)[0] ?? '')?.[1]), 0);
    expect(totalBn).toBeCloseTo(data.funding.england.summedK.core_2024_25_recurrent_k / 1e6, 1);
  });

  it('cites the workbook with its title and version', () => {
    const line = fundingSourceLine(data);
    expect(line).toContain('“Allocation of resources 2023/24 to 2024/25”');
    expect(line).toContain('v1.2');
    expect(line.length).toBeLessThanOrEqual(1024);
  });
});

describe('funding metrics for /rank', () => {
  const FUNDING_IDS = Object.values(METRICS)
    .filter((m) => m.source === 'allocations')
    .map((m) => m.id as FundingMetricId);
  const ranked = (id: FundingMetricId, order: 'highest' | 'lowest' = 'highest') => rankSystems(data, { metric: id, order, region: null, count: 42 }).rows;

  it('covers the four funding figures', () => {
    expect(FUNDING_IDS.sort()).toEqual(['core-per-head-2024-25', 'core-recurrent-growth', 'distance-from-target-2024-25', 'running-cost-cut-2025-26']);
  });

  it('ranking by distance from target puts Surrey Heartlands first and Birmingham and Solihull last', () => {
    const order = ranked('distance-from-target-2024-25');
    expect(order[0]?.system.id).toBe('surrey-heartlands');
    expect(order.at(-1)?.system.id).toBe('birmingham-and-solihull');
    expect(order.at(-1)?.value).toBe(-3);
  });

  it('the other metrics put the right systems first and last', () => {
    const ends = (id: FundingMetricId) => [ranked(id)[0]?.system.id, ranked(id).at(-1)?.system.id];
    expect(ends('core-per-head-2024-25')).toEqual(['cheshire-and-merseyside', 'buckinghamshire-oxfordshire-and-berkshire-west']);
    expect(ends('core-recurrent-growth')).toEqual(['bath-swindon-and-wiltshire', 'north-east-and-north-cumbria']);
  });

  it('gives /rank and the cards the same places: one ranking for both', () => {
    for (const id of FUNDING_IDS) {
      for (const { system: s, rank } of ranked(id)) expect(s.ranks[id]?.england, `${id} ${s.id}`).toEqual(rank);
    }
  });

  it('does not rank rounding noise: every running-cost cut reads 25.3%, so all 42 share 1st', () => {
    const order = ranked('running-cost-cut-2025-26');
    expect(order).toHaveLength(42);
    for (const r of order) expect(r.rank).toEqual({ position: 1, of: 42, joint: true });
  });

  it('labels fit a Discord choice and say the year and unit', () => {
    for (const id of FUNDING_IDS) {
      const metric = METRICS[id];
      expect(metric.label.length).toBeLessThanOrEqual(100);
      expect(metric.label).toMatch(/20\d\d\/\d\d.*\((%|£)\)$/);
    }
  });
});
