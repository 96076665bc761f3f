import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DataError } from '../src/data/data-error.ts';
import { DEFAULT_DATA_DIR, loadDataset } from '../src/data/load.ts';

const data = loadDataset();
const byId = (id: string) => {
  const s = data.byId.get(id);
  if (s === undefined) throw new Error(`no system ${id}`);
  return s;
};

/** A copy of data/ with one file edited, for proving bad data is refused. */
function corruptCopy(file: string, edit: (json: Record<string, unknown>) => void): string {
  const dir = mkdtempSync(join(tmpdir(), 'ics-data-'));
  cpSync(DEFAULT_DATA_DIR, dir, { recursive: true });
  const json = JSON.parse(readFileSync(join(dir, file), 'utf8')) as Record<string, unknown>;
  edit(json);
  writeFileSync(join(dir, file), JSON.stringify(json));
  return dir;
}

describe('regions', () => {
  it('has the 7 NHS England regions with the right number of systems', () => {
    expect(Object.fromEntries(data.regions.map((r) => [r.region, r.systems.length]))).toEqual({
      'North East and Yorkshire': 4,
      'North West': 3,
      Midlands: 11,
      'East of England': 6,
      London: 5,
      'South East': 6,
      'South West': 7,
    });
  });

  it('keeps the survey heading where it differs from the real region', () => {
    expect(byId('coventry-and-warwickshire').publishedHeading).toBe('North West');
    expect(byId('north-west-london').publishedHeading).toBe('South East');
    const london = data.regions.find((r) => r.region === 'London');
    expect(london?.publishedHeadings).toEqual(['South East']);
  });
});

describe('England totals', () => {
  it('holds the published row and compares the 42 rows with it', () => {
    expect(data.england.population.people).toBe(61_500_000);
    expect(data.england.allocation.gbpBillions).toBe(94.6);
    expect(data.england.spendPerHead.gbp).toBe(1538);
    const [pop, alloc] = data.totals;
    expect(pop?.missing).toBe(1); // Shropshire, Telford and Wrekin prints no population
    expect(alloc?.summed).toBeCloseTo(
      data.systems.reduce((a, s) => a + (s.allocation.gbpBillions ?? 0), 0),
      9,
    );
    expect(alloc?.differenceShare).toBeCloseTo(((alloc?.summed ?? 0) - 94.6) / 94.6, 9);
  });
});

describe('consistency checks computed at load', () => {
  const flagged = (kind: string) =>
    data.systems
      .filter((s) => s.anomalies.some((a) => a.kind === kind))
      .map((s) => s.id)
      .sort();

  it('finds every row where population × spend per head misses the allocation by more than 3%', () => {
    expect(flagged('product-mismatch')).toEqual(
      [
        'bristol-north-somerset-and-south-gloucestershire',
        'cheshire-and-merseyside',
        'derbyshire',
        'greater-manchester',
        'northamptonshire',
        'staffordshire-and-stoke-on-trent',
        'surrey-heartlands',
      ].sort(),
    );
  });

  it('flags the missing population and gives the implied one', () => {
    const stw = byId('shropshire-telford-and-wrekin');
    expect(stw.population.people).toBeNull();
    const missing = stw.anomalies.find((a) => a.kind === 'missing-figure');
    // 0.827 has three significant figures, so the implied population is given to three: 523,000, not 522,756.
    expect(missing?.implied.population).toBe(523_000);
    expect(missing?.note).toContain('about 523,000 people');
  });

  it('flags the repeated allocation only on the row it does not fit (West Yorkshire’s row adds up)', () => {
    expect(flagged('repeated-allocation')).toEqual(['cheshire-and-merseyside']);
    expect(byId('west-yorkshire-and-harrogate').anomalies).toEqual([]);
  });

  it('tells a printing slip from an inconsistency', () => {
    expect(byId('nottingham-and-nottinghamshire').anomalies.map((a) => a.severity)).toEqual(['printing-slip']);
    expect(byId('staffordshire-and-stoke-on-trent').anomalies.map((a) => a.severity)).toEqual(['inconsistency']);
  });

  it('flags Nottingham’s population printed without a unit', () => {
    expect(flagged('unit-missing')).toEqual(['nottingham-and-nottinghamshire']);
  });

  it('never overwrites a published figure', () => {
    const cm = byId('cheshire-and-merseyside');
    expect(cm.allocation.gbpBillions).toBe(4.018);
    expect(cm.figures.allocationGbpBillions).toBe(4.018);
    const mismatch = cm.anomalies.find((a) => a.kind === 'product-mismatch');
    // 2.7m has two significant figures: the implied allocation is about £4.8bn, and the note says "about".
    expect(mismatch?.implied.allocationGbpBillions).toBeCloseTo(4.8, 6);
    expect(mismatch?.note).toMatch(/about £4\.8bn/);
    expect(mismatch?.note).toMatch(/about 2\.27m people/);
  });
});

