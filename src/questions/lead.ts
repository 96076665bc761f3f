import { describeDistance } from '../views/funding-prose.ts';
import { isMetricId, METRICS, type MetricId } from '../data/metrics.ts';
import type { Dataset, IcsSystem, RegionSummary } from '../data/model.ts';
import { gbp, gbpBillions, gbpMillions, people, percent, signedPercent } from '../format/numbers.ts';
import { longDate } from '../format/dates.ts';
import { shortName } from '../data/names.ts';
import { gbpFromK, rankPhrase, workbookName } from '../views/funding-fields.ts';
import { amountText, STATUS_LABEL } from '../views/labels.ts';
import { formatMetric } from '../views/metric-format.ts';
import { rankSystems } from '../views/rank-view.ts';
import { fateText, icbCountLine } from '../views/successor-card.ts';
import { rankText } from '../views/system-card.ts';
import type { Successor } from '../data/changes-schema.ts';
import type { FigureId, Reading, RegionAspect } from './reading.ts';
import { regionRanking } from '../views/region-rank-view.ts';
import { flagsFor, inconsistencies } from '../data/figure-flags.ts';

/** "(survey of ICS finances by The Lowdown / NHS Support Federation, early 2022)": every survey figure names it. */
export function surveyCite(data: Dataset): string {
  return `(survey of ICS finances by ${data.survey.source.publisher}, ${data.survey.asOf})`;
}

function fundingCite(data: Dataset): string {
  return `(${workbookName(data)})`;
}

function cite(metric: MetricId, data: Dataset): string {
  return METRICS[metric].source === 'survey' ? surveyCite(data) : fundingCite(data);
}

/**
 * The data note a direct answer carries: the row's checks that doubt the figure asked about (figure-flags, the same
 * rule as rankings and totals), or for an overview every inconsistency in the row. Printing slips and missing figures
 * are not doubts about a shown figure.
 */
function flagLine(system: IcsSystem, figure: FigureId): string {
  const flags = figure === 'overview' ? inconsistencies(system) : isMetricId(figure) ? flagsFor(system, figure) : [];
  if (flags.length === 0) return '';
  return `\n⚠️ Data note: ${flags[0]?.note ?? ''}${flags.length > 1 ? ` (${flags.length - 1} more on the card)` : ''}`;
}

function rankSuffix(system: IcsSystem, metric: MetricId, data: Dataset): string {
  const text = rankText(system, metric, data);
  return text === '' ? '' : ` It ranks ${text}.`;
}

function positionSentence(system: IcsSystem, data: Dataset): string {
  const name = shortName(system);
  const f = system.figures;
  const p = system.position;
  if (f.deficitGbpM !== null) {
    const what =
      p.status === 'break-even'
        ? 'planned to break even'
        : `reported a ${STATUS_LABEL[p.status].toLowerCase()} of ${amountText(p)}${f.deficitIsRangeMidpoint ? ` (midpoint ${gbpMillions(f.deficitGbpM)})` : ''}`;
    return `${name} ${what} for 2022/23 ${surveyCite(data)}: “${p.summary}”`;
  }
  if (p.status === 'efficiency-ask')
    return `${name} published no deficit figure for 2022/23; the survey gives an efficiency ask of ${amountText(p)} instead, which is savings, not a deficit ${surveyCite(data)}: “${p.summary}”`;
  return `${name} published no deficit figure for 2022/23 ${surveyCite(data)}: “${p.summary}”`;
}

function surveyFigure(system: IcsSystem, figure: MetricId, data: Dataset): string {
  const name = shortName(system);
  const f = system.figures;
  const value = METRICS[figure].value(f);
  if (value === null && figure === 'deficit') return positionSentence(system, data);
  if (value === null)
    return `${name} ${METRICS[figure].missingMeaning} for ${figure === 'population' ? '2022' : '2022/23'} ${surveyCite(data)}.${figure.startsWith('deficit') ? ` ${positionSentence(system, data)}` : ''}`;
  switch (figure) {
    case 'deficit':
      return positionSentence(system, data) + rankSuffix(system, figure, data);
    case 'deficit-share':
      return `${name}'s 2022/23 deficit of ${gbpMillions(f.deficitGbpM ?? 0)} is ${percent(value)} of its ${gbpBillions(f.allocationGbpBillions ?? 0)} allocation (computed from the ${surveyCite(data).slice(1, -1)}).${rankSuffix(system, figure, data)}`;
    case 'deficit-per-head':
      return `${name}'s 2022/23 deficit of ${gbpMillions(f.deficitGbpM ?? 0)} comes to ${gbp(value)} per head of its ${people(f.population ?? 0)} people (computed from the ${surveyCite(data).slice(1, -1)}).${rankSuffix(system, figure, data)}`;
    case 'spend-per-head':
      return `${name} spends ${gbp(value)} per head in 2022/23 ${surveyCite(data)}.${rankSuffix(system, figure, data)}`;
    case 'allocation':
      return `${name}'s 2022/23 allocation was ${gbpBillions(value)} ${surveyCite(data)}.${rankSuffix(system, figure, data)}`;
    case 'population':
      return `${name} serves ${people(value)} people ${surveyCite(data)}.${rankSuffix(system, figure, data)}`;
    default:
      return `${name}: ${formatMetric(METRICS[figure].unit, value)} ${cite(figure, data)}.`;
  }
}

