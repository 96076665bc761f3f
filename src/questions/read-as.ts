import { isMetricId, type MetricId } from '../data/metrics.ts';
import type { Dataset } from '../data/model.ts';
import { REGIONS } from '../data/schema.ts';
import { shortName } from '../data/names.ts';
import { regionId } from '../search/regions.ts';
import { isRegionRankMetric } from '../views/region-rank-view.ts';
import type { FigureId, Reading, RegionAspect } from './reading.ts';
import type { ButtonAction } from '../protocol/buttons.ts';

export const FIGURE_LABEL: Readonly<Record<FigureId, string>> = {
  deficit: 'deficit',
  'deficit-share': 'deficit as % of allocation',
  'deficit-per-head': 'deficit per head',
  'spend-per-head': 'spend per head',
  allocation: 'allocation',
  population: 'population',
  'distance-from-target-2024-25': 'distance from fair-shares target',
  'core-per-head-2024-25': 'core allocation per head',
  'core-recurrent-growth': 'core allocation growth',
  'running-cost-cut-2025-26': 'running-cost cut',
  overview: 'overview',
  quote: 'survey quote',
  'sub-source': 'sub-source',
  'gp-per-head': 'GP allocation per head',
  'core-allocation': 'core allocation',
  region: 'region',
};

/** The year each figure is for, as the reader should see it. */
export const FIGURE_YEAR: Readonly<Record<FigureId, string>> = {
  deficit: '2022/23',
  'deficit-share': '2022/23',
  'deficit-per-head': '2022/23',
  'spend-per-head': '2022/23',
  allocation: '2022/23',
  population: '2022',
  'distance-from-target-2024-25': '2024/25',
  'core-per-head-2024-25': '2024/25',
  'core-recurrent-growth': '2023/24 → 2024/25',
  'running-cost-cut-2025-26': '2023/24 → 2025/26',
  overview: '2022/23',
  quote: '2022/23',
  'sub-source': '2022/23',
  'gp-per-head': '2024/25',
  'core-allocation': '2024/25',
  region: '2022',
};

const ASPECT_LABEL: Readonly<Record<RegionAspect, string>> = { overview: 'overview', count: 'count', members: 'members', total: 'total', average: 'average' };

/** "deficit · 2022/23 · Norfolk and Waveney": what the engine understood, in the order a reader checks it. */
export function readAs(reading: Reading): string {
  switch (reading.intent) {
    case 'figure':
      return [FIGURE_LABEL[reading.figure], FIGURE_YEAR[reading.figure], shortName(reading.system)].join(' · ');
    case 'rank':
      return [`${reading.order} ${reading.count}`, FIGURE_LABEL[reading.metric], FIGURE_YEAR[reading.metric], reading.region ?? 'England'].join(' · ');
    case 'compare':
      return [
        'comparison',
        ...(reading.metric !== null ? [FIGURE_LABEL[reading.metric], FIGURE_YEAR[reading.metric]] : ['2022/23']),
        `${shortName(reading.systems[0])} vs ${shortName(reading.systems[1])}`,
      ].join(' · ');
    case 'region':
      return ['region', ASPECT_LABEL[reading.aspect], ...(reading.metric !== null ? [FIGURE_LABEL[reading.metric]] : []), reading.region].join(' · ');
    case 'region-rank':
      return ['regions ranked', `${reading.order} first`, FIGURE_LABEL[reading.metric], FIGURE_YEAR[reading.metric]].join(' · ');
    case 'england':
      return reading.topic === 'totals' ? 'England · totals · 2022/23' : 'England · timeline since 2022';
    case 'icb-count':
      return 'number of ICBs · today';
    case 'fate':
      return `today's ICB · ${shortName(reading.system)}`;
    case 'successor':
      return `today's ICB · ${reading.successor.shortName}`;
    case 'out-of-scope':
      return `out of scope · ${reading.reason}`;
    case 'unclear':
      return 'unclear';
  }
}

/** The button action that asks a reading again (one button codec for every command); null where it has none. */
export function encodeReading(reading: Reading, hide: boolean): ButtonAction | null {
  const ask = (args: string[]): ButtonAction => ({ command: 'ask', args, hide, chart: false });
  switch (reading.intent) {
    case 'figure':
      return ask(['f', reading.figure, reading.system.odsCode]);
    case 'rank':
      return ask(['r', reading.metric, reading.order, String(reading.count), reading.region === null ? 'england' : regionId(reading.region)]);
    case 'region':
      return ask(['g', regionId(reading.region), reading.aspect, reading.metric ?? '-']);
    case 'region-rank':
      return ask(['rr', reading.metric, reading.order]);
    case 'england':
      return ask(['e', reading.topic]);
    case 'icb-count':
      return ask(['n']);
    case 'fate':
      return ask(['fa', reading.system.odsCode]);
    case 'successor':
      return ask(['s', reading.successor.id]);
    case 'compare':
      return { command: 'compare', args: [reading.systems[0].odsCode, reading.systems[1].odsCode], hide, chart: false };
    default:
      return null;
  }
}

const FIGURES = new Set<string>(Object.keys(FIGURE_LABEL));
const ASPECTS = new Set<string>(Object.keys(ASPECT_LABEL));
const order = (o: string | undefined) => (o === 'lowest' ? 'lowest' : 'highest');

/** The reading behind an `ask` button, or null when the button is out of date. */
export function decodeReading(action: ButtonAction, data: Dataset): { reading: Reading; hide: boolean } | null {
  const hide = action.hide;
  const [code, x, y, z, w] = action.args;
  const metric = (m: string | undefined): MetricId | null => (m !== undefined && isMetricId(m) ? m : null);
  const region = (id: string | undefined) => REGIONS.find((r) => regionId(r) === id) ?? null;
  const wrap = (reading: Reading | null) => (reading === null ? null : { reading, hide });
  switch (code) {
    case 'f': {
      const system = data.byCode.get(y ?? '');
      return wrap(system !== undefined && x !== undefined && FIGURES.has(x) ? { intent: 'figure', figure: x as FigureId, system } : null);
    }
    case 'r': {
      const m = metric(x);
      const r = region(w);
      if (m === null || (w !== 'england' && r === null)) return null;
      return wrap({ intent: 'rank', metric: m, order: order(y), count: Math.min(42, Math.max(1, Number(z) || 5)), region: r });
    }
    case 'g': {
      const r = region(x);
      return wrap(r !== null && y !== undefined && ASPECTS.has(y) ? { intent: 'region', region: r, aspect: y as RegionAspect, metric: metric(z) } : null);
    }
    case 'rr': {
      const m = metric(x);
      return wrap(m === null || !isRegionRankMetric(m) ? null : { intent: 'region-rank', metric: m, order: order(y) });
    }
    case 'e':
      return wrap({ intent: 'england', topic: x === 'timeline' ? 'timeline' : 'totals' });
    case 'n':
      return wrap({ intent: 'icb-count' });
    case 'fa': {
      const system = data.byCode.get(x ?? '');
      return wrap(system === undefined ? null : { intent: 'fate', system });
    }
    case 's': {
      const successor = data.changes.successor(x ?? '');
      return wrap(successor === undefined ? null : { intent: 'successor', successor });
    }
    default:
      return null;
  }
}
