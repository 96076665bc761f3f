import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DataError } from '../src/data/data-error.ts';
import { loadFunding } from '../src/data/funding-load.ts';
import { parseFundingSource } from '../src/data/funding-parse.ts';
import { fundingTotals } from '../src/data/funding-totals.ts';
import { describeDistance, describeDistanceTrend } from '../src/views/funding-prose.ts';

const csvText = readFileSync(new URL('../data/sources/nhse-icb-allocations-2023-24-to-2024-25.csv', import.meta.url), 'utf8');
const metaText = readFileSync(new URL('../data/funding-source.json', import.meta.url), 'utf8');
const meta = (): unknown => JSON.parse(metaText);

// The fixed ids and ODS codes of the 42 systems (from the project's ids list), independent of the CSV.
const ODS_BY_SYSTEM_ID: ReadonlyMap<string, string> = new Map([
  ['humber-and-north-yorkshire', 'QOQ'],
  ['north-east-and-north-cumbria', 'QHM'],
  ['south-yorkshire-and-bassetlaw', 'QF7'],
  ['west-yorkshire-and-harrogate', 'QWO'],
  ['cheshire-and-merseyside', 'QYG'],
  ['greater-manchester', 'QOP'],
  ['lancashire-and-south-cumbria', 'QE1'],
  ['coventry-and-warwickshire', 'QWU'],
  ['herefordshire-and-worcestershire', 'QGH'],
  ['derbyshire', 'QJ2'],
  ['leicester-leicestershire-and-rutland', 'QK1'],
  ['lincolnshire', 'QJM'],
  ['birmingham-and-solihull', 'QHL'],
  ['northamptonshire', 'QPM'],
  ['nottingham-and-nottinghamshire', 'QT1'],
  ['shropshire-telford-and-wrekin', 'QOC'],
  ['black-country', 'QUA'],
  ['staffordshire-and-stoke-on-trent', 'QNC'],
  ['bedfordshire-luton-and-milton-keynes', 'QHG'],
  ['cambridgeshire-and-peterborough', 'QUE'],
  ['hertfordshire-and-west-essex', 'QM7'],
  ['mid-and-south-essex', 'QH8'],
  ['norfolk-and-waveney', 'QMM'],
  ['suffolk-and-north-east-essex', 'QJG'],
  ['bath-swindon-and-wiltshire', 'QOX'],
  ['bristol-north-somerset-and-south-gloucestershire', 'QUY'],
  ['cornwall-and-isles-of-scilly', 'QT6'],
  ['devon', 'QJK'],
  ['dorset', 'QVV'],
  ['gloucestershire', 'QR1'],
  ['somerset', 'QSL'],
  ['buckinghamshire-oxfordshire-and-berkshire-west', 'QU9'],
  ['frimley', 'QNQ'],
  ['hampshire-and-isle-of-wight', 'QRL'],
  ['kent-and-medway', 'QKS'],
  ['surrey-heartlands', 'QXU'],
  ['sussex', 'QNX'],
  ['north-central-london', 'QMJ'],
  ['north-east-london', 'QMF'],
  ['north-west-london', 'QRV'],
  ['south-east-london', 'QKK'],
  ['south-west-london', 'QWE'],
]);

const funding = loadFunding(csvText, ODS_BY_SYSTEM_ID);
const get = (systemId: string) => {
  const f = funding.get(systemId);
  if (f === undefined) throw new Error(`no funding for ${systemId}`);
  return f;
};

function loadError(csv: string, map = ODS_BY_SYSTEM_ID): DataError {
  try {
    loadFunding(csv, map);
  } catch (error) {
    if (error instanceof DataError) return error;
    throw error;
  }
  throw new Error('expected loadFunding to throw a DataError');
}

const lines = csvText.trimEnd().split('\n');
const withLines = (edit: (lines: string[]) => string[]) => `${edit([...lines]).join('\n')}\n`;

describe('the copied source', () => {
  it('is byte-for-byte the table the README describes (42 rows plus header)', () => {
    expect(createHash('sha256').update(csvText).digest('hex')).toBe('5a4aee7ee50526976188c6a026493c77c70d925fb4051c3a7170cfa6e90afbdb');
    expect(lines).toHaveLength(43);
  });

  it('has the workbook metadata as published', () => {
    const source = parseFundingSource(meta());
    expect(source.title).toBe('Allocation of resources 2023/24 to 2024/25');
    expect(source.publisher).toBe('NHS England');
    expect(source.version).toBe('v1.2');
    expect(source.note).toBe('Revised to reflect additional impact of final 2023/24 pay award');
    expect(source.england.core_2023_24_recurrent_k.valueK).toBe(101_260_119);
  });
});