function fundingFigure(system: IcsSystem, figure: FigureId, data: Dataset): string {
  const name = shortName(system);
  const funding = data.funding.bySystem.get(system.id);
  if (funding === undefined) return `${name} has no row in the ${workbookName(data)}.`;
  const row = funding.published;
  const m = funding.measures;
  const src = fundingCite(data);
  switch (figure) {
    case 'distance-from-target-2024-25':
      return `After 2024/25 convergence ${name}'s core allocation is ${describeDistance(m.distanceFromTargetPctAfter2024_25Convergence)} (${rankPhrase(system.ranks['distance-from-target-2024-25']?.england)}, 1st = furthest above) ${src}.`;
    case 'core-per-head-2024-25':
      return `${name}'s core allocation per head was ${gbp(row.core_2024_25_recurrent_per_head_gbp)} in 2024/25 (${gbp(row.core_2023_24_recurrent_per_head_gbp)} in 2023/24; ${rankPhrase(system.ranks['core-per-head-2024-25']?.england)}, 1st = highest) ${src}.`;
    case 'core-recurrent-growth':
      return `${name}'s core recurrent allocation grew ${signedPercent(m.coreRecurrentGrowthPct)} from ${gbpFromK(row.core_2023_24_recurrent_k)} in 2023/24 to ${gbpFromK(row.core_2024_25_recurrent_k)} in 2024/25 (${rankPhrase(system.ranks['core-recurrent-growth']?.england)}) ${src}.`;
    case 'running-cost-cut-2025-26':
      return `${name}'s running-cost allowance falls ${percent(m.runningCostCutPct2023_24To2025_26)} from ${gbpFromK(row.running_cost_allowance_2023_24_k)} in 2023/24 to ${gbpFromK(row.running_cost_allowance_2025_26_k)} in 2025/26 ${src}.`;
    case 'gp-per-head':
      return `${name}'s GP (primary medical) allocation was ${gbp(row.primary_medical_2024_25_per_head_gbp)} per head in 2024/25 (${gbp(row.primary_medical_2023_24_per_head_gbp)} in 2023/24) ${src}.`;
    case 'core-allocation':
      return `${name}'s core recurrent allocation was ${gbpFromK(row.core_2024_25_recurrent_k)} in 2024/25 (${gbpFromK(row.core_2023_24_recurrent_k)} in 2023/24) ${src}.`;
    default:
      return '';
  }
}

function figureLead(system: IcsSystem, figure: FigureId, data: Dataset): string {
  const name = shortName(system);
  const f = system.figures;
  switch (figure) {
    case 'overview': {
      const parts = [
        f.population !== null ? `${people(f.population)} people` : 'no published population',
        f.allocationGbpBillions !== null ? `a ${gbpBillions(f.allocationGbpBillions)} allocation` : 'no published allocation',
        f.spendPerHeadGbp !== null ? `${gbp(f.spendPerHeadGbp)} per head` : 'no published spend per head',
      ];
      return `${name} (${system.region}): ${parts.join(', ')} in 2022/23. ${positionSentence(system, data)}${flagLine(system, figure)}`;
    }
    case 'quote':
      return `The survey says of ${name}: “${system.position.quote}”${system.position.subSource !== null ? `, citing ${system.position.subSource}` : ''} ${surveyCite(data)}.`;
    case 'sub-source':
      return system.position.subSource !== null
        ? `The survey's figure for ${name} cites ${system.position.subSource} ${surveyCite(data)}: “${system.position.quote}”`
        : `The survey cites no sub-source for ${name}'s figure ${surveyCite(data)}: “${system.position.quote}”`;
    case 'region':
      return `${name} is in NHS England's ${system.region} region${system.publishedHeading !== system.region ? ` (the survey printed it under “${system.publishedHeading}”)` : ''} ${surveyCite(data)}.`;
    case 'deficit':
    case 'deficit-share':
    case 'deficit-per-head':
    case 'spend-per-head':
    case 'allocation':
    case 'population':
      return surveyFigure(system, figure, data) + flagLine(system, figure);
    default:
      return fundingFigure(system, figure, data);
  }
}

