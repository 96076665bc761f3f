import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isWholeMerger, type ChangesModel } from '../src/data/changes.ts';
import { parseChanges } from '../src/data/changes-parse.ts';
import { DataError } from '../src/data/data-error.ts';

// The 42 survey system ids with their 2022 ODS codes (briefs/ids.md, from NHS England's allocations workbook).
const ODS_2022: Readonly<Record<string, string>> = {
  'humber-and-north-yorkshire': 'QOQ',
  'north-east-and-north-cumbria': 'QHM',
  'south-yorkshire-and-bassetlaw': 'QF7',
  'west-yorkshire-and-harrogate': 'QWO',
  'cheshire-and-merseyside': 'QYG',
  'greater-manchester': 'QOP',
  'lancashire-and-south-cumbria': 'QE1',
  'coventry-and-warwickshire': 'QWU',
  'herefordshire-and-worcestershire': 'QGH',
  derbyshire: 'QJ2',
  'leicester-leicestershire-and-rutland': 'QK1',
  lincolnshire: 'QJM',
  'birmingham-and-solihull': 'QHL',
  northamptonshire: 'QPM',
  'nottingham-and-nottinghamshire': 'QT1',
  'shropshire-telford-and-wrekin': 'QOC',
  'black-country': 'QUA',
  'staffordshire-and-stoke-on-trent': 'QNC',
  'bedfordshire-luton-and-milton-keynes': 'QHG',
  'cambridgeshire-and-peterborough': 'QUE',
  'hertfordshire-and-west-essex': 'QM7',
  'mid-and-south-essex': 'QH8',
  'norfolk-and-waveney': 'QMM',
  'suffolk-and-north-east-essex': 'QJG',
  'bath-swindon-and-wiltshire': 'QOX',
  'bristol-north-somerset-and-south-gloucestershire': 'QUY',
  'cornwall-and-isles-of-scilly': 'QT6',
  devon: 'QJK',
  dorset: 'QVV',
  gloucestershire: 'QR1',
  somerset: 'QSL',
  'buckinghamshire-oxfordshire-and-berkshire-west': 'QU9',
  frimley: 'QNQ',
  'hampshire-and-isle-of-wight': 'QRL',
  'kent-and-medway': 'QKS',
  'surrey-heartlands': 'QXU',
  sussex: 'QNX',
  'north-central-london': 'QMJ',
  'north-east-london': 'QMF',
  'north-west-london': 'QRV',
  'south-east-london': 'QKK',
  'south-west-london': 'QWE',
};
const SYSTEM_IDS: ReadonlySet<string> = new Set(Object.keys(ODS_2022));
const CLOSED_ON_31_MARCH_2026 = ['QHG', 'QUE', 'QM7', 'QH8', 'QJG', 'QMM', 'QNQ', 'QU9', 'QXU', 'QNX', 'QMJ', 'QRV'];

const dataUrl = new URL('../data/changes.json', import.meta.url);
const noteUrl = new URL('../data/sources/icb-changes-2022-2026.md', import.meta.url);
const raw = JSON.parse(readFileSync(dataUrl, 'utf8')) as unknown;
const changes: ChangesModel = parseChanges(raw, SYSTEM_IDS);

interface MutablePredecessor {
  systemId: string;
  passedOver: string;
  part?: string;
  populationShare?: { share: number };
}
interface MutableFile {
  icbCountSince: { count: number };
  successors: Array<{ id: string; odsCode: string; aliases: string[]; sourceIds: string[]; predecessors: MutablePredecessor[] }>;
  abolished: Array<{ systemId: string; successorIds: string[] }>;
}
/** A deep copy of the real file to break in one place. */
function mutated(edit: (file: MutableFile) => void): unknown {
  const copy = structuredClone(raw) as MutableFile;
  edit(copy);
  return copy;
}
function successorIndex(file: MutableFile, id: string): number {
  const i = file.successors.findIndex((s) => s.id === id);
  if (i < 0) throw new Error(`test setup: no successor ${id}`);
  return i;
}
function rejection(bad: unknown): string {
  try {
    parseChanges(bad, SYSTEM_IDS);
  } catch (error) {
    expect(error).toBeInstanceOf(DataError);
    return (error as DataError).message;
  }
  throw new Error('expected parseChanges to reject the data');
}