describe('loadFunding joins by ODS code', () => {
  it('joins all 42 systems, each to the row with its own ODS code', () => {
    expect([...funding.keys()].sort()).toEqual([...ODS_BY_SYSTEM_ID.keys()].sort());
    for (const [systemId, ods] of ODS_BY_SYSTEM_ID) expect(get(systemId).published.ods).toBe(ods);
  });

  it("sums the 42 core 2023/24 recurrent allocations to the workbook's England total", () => {
    const sum = [...funding.values()].reduce((total, f) => total + f.published.core_2023_24_recurrent_k, 0);
    expect(sum).toBe(101_260_119);
    const england = fundingTotals(funding, parseFundingSource(meta()));
    expect(england.core2023_24Recurrent).toEqual({
      summedK: 101_260_119,
      publishedK: 101_260_119,
      differenceK: 0,
      published: '101,260,119',
    });
    expect(england.systemCount).toBe(42);
  });
});

describe('figures for one system above and one below target match their CSV rows', () => {
  it('South East London (QKK): above its fair-shares target', () => {
    const f = get('south-east-london');
    expect(f.published).toMatchObject({
      icb_name: 'NHS South East London ICB',
      region: 'London',
      core_2022_23_distance_from_target_pct: 8.18,
      core_2023_24_recurrent_k: 3_437_838,
      core_2024_25_recurrent_k: 3_515_321,
      core_2024_25_recurrent_per_head_gbp: 1695.5,
      core_2024_25_distance_from_target_after_convergence_pct: 5.94,
      core_2023_24_combined_k: 3_556_918.5,
      running_cost_allowance_2023_24_k: 36_199,
      running_cost_allowance_2025_26_k: 27_043,
    });
    // 3,515,321 / 3,437,838 − 1; 3,614,212.2 / 3,556,918.5 − 1; 1 − 29,669 / 36,199; 1 − 27,043 / 36,199
    expect(f.measures.coreRecurrentGrowthPct).toBeCloseTo(2.25383, 4);
    expect(f.measures.combinedGrowthPct).toBeCloseTo(1.61077, 4);
    expect(f.measures.runningCostCutPct2023_24To2024_25).toBeCloseTo(18.03917, 4);
    expect(f.measures.runningCostCutPct2023_24To2025_26).toBeCloseTo(25.29352, 4);
    expect(f.measures.corePerHeadGbp2024_25).toBe(1695.5);
    expect(describeDistance(f.measures.distanceFromTargetPct2022_23)).toBe('8.2% above its fair-shares target');
    expect(describeDistanceTrend(f.measures)).toBe('8.2% above its fair-shares target in 2022/23; 5.9% above after 2024/25 convergence');
  });

  it('Birmingham and Solihull (QHL): below its fair-shares target', () => {
    const f = get('birmingham-and-solihull');
    expect(f.published).toMatchObject({
      core_2022_23_distance_from_target_pct: -3.41,
      core_2023_24_distance_from_target_after_convergence_pct: -3.22,
      core_2024_25_distance_from_target_after_convergence_pct: -3.03,
      core_2023_24_recurrent_k: 2_504_514,
      core_2024_25_recurrent_k: 2_592_669,
      primary_medical_2024_25_per_head_gbp: 182,
    });
    expect(f.measures.coreRecurrentGrowthPct).toBeCloseTo(3.51984, 4);
    expect(f.measures.distanceFromTargetPctAfter2023_24Convergence).toBe(-3.22);
    expect(describeDistance(f.measures.distanceFromTargetPct2022_23)).toBe('3.4% below its fair-shares target');
    expect(describeDistanceTrend(f.measures)).toBe('3.4% below its fair-shares target in 2022/23; 3.0% below after 2024/25 convergence');
  });
});

