import { ComponentType, MessageFlags, type APIButtonComponentWithCustomId, type APIEmbed } from 'discord.js';
import { afterAll, describe, expect, it } from 'vitest';
import { closeChartRenderer } from '../src/charts/index.ts';
import { toMessageData } from '../src/protocol/message-data.ts';
import { FUNDING_METRIC_IDS, FUNDING_METRICS, type FundingMetricId } from '../src/data/funding-metrics.ts';
import type { IcsSystem } from '../src/data/model.ts';
import { fundingCardFields, fundingSourceLine, regionFundingLines } from '../src/views/funding-fields.ts';
import { fundingChartSpec } from '../src/views/funding-view.ts';
import { chartAltText } from '../src/charts/index.ts';
import { reply, type Reply } from '../src/protocol/reply.ts';
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

  it('spells out growth, per head, distance by year and the running-cost cut, each beside England’s figure', () => {
    expect(field(embed, /^Growth/)).toContain('Core recurrent: **+2.3%** (England +2.5%)');
    expect(field(embed, /^Allocation per head/)).toContain('Core recurrent 2024/25: **£1,696** (England £1,670)');
    const distance = field(embed, /^Distance from fair-shares target/);
    expect(distance).toContain('2022/23: **8.2% above its fair-shares target**');
    expect(distance).toContain('After 2024/25 convergence: **5.9% above its fair-shares target** · 2nd of 42');
    const running = field(embed, /^ICB running-cost allowance/);
    expect(running).toContain('2023/24 **£36.2m**');
    expect(running).toContain('2025/26 **£27.0m**');
    expect(running).toContain('Cut 2023/24 → 2025/26: **25.3%** (England 25.3%');
    expect(field(embed, /^England, for context/)).toContain('£101.26bn in 2023/24 (the workbook’s total: 101,260,119 £k)');
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
    expect(distance).toContain('2022/23: **3.4% below its fair-shares target**');
    expect(distance).toContain('After 2023/24 convergence: **3.2% below its fair-shares target**');
    expect(distance).toContain('After 2024/25 convergence: **3.0% below its fair-shares target** · 42nd of 42');
  });

  it('matches its CSV row and leaves the chart out with chart:false', () => {
    expect(tableRow(embed, 'Core recurrent')).toEqual(['2,504.5', '2,592.7']);
    expect(field(embed, /^Growth/)).toContain('Core recurrent: **+3.5%**');
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
    expect(buttons(answer).map((b) => b.custom_id)).toEqual([buttonId('funding', [code('buckinghamshire-oxfordshire-and-berkshire-west')], { hide: true }), buttonId('funding', [code('frimley')], { hide: true })]);
  });

  it('autocompletes system names', () => {
    const choices = router.autocomplete('funding', { name: 'name', value: 'devo' }, {});
    expect(choices[0]?.value).toBe('devon');
  });
});

describe('fundingCardFields (the /ics card’s “Funding since 2022”)', () => {
  it('gives at most two labelled fields within limits that match the source row, above target', () => {
    const fields = fundingCardFields(system('south-east-london'), data);
    expect(fields.length).toBeLessThanOrEqual(2);
    const [figures] = fields;
    expect(figures?.name).toMatch(/^Funding since 2022/);
    const value = figures?.value ?? '';
    expect(value).toContain('**Core allocation (recurrent, cash):** 2023/24 £3.44bn → 2024/25 £3.52bn, growth **+2.3%** (England +2.5%)');
    expect(value).toContain('**Core allocation per head 2024/25:** £1,696 (England £1,670, derived)');
    expect(value).toContain('**Distance from fair-shares target:** 8.2% above its fair-shares target in 2022/23; 5.9% above after 2024/25 convergence');
    expect(value).toContain('**ICB running-cost allowance:** 2023/24 £36.2m → 2025/26 £27.0m, a **25.3% cut** (England 25.3%)');
  });

  it('below target: Birmingham and Solihull', () => {
    const value = fundingCardFields(system('birmingham-and-solihull'), data)[0]?.value ?? '';
    expect(value).toContain('2023/24 £2.50bn → 2024/25 £2.59bn, growth **+3.5%**');
    expect(value).toContain('3.4% below its fair-shares target in 2022/23; 3.0% below after 2024/25 convergence · 42nd of 42');
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
  /** Highest first, as /rank orders by default; ties by id. */
  function ranked(id: FundingMetricId): Array<{ id: string; value: number }> {
    return data.systems
      .map((s) => {
        const funding = data.funding.bySystem.get(s.id);
        const value = funding === undefined ? null : FUNDING_METRICS[id].value(funding);
        if (value === null) throw new Error(`${s.id} has no ${id}`);
        return { id: s.id, value };
      })
      .sort((a, b) => b.value - a.value || a.id.localeCompare(b.id));
  }

  it('ranking by distance from target puts Surrey Heartlands first and Birmingham and Solihull last', () => {
    const order = ranked('distance-from-target-2024-25');
    expect(order[0]).toEqual({ id: 'surrey-heartlands', value: row('surrey-heartlands').core_2024_25_distance_from_target_after_convergence_pct });
    expect(order.at(-1)).toEqual({ id: 'birmingham-and-solihull', value: -3.03 });
  });

  it('the other metrics put the right systems first and last', () => {
    const ends = (id: FundingMetricId) => [ranked(id)[0]?.id, ranked(id).at(-1)?.id];
    expect(ends('core-per-head-2024-25')).toEqual(['cheshire-and-merseyside', 'buckinghamshire-oxfordshire-and-berkshire-west']);
    expect(ends('core-recurrent-growth')).toEqual(['bath-swindon-and-wiltshire', 'north-east-and-north-cumbria']);
  });

  it('shares places exactly where the data layer’s ranks do', () => {
    for (const id of FUNDING_METRIC_IDS) {
      const order = ranked(id);
      for (const entry of order) {
        const position = 1 + order.filter((other) => other.value > entry.value).length;
        expect(data.funding.bySystem.get(entry.id)?.ranks[id].position, `${id} ${entry.id}`).toBe(position);
      }
    }
  });

  it('labels fit a Discord choice and say the year and unit', () => {
    for (const id of FUNDING_METRIC_IDS) {
      const metric = FUNDING_METRICS[id];
      expect(metric.id).toBe(id);
      expect(metric.label.length).toBeLessThanOrEqual(100);
      expect(metric.label).toMatch(/20\d\d\/\d\d.*\((%|£)\)$/);
    }
  });
});