describe('the 2026 successor ICBs', () => {
  it('has the 6 new bodies and the expanded Hampshire and Isle of Wight, with their verified ODS codes', () => {
    const codes = Object.fromEntries(changes.successors.map((s) => [s.id, s.odsCode]));
    expect(codes).toEqual({
      'central-east': 'S1Y5D',
      essex: 'D7T5G',
      'norfolk-and-suffolk': 'T6Y0W',
      'west-and-north-london': 'Z9B2Z',
      'surrey-and-sussex': 'S9B9J',
      'thames-valley': 'S0E4D',
      'hampshire-and-isle-of-wight': 'QRL',
    });
    expect(changes.successors.filter((s) => s.kind === 'new-body')).toHaveLength(6);
    expect(changes.successor('thames-valley')?.name).toBe('NHS Thames Valley Integrated Care Board');
  });

  it('marks the ONS codes that rest on one source', () => {
    const confidence = Object.fromEntries(changes.successors.map((s) => [s.id, `${s.onsCode} ${s.onsCodeConfidence}`]));
    expect(confidence).toEqual({
      'central-east': 'E54000065 verified',
      essex: 'E54000066 single-source',
      'norfolk-and-suffolk': 'E54000068 verified',
      'west-and-north-london': 'E54000071 verified',
      'surrey-and-sussex': 'E54000069 single-source',
      'thames-valley': 'E54000070 single-source',
      'hampshire-and-isle-of-wight': 'E54000067 verified',
    });
  });

  it('knows the working names and labels users type', () => {
    expect(changes.successor('west-and-north-london')?.aliases).toContain('North West and North Central London');
    expect(changes.successor('essex')?.aliases).toContain('Greater Essex');
    expect(changes.successor('hampshire-and-isle-of-wight')?.aliases).toContain('Hampshire and the Isle of Wight');
    expect(changes.successor('thames-valley')?.aliases).toEqual(expect.arrayContaining(['Thames Valley ICB', 'NHS Thames Valley']));
  });

  it('treats West and North London as a whole merger of North Central and North West London', () => {
    const wnl = changes.successor('west-and-north-london');
    if (wnl === undefined) throw new Error('missing west-and-north-london');
    expect(isWholeMerger(wnl)).toBe(true);
    expect(
      changes
        .predecessorsOf('west-and-north-london')
        .map((p) => p.systemId)
        .sort(),
    ).toEqual(['north-central-london', 'north-west-london']);
  });

  it('does not treat Thames Valley as a whole merger: it took only part of Frimley', () => {
    const tv = changes.successor('thames-valley');
    if (tv === undefined) throw new Error('missing thames-valley');
    expect(isWholeMerger(tv)).toBe(false);
    expect(changes.predecessorsOf('thames-valley').find((p) => p.systemId === 'frimley')).toMatchObject({
      passedOver: 'part',
      part: 'East Berkshire (Slough, Bracknell Forest, Windsor and Maidenhead)',
      populationShare: { share: 0.589 },
    });
  });

  it('splits Frimley three ways and records it as abolished', () => {
    const fate = changes.fateOf('frimley');
    if (fate.change !== 'abolished') throw new Error(`frimley should be abolished, got ${fate.change}`);
    expect(fate.abolishedOn).toBe('2026-03-31');
    const parts = Object.fromEntries(fate.successors.map((h) => [h.successor.id, `${h.passedOver}: ${h.part}`]));
    expect(parts).toEqual({
      'thames-valley': 'part: East Berkshire (Slough, Bracknell Forest, Windsor and Maidenhead)',
      'surrey-and-sussex': 'part: Surrey Heath and Farnham',
      'hampshire-and-isle-of-wight': 'part: Rushmoor and part of Hart (Farnborough, Aldershot, Fleet area)',
    });
  });

  it('keeps Hampshire and Isle of Wight as the same body with a wider boundary', () => {
    const fate = changes.fateOf('hampshire-and-isle-of-wight');
    if (fate.change !== 'boundary-change') throw new Error(`expected boundary-change, got ${fate.change}`);
    expect(fate.body.odsCode).toBe('QRL');
    expect(fate.body.previousOnsCode).toBe('E54000042');
    expect(fate.gained.map((p) => `${p.systemId} ${p.passedOver}`)).toEqual(['frimley part']);
  });

  it('abolished exactly the 12 ICBs whose ODS codes closed on 31 March 2026', () => {
    const abolishedCodes = changes.abolished.map((a) => ODS_2022[a.systemId]).sort();
    expect(abolishedCodes).toEqual([...CLOSED_ON_31_MARCH_2026].sort());
    for (const a of changes.abolished) expect(a.odsCode, a.systemId).toBe(ODS_2022[a.systemId]);
    const gone = [...SYSTEM_IDS].filter((id) => changes.fateOf(id).change === 'abolished');
    expect(gone.map((id) => ODS_2022[id]).sort()).toEqual([...CLOSED_ON_31_MARCH_2026].sort());
  });

  it('leaves the other 29 systems unchanged', () => {
    const unchanged = [...SYSTEM_IDS].filter((id) => changes.fateOf(id).change === 'unchanged');
    expect(unchanged).toHaveLength(29);
    expect(unchanged).toContain('devon');
    expect(unchanged).not.toContain('hampshire-and-isle-of-wight');
  });

  it('counts 42 − 12 + 6 = 36 ICBs since 1 April 2026', () => {
    expect(SYSTEM_IDS.size - changes.abolished.length + 6).toBe(36);
    expect(changes.currentIcbCount()).toBe(36);
    expect(changes.file.icbCountSince.date).toBe('2026-04-01');
  });

  it('refuses ids that are not survey systems or successors', () => {
    expect(() => changes.fateOf('frimly')).toThrow(/frimly/);
    expect(() => changes.predecessorsOf('greater-essex')).toThrow(/greater-essex/);
  });

  it('transcribes every code from the committed source note', () => {
    const note = readFileSync(noteUrl, 'utf8');
    for (const s of changes.successors) {
      expect(note, s.id).toContain(s.odsCode);
      expect(note, s.id).toContain(s.onsCode ?? 'missing ONS code');
    }
    for (const code of [...changes.file.closedOdsCodes.codes, ...changes.file.retiredOnsCodes.codes]) expect(note).toContain(code);
    for (const source of changes.sources) expect(note, source.id).toContain(`\`${source.id}\``);
  });
});