describe('England', () => {
  const england = fundingTotals(funding, parseFundingSource(meta()));

  it('computes growth and the running-cost cut from the sums of the 42 rows', () => {
    expect(england.summedK.core_2024_25_recurrent_k).toBe(103_817_368);
    expect(england.changes.coreRecurrentGrowthPct).toBeCloseTo(2.52543, 4);
    expect(england.summedK.running_cost_allowance_2025_26_k).toBe(828_299);
    expect(england.changes.runningCostCutPct2023_24To2025_26).toBeCloseTo(25.29501, 4);
  });

  it('derives a per-head figure from implied populations and labels it derived', () => {
    expect(england.derivedPerHead.core2023_24.gbp).toBeCloseTo(1635.78, 1);
    expect(england.derivedPerHead.core2023_24.impliedPopulation).toBeCloseTo(61_903_384, -2);
    expect(england.derivedPerHead.label).toMatch(/derived/);
    expect(england.derivedPerHead.label).toMatch(/not a published figure/);
  });
});

describe('describeDistance', () => {
  it('says above, below or at, to one decimal with no space before % (as src/format/numbers.ts writes it)', () => {
    expect(describeDistance(4.2)).toBe('4.2% above its fair-shares target');
    expect(describeDistance(-1.3)).toBe('1.3% below its fair-shares target');
    expect(describeDistance(0)).toBe('at its fair-shares target');
    // Within 0.05 of target reads as "at" at one decimal, rather than "0.0% above".
    expect(describeDistance(0.01)).toBe('at its fair-shares target');
    expect(describeDistance(-0.02)).toBe('at its fair-shares target');
    expect(describeDistance(-0.43)).toBe('0.4% below its fair-shares target');
  });

  it('refuses a non-number', () => {
    expect(() => describeDistance(Number.NaN)).toThrow(RangeError);
  });
});

describe('loadFunding refuses bad data with a message naming the problem', () => {
  it('an unknown ODS code', () => {
    const csv = csvText.replace('\nQKK,', '\nQZZ,');
    const { message } = loadError(csv);
    expect(message).toContain('row 28: ODS code "QZZ" matches none of the systems');
    expect(message).toContain('system "south-east-london" (ODS "QKK") has no row');
  });

  it('a system with no row', () => {
    const { message } = loadError(withLines((l) => l.filter((line) => !line.startsWith('QHL,'))));
    expect(message).toContain('system "birmingham-and-solihull" (ODS "QHL") has no row');
  });

  it('a repeated ODS code', () => {
    const qkk = lines.find((line) => line.startsWith('QKK,')) ?? '';
    const { message } = loadError(withLines((l) => [...l, qkk]));
    expect(message).toContain('ODS code "QKK" is repeated (rows 28 and 43)');
  });

  it('two systems given the same ODS code', () => {
    const map = new Map(ODS_BY_SYSTEM_ID);
    map.set('devon', 'QSL');
    expect(loadError(csvText, map).message).toContain('systems "devon" and "somerset" both have ODS code "QSL"');
  });

  it('a missing column, naming the row and the column', () => {
    // The last column has no quoted commas before it to trip a naive split, so it can be cut with a regex.
    const { message } = loadError(withLines((l) => l.map((line) => line.replace(/,[^,]*$/, ''))));
    expect(message).toContain('row 1, ODS "QOQ"');
    expect(message).toContain('running_cost_allowance_2025_26_k: missing column');
  });

  it('an unknown column, naming the row and the column', () => {
    const { message } = loadError(withLines((l) => l.map((line, i) => `${line},${i === 0 ? 'extra_column' : '1'}`)));
    expect(message).toContain('row 1, ODS "QOQ"');
    expect(message).toContain('unknown column(s): "extra_column"');
  });

  it('a column named twice in the header', () => {
    const csv = csvText.replace('core_2023_24_total_k', 'core_2023_24_combined_k');
    expect(loadError(csv).message).toContain('column "core_2023_24_combined_k" appears more than once');
  });

  it('a cell that is not a number where the README says number', () => {
    const csv = csvText.replace('2504514,1589.4,', '2504514,n/a,');
    const { message } = loadError(csv);
    expect(message).toContain('row 8, ODS "QHL"');
    expect(message).toContain('core_2023_24_recurrent_per_head_gbp: must be a number, got "n/a"');
    expect(loadError(csvText.replace('2504514,1589.4,', '2504514,,')).message).toContain('must be a number, got ""');
  });

  it('metadata with no label for a CSV column', () => {
    const broken = JSON.parse(metaText) as { columns: Record<string, unknown> };
    delete broken.columns.core_2023_24_total_k;
    expect(() => parseFundingSource(broken)).toThrow(DataError);
    expect(() => parseFundingSource(broken)).toThrow('columns.core_2023_24_total_k: no label for this CSV column');
  });
});