function valueText(metric: MetricId, system: IcsSystem): string {
  const value = METRICS[metric].value(system.figures);
  return value === null
    ? 'no figure'
    : `${system.figures.deficitIsRangeMidpoint && metric.startsWith('deficit') ? '~' : ''}${formatMetric(METRICS[metric].unit, value)}`;
}

function flaggedNames(systems: readonly IcsSystem[], metric: MetricId): string {
  if (METRICS[metric].source !== 'survey' || metric === 'deficit') return '';
  const flagged = systems.filter((s) => s.anomalies.length > 0).map(shortName);
  return flagged.length === 0 ? '' : `\n⚠️ Data notes on ${flagged.join('; ')}: their published figures do not all add up (see their cards).`;
}

function rankLead(reading: Extract<Reading, { intent: 'rank' }>, data: Dataset): string {
  const ranked = rankSystems(data, reading);
  const label = METRICS[reading.metric].label.replace(/ \(.*\)$/, '').toLowerCase();
  const where = reading.region ?? 'England';
  const [top] = ranked.rows;
  if (top === undefined) return `No system in ${where} has a figure for ${label}.`;
  const tied = rankSystems(data, { ...reading, count: 42 }).rows.filter((r) => r.rank.position === top.rank.position);
  if (tied.length > 2) {
    // Equal at the ranking's precision: naming one "top" system would be false precision.
    const named = tied
      .slice(0, 3)
      .map((r) => shortName(r.system))
      .join('; ');
    return `${tied.length} systems share the ${reading.order} ${label} in ${where}, ${valueText(reading.metric, top.system)} (${named}${tied.length > 3 ? '; and others' : ''}) ${cite(reading.metric, data)}.`;
  }
  const rest = ranked.rows.slice(1, 3).map((r) => `${shortName(r.system)} (${valueText(reading.metric, r.system)})`);
  const head = `${shortName(top.system)} has the ${reading.order} ${label} in ${where}: ${valueText(reading.metric, top.system)}`;
  const next = rest.length > 0 ? `; then ${rest.join('; ')}` : '';
  return `${head}${next} ${cite(reading.metric, data)}.${flaggedNames(
    ranked.rows.map((r) => r.system),
    reading.metric,
  )}`;
}

function compareLead(reading: Extract<Reading, { intent: 'compare' }>, data: Dataset): string {
  const [a, b] = reading.systems;
  const metrics: MetricId[] = reading.metric !== null ? [reading.metric] : ['deficit', 'spend-per-head'];
  const sentences = metrics.map((metric) => {
    const label = METRICS[metric].label
      .replace(/ \(.*\)$/, '')
      .replace(/ 20\d\d\/\d\d$/, '')
      .toLowerCase();
    const av = METRICS[metric].value(a.figures);
    const bv = METRICS[metric].value(b.figures);
    if (av === null || bv === null) return `${label}: ${shortName(a)} ${valueText(metric, a)}, ${shortName(b)} ${valueText(metric, b)}`;
    if (av === bv) return `${label}: ${shortName(a)} and ${shortName(b)} both ${valueText(metric, a)}`;
    const [hi, lo] = av > bv ? [a, b] : [b, a];
    return `${label}: ${shortName(hi)} ${valueText(metric, hi)} is higher than ${shortName(lo)} ${valueText(metric, lo)}`;
  });
  const sources = [...new Set(metrics.map((m) => cite(m, data)))].join(' ');
  return `${sentences.map((s) => s.charAt(0).toUpperCase() + s.slice(1)).join('. ')} ${sources}.${flaggedNames([a, b], metrics[metrics.length - 1] ?? 'deficit')}`;
}