describe('parseChanges rejects broken data', () => {
  it('names the path of a predecessor id that does not exist', () => {
    let path = '';
    const bad = mutated((file) => {
      const i = successorIndex(file, 'thames-valley');
      const j = file.successors[i]?.predecessors.findIndex((p) => p.systemId === 'frimley') ?? -1;
      const predecessor = file.successors[i]?.predecessors[j];
      if (predecessor === undefined) throw new Error('test setup: no frimley predecessor');
      predecessor.systemId = 'frimly';
      path = `successors[${i}].predecessors[${j}].systemId`;
    });
    expect(rejection(bad)).toContain(`${path}: "frimly" is not one of the 42 survey systems`);
  });

  it('requires the part to be named when only part passed over', () => {
    let path = '';
    const bad = mutated((file) => {
      const i = successorIndex(file, 'central-east');
      const j = file.successors[i]?.predecessors.findIndex((p) => p.passedOver === 'part') ?? -1;
      delete file.successors[i]?.predecessors[j]?.part;
      path = `successors[${i}].predecessors[${j}].part`;
    });
    expect(rejection(bad)).toContain(`${path}: required when passedOver is "part"`);
  });

  it('requires an abolished system and its successors to name each other', () => {
    const bad = mutated((file) => {
      const frimley = file.abolished.find((a) => a.systemId === 'frimley');
      if (frimley) frimley.successorIds = frimley.successorIds.filter((id) => id !== 'hampshire-and-isle-of-wight');
    });
    expect(rejection(bad)).toMatch(/missing "hampshire-and-isle-of-wight", which lists "frimley"/);
  });

  it('rejects a split system with only one part accounted for', () => {
    const bad = mutated((file) => {
      const i = successorIndex(file, 'hampshire-and-isle-of-wight');
      const hiow = file.successors[i];
      if (hiow) hiow.predecessors = hiow.predecessors.filter((p) => p.systemId !== 'frimley');
      const sas = file.successors[successorIndex(file, 'surrey-and-sussex')];
      if (sas) sas.predecessors = sas.predecessors.filter((p) => p.systemId !== 'frimley');
      file.abolished = file.abolished.map((a) => (a.systemId === 'frimley' ? { ...a, successorIds: ['thames-valley'] } : a));
    });
    const message = rejection(bad);
    expect(message).toMatch(/only one part of "frimley" is accounted for/);
    expect(message).toMatch(/the parts of "frimley" add up to 0\.589, not 1/);
  });

  it('rejects a system that passed over but is not listed as abolished', () => {
    const bad = mutated((file) => {
      file.abolished = file.abolished.filter((a) => a.systemId !== 'north-west-london');
    });
    const message = rejection(bad);
    expect(message).toMatch(/"north-west-london" passed .* but is not listed as abolished/);
    expect(message).toMatch(/closedOdsCodes\.codes\[\d+\]: "QRV" belongs to no abolished system/);
  });

  it('rejects a new body labelled with a closed predecessor code (the placeholder trap)', () => {
    const bad = mutated((file) => {
      const s = file.successors[successorIndex(file, 'surrey-and-sussex')];
      if (s) s.odsCode = 'QJG';
    });
    expect(rejection(bad)).toMatch(/successors\[\d+\]\.odsCode: "QJG" was closed on 2026-03-31/);
  });

  it('accepts 3- and 5-character ODS codes only', () => {
    const bad = mutated((file) => {
      const s = file.successors[successorIndex(file, 'essex')];
      if (s) s.odsCode = 'D7T5';
    });
    expect(rejection(bad)).toMatch(/odsCode: must be a 3- or 5-character ODS code/);
  });

  it('rejects an ICB count that does not follow from the records', () => {
    const bad = mutated((file) => {
      file.icbCountSince.count = 26;
    });
    expect(rejection(bad)).toContain('icbCountSince.count: 26, but 42 − 12 abolished + 6 new = 36');
  });

  it('rejects an alias that already names another body, so search stays unambiguous', () => {
    const bad = mutated((file) => {
      file.successors[successorIndex(file, 'essex')]?.aliases.push('central east');
    });
    expect(rejection(bad)).toMatch(/successors\[\d+\]\.aliases\[\d+\]: "central east" already names central-east/);
  });

  it('rejects a citation of a source that is not listed', () => {
    const bad = mutated((file) => {
      file.successors[successorIndex(file, 'thames-valley')]?.sourceIds.push('bbc-news-2099');
    });
    expect(rejection(bad)).toMatch(/successors\[\d+\]\.sourceIds\[\d+\]: "bbc-news-2099" is not in sources/);
  });
});
