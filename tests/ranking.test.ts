import { describe, expect, it } from 'vitest';
import { METRICS, METRIC_IDS } from '../src/data/metrics.ts';
import { rankBy } from '../src/data/ranking.ts';
import { formatMetric } from '../src/views/metric-format.ts';
import { testApp } from './support/app.ts';

interface Row {
  name: string;
  value: number | null;
}

const rows = (...values: Array<[string, number | null]>): Row[] => values.map(([name, value]) => ({ name, value }));
const byName = (a: Row, b: Row) => a.name.localeCompare(b.name);
const places = (ranked: ReturnType<typeof rankBy<Row>>) => ranked.entries.map((e) => `${e.rank.joint ? '=' : ''}${e.rank.position} ${e.item.name}`);

describe('rankBy, the one ranking', () => {
  it('ranks only those with a figure, and says how many that is', () => {
    const ranked = rankBy(rows(['a', 3], ['b', null], ['c', 5]), (r) => r.value, 'gbp', 'highest', byName);
    expect(places(ranked)).toEqual(['1 c', '2 a']);
    expect(ranked.entries.every((e) => e.rank.of === 2)).toBe(true);
    expect(ranked.unranked.map((r) => r.name)).toEqual(['b']);
  });

  it('shares a place between values that read the same at the shown precision (1, =2, =2, 4)', () => {
    // 5.04% and 4.96% both read "5.0%"; 5.06% reads "5.1%".
    const ranked = rankBy(rows(['a', 5.04], ['b', 5.06], ['c', 4.96], ['d', 1]), (r) => r.value, 'percent', 'highest', byName);
    expect(places(ranked)).toEqual(['1 b', '=2 a', '=2 c', '4 d']);
  });

  it('does not share a place between values that read differently', () => {
    const ranked = rankBy(rows(['a', 1563], ['b', 1564]), (r) => r.value, 'gbp', 'highest', byName);
    expect(places(ranked)).toEqual(['1 b', '2 a']);
  });

  it('ranks lowest first when asked, with the same joint places', () => {
    const ranked = rankBy(rows(['a', 5.04], ['b', 5.06], ['c', 4.96], ['d', 1]), (r) => r.value, 'percent', 'lowest', byName);
    expect(places(ranked)).toEqual(['1 d', '=2 a', '=2 c', '4 b']);
  });

  it('rounds a figure as it is written: 2.15% reads and ranks as 2.2%, beside 2.2%', () => {
    const ranked = rankBy(rows(['a', 2.15], ['b', 2.2]), (r) => r.value, 'percent', 'highest', byName);
    expect(places(ranked)).toEqual(['=1 a', '=1 b']);
    expect(formatMetric('percent', 2.15)).toBe('2.2%');
  });
});

const { data } = await testApp();

describe('every ranking in the dataset agrees with what the reader sees', () => {
  it('for every metric, two systems share a place in England exactly when their figures read the same', () => {
    for (const id of METRIC_IDS) {
      const metric = METRICS[id];
      const shown = data.systems.flatMap((s) => {
        const value = metric.value(s.figures);
        const rank = s.ranks[id]?.england;
        return value === null || rank === undefined ? [] : [{ text: formatMetric(metric.unit, value), rank }];
      });
      expect(shown.length, id).toBe(data.systems.filter((s) => metric.value(s.figures) !== null).length);
      for (const a of shown) {
        expect(a.rank.of, id).toBe(shown.length);
        for (const b of shown) expect(a.rank.position === b.rank.position, `${id}: ${a.text} vs ${b.text}`).toBe(a.text === b.text);
      }
    }
  });
});