describe('structured readings of the tricky rows', () => {
  it('Lancashire: a £90–£100m range after a £370m system gap', () => {
    const p = byId('lancashire-and-south-cumbria').position;
    expect(p.status).toBe('financial-gap');
    expect(p.range).toEqual({ lowGbpM: 90, highGbpM: 100 });
    expect(p.earlier.map((e) => e.gbpM)).toContain(370);
    expect(byId('lancashire-and-south-cumbria').figures.deficitIsRangeMidpoint).toBe(true);
  });

  it('Derbyshire: the deficit after efficiencies, with the planned figure before them', () => {
    const p = byId('derbyshire').position;
    expect(p.amountGbpM).toBe(89.9);
    expect([...p.earlier, ...p.otherFigures].map((e) => e.gbpM)).toContain(196.8);
  });

  it('Cambridgeshire: projected break-even', () => {
    const p = byId('cambridgeshire-and-peterborough').position;
    expect(p.status).toBe('break-even');
    expect(p.amountGbpM).toBe(0);
  });

  it('Greater Manchester: not known', () => {
    const s = byId('greater-manchester');
    expect(s.position.status).toBe('not-published');
    expect(s.figures.deficitGbpM).toBeNull();
  });

  it('Kent: only the £85m is Kent’s; the £693m is the South East region’s', () => {
    const s = byId('kent-and-medway');
    expect(s.position.amountGbpM).toBe(85);
    expect(s.figures.deficitGbpM).toBe(85);
    expect(s.position.otherFigures.find((f) => f.gbpM === 693)?.label).toMatch(/South East/);
  });

  it('Nottingham: £96.7m for the system, £59.7m of it attributed to NUH', () => {
    const p = byId('nottingham-and-nottinghamshire').position;
    expect(p.amountGbpM).toBe(96.7);
    expect(p.otherFigures.find((f) => f.gbpM === 59.7)?.label).toMatch(/NUH/);
  });

  it('North West London: £94m, an improvement on an earlier £300m', () => {
    const p = byId('north-west-london').position;
    expect(p.amountGbpM).toBe(94);
    expect(p.earlier.map((e) => e.gbpM)).toContain(300);
  });

  it('derives deficit share and per head from the published figures', () => {
    // Devon: a £104m deficit on a £2.06bn allocation and 1.27m people is 5.05% of its allocation and £81.89 a head.
    const devon = byId('devon');
    expect(devon.figures.deficitSharePct).toBeCloseTo(5.05, 2);
    expect(devon.figures.deficitPerHeadGbp).toBeCloseTo(81.89, 2);
    // No population published: no per-head figure, rather than one divided by zero or by a guess.
    const shropshire = byId('shropshire-telford-and-wrekin');
    expect(shropshire.figures.population).toBeNull();
    expect(shropshire.figures.deficitPerHeadGbp).toBeNull();
    expect(byId('bedfordshire-luton-and-milton-keynes').figures.deficitGbpM).toBeNull(); // an efficiency ask is not a deficit
  });
});

describe('ranks', () => {
  it('ranks every system with a figure among the 42 and within its region', () => {
    const nenc = byId('north-east-and-north-cumbria');
    expect(nenc.ranks.allocation?.england).toEqual({ position: 1, of: 42, joint: false }); // £5.488bn, the largest allocation
    expect(nenc.ranks.allocation?.region.position).toBe(1);
    expect(nenc.ranks.allocation?.region.of).toBe(data.systems.filter((s) => s.region === nenc.region).length);
    expect(byId('shropshire-telford-and-wrekin').ranks.population).toBeUndefined();
    const ranked = data.systems.filter((s) => s.ranks['spend-per-head'] !== undefined);
    expect(ranked).toHaveLength(42);
    expect(new Set(ranked.map((s) => s.ranks['spend-per-head']?.england.position)).size).toBeGreaterThan(35);
  });
});

describe('bad data refuses to load with a message naming the field', () => {
  it('names the path of a wrongly typed figure', () => {
    const dir = corruptCopy('survey.json', (json) => {
      const systems = json['systems'] as Array<{ allocation: { gbpBillions: unknown } }>;
      const row = systems[12];
      if (row !== undefined) row.allocation.gbpBillions = 'lots';
    });
    expect(() => loadDataset(dir)).toThrow(DataError);
    expect(() => loadDataset(dir)).toThrow(/systems\[12\]\.allocation\.gbpBillions: .*expected number/);
  });

  it('names a region that is not one of the seven', () => {
    const dir = corruptCopy('survey.json', (json) => {
      const systems = json['systems'] as Array<{ region: string }>;
      const row = systems[0];
      if (row !== undefined) row.region = 'Yorkshire';
    });
    expect(() => loadDataset(dir)).toThrow(/systems\[0\]\.region/);
  });

  it('refuses aliases for a system that does not exist', () => {
    const dir = corruptCopy('aliases.json', (json) => {
      json['atlantis'] = { abbreviations: [], brands: [], places: ['Atlantis'], otherNames: [] };
    });
    expect(() => loadDataset(dir)).toThrow(/aliases\.json\.atlantis/);
  });

  it('refuses a fact citing an unknown source', () => {
    const dir = corruptCopy('context.json', (json) => {
      const facts = json['facts'] as Array<{ sourceId: string }>;
      const fact = facts[0];
      if (fact !== undefined) fact.sourceId = 'nowhere';
    });
    expect(() => loadDataset(dir)).toThrow(/facts\[0\]\.sourceId/);
  });
});