function regionLead(summary: RegionSummary, aspect: RegionAspect, metric: MetricId | null, data: Dataset): string {
  const r = summary.region;
  const n = summary.systems.length;
  const members = summary.systems.map(shortName).join('; ');
  const src = surveyCite(data);
  const deficit = `published deficits and gaps in ${r} add up to ${gbpMillions(Math.round(summary.deficitTotalGbpM * 10) / 10)} across ${summary.deficitReported} of its ${n} systems for 2022/23`;
  const sph =
    summary.spendPerHeadGbp !== null
      ? `spend per head across ${r} is ${gbp(summary.spendPerHeadGbp)} (allocation ÷ population, systems with both)`
      : `${r} has no spend per head`;
  const sentence = (s: string) => `${s.charAt(0).toUpperCase()}${s.slice(1)} ${src}.`;
  switch (aspect) {
    case 'count':
      return `${r} had ${n} ICSs in the 2022 survey: ${members}.`;
    case 'members':
      return `The ${n} ICSs in ${r} (2022 survey): ${members}.`;
    case 'average':
      if (metric !== null && metric !== 'spend-per-head' && metric !== 'population' && metric !== 'allocation') break;
      return sentence(sph);
    case 'total':
    case 'overview':
      break;
  }
  if (metric === 'population')
    return sentence(
      `${r} has ${people(summary.populationTotal)} people across its ${n} systems${summary.populationMissing > 0 ? ` (${summary.populationMissing} published no population)` : ''}`,
    );
  if (metric === 'allocation') return sentence(`${r}'s ${n} systems were allocated ${gbpBillions(summary.allocationTotalGbpBillions)} in 2022/23`);
  if (metric === 'spend-per-head') return sentence(sph);
  if (metric !== null && !metric.startsWith('deficit')) {
    const ranked = rankSystems(data, { metric, order: 'highest', region: r, count: 42 });
    const top = ranked.rows[0];
    return top === undefined
      ? `No system in ${r} has a figure for this.`
      : `In ${r}, ${shortName(top.system)} is highest on ${METRICS[metric].label.toLowerCase()}: ${valueText(metric, top.system)} ${cite(metric, data)}.`;
  }
  return `${sentence(deficit)}${aspect === 'overview' ? ` Its ${n} systems: ${members}.` : ''}`;
}

function regionRankLead(reading: Extract<Reading, { intent: 'region-rank' }>, data: Dataset): string {
  const rows = regionRanking(data, reading.metric, reading.order);
  const [top, second] = rows;
  if (top === undefined) return 'No region has a figure for this.';
  const label = METRICS[reading.metric].label.replace(/ \(.*\)$/, '').toLowerCase();
  return `${top.region} has the ${reading.order} ${label} of the 7 regions: ${top.text}${second !== undefined ? `, then ${second.region} (${second.text})` : ''} ${cite(reading.metric, data)}.`;
}

function englandLead(topic: 'totals' | 'timeline', data: Dataset): string {
  const e = data.england;
  if (topic === 'timeline') {
    const latest = data.facts[data.facts.length - 1];
    return latest === undefined
      ? 'No dated national facts are recorded.'
      : `Latest on record (${longDate(latest.date)}): ${latest.headline} The timeline below runs from the 2022 survey on.`;
  }
  const deficits = data.systems.filter((s) => s.figures.deficitGbpM !== null);
  const inDeficit = data.systems.filter((s) => s.position.status === 'deficit').length;
  const sum = deficits.reduce((acc, s) => acc + (s.figures.deficitGbpM ?? 0), 0);
  return `${inDeficit} of England's ${data.systems.length} ICSs reported a deficit for 2022/23. They served ${people(e.population.people)} people with a ${gbpBillions(e.allocation.gbpBillions)} allocation (${gbp(e.spendPerHead.gbp)} per head); their published deficits and gaps add up to ${gbpMillions(Math.round(sum * 10) / 10)} across ${deficits.length} systems ${surveyCite(data)}.`;
}

function successorLead(successor: Successor, data: Dataset): string {
  const from = successor.predecessors.map((p) => `${data.byId.get(p.systemId)?.shortName ?? p.systemId}${p.passedOver === 'part' ? ` (part)` : ''}`).join('; ');
  const verb = successor.kind === 'new-body' ? 'was created on' : 'took its present boundaries on';
  return `${successor.name} ${verb} ${longDate(successor.startDate)}, formed from ${from}.`;
}

/** The one or two sentences every answer starts with: the figure(s), the system(s), the year and the source. */
export function leadFor(reading: Reading, data: Dataset): string {
  switch (reading.intent) {
    case 'figure':
      return figureLead(reading.system, reading.figure, data);
    case 'rank':
      return rankLead(reading, data);
    case 'compare':
      return compareLead(reading, data);
    case 'region': {
      const summary = data.regions.find((r) => r.region === reading.region);
      return summary === undefined ? '' : regionLead(summary, reading.aspect, reading.metric, data);
    }
    case 'region-rank':
      return regionRankLead(reading, data);
    case 'england':
      return englandLead(reading.topic, data);
    case 'icb-count':
      return icbCountLine(data);
    case 'fate':
      return `${shortName(reading.system)}: ${fateText(data.changes.fateOf(reading.system.id), data)}`;
    case 'successor':
      return successorLead(reading.successor, data);
    case 'out-of-scope':
    case 'unclear':
      return '';
  }
}
