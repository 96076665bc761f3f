import { trimmed } from '../format/numbers.ts';
import type { SurveySystem } from './schema.ts';

/** Population × spend per head should come within this share of the published allocation. */
export const PRODUCT_TOLERANCE = 0.03;

export type AnomalyKind =
  | 'missing-figure'
  | 'unit-missing'
  | 'product-mismatch'
  | 'repeated-allocation';

/** The published figures a row's checks can cast doubt on. */
export type CheckedFigure = 'population' | 'allocation' | 'spendPerHead';

/**
 * One thing about a published row that does not add up, with the values implied by the other figures.
 * `severity`: a printing slip reads unambiguously (a unit left off); an inconsistency means one of the figures is
 * wrong and we cannot tell which; a missing figure is simply not there.
 */
export interface Anomaly {
  kind: AnomalyKind;
  severity: 'printing-slip' | 'inconsistency' | 'missing';
  /** The figures in doubt: any ranking, total or comparison using one of them marks this row ⚠. */
  affects: CheckedFigure[];
  /** Plain-English note the bot shows beside the figures. */
  note: string;
  /** The note in a few words, for the one line a ranking or total gives each ⚠ row. */
  short: string;
  implied: {
    population?: number;
    allocationGbpBillions?: number;
    spendPerHeadGbp?: number;
  };
  /** (population × spend per head − allocation) ÷ allocation, where all three exist. */
  productGapShare?: number;
}

const fmt = (n: number, digits = 0) => trimmed(n, digits);

/** Significant figures of a published number ("1,769" → 4, "2.7m" → 2, "4.018" → 4). */
export function significantFigures(published: string): number {
  const digits = published.replace(/[^0-9.]/g, '').replace('.', '').replace(/^0+/, '');
  const integerOnly = !published.includes('.');
  return Math.max(1, integerOnly ? digits.replace(/0+$/, '').length || 1 : digits.length);
}

/** A value implied by published figures, rounded to the precision of the least precise of them: no false precision. */
export function roundToFigures(value: number, figures: number): number {
  if (value === 0) return 0;
  const magnitude = Math.floor(Math.log10(Math.abs(value)));
  const step = 10 ** (magnitude - figures + 1);
  return Math.round(value / step) * step;
}

function peopleText(n: number): string {
  return n >= 1e6 ? `${fmt(n / 1e6, 2)}m` : fmt(n);
}

/** Reads the anomalies off one row against the rest of the table: computed, never hand-flagged. */
export function findAnomalies(system: SurveySystem, all: readonly SurveySystem[]): Anomaly[] {
  const anomalies: Anomaly[] = [];
  const pop = system.population.people;
  const alloc = system.allocation.gbpBillions;
  const sph = system.spendPerHead.gbp;

  const missing = [
    pop === null ? 'population' : null,
    alloc === null ? 'allocation' : null,
    sph === null ? 'spend per head' : null,
  ].filter((x): x is string => x !== null);
  if (missing.length > 0) {
    const implied: Anomaly['implied'] = {};
    const precision = Math.min(...[system.population.published, system.allocation.published, system.spendPerHead.published].filter((t): t is string => t !== null).map(significantFigures));
    if (pop === null && alloc !== null && sph !== null) implied.population = roundToFigures((alloc * 1e9) / sph, precision);
    if (alloc === null && pop !== null && sph !== null) implied.allocationGbpBillions = (pop * sph) / 1e9;
    if (sph === null && pop !== null && alloc !== null) implied.spendPerHeadGbp = (alloc * 1e9) / pop;
    const impliedText =
      implied.population !== undefined
        ? ` Allocation ÷ spend per head implies about ${peopleText(implied.population)} people.`
        : implied.allocationGbpBillions !== undefined
          ? ` Population × spend per head implies about £${fmt(implied.allocationGbpBillions, 2)}bn.`
          : implied.spendPerHeadGbp !== undefined
            ? ` Allocation ÷ population implies about £${fmt(implied.spendPerHeadGbp)} per head.`
            : '';
    anomalies.push({
      kind: 'missing-figure',
      severity: 'missing',
      affects: [],
      note: `The survey prints no ${missing.join(' or ')} for this row.${impliedText}`,
      short: `no ${missing.join(' or ')} printed`,
      implied,
    });
  }

  const popText = system.population.published;
  if (popText !== null && pop !== null && /^\d+(\.\d+)?$/.test(popText) && !popText.includes(',') && pop >= 100_000) {
    anomalies.push({
      kind: 'unit-missing',
      severity: 'printing-slip',
      affects: [],
      short: `population printed "${popText}", read as ${fmt(pop / 1e6, 2)}m`,
      note: `The population is printed as "${popText}" with no unit; read as ${fmt(pop / 1e6, 2)}m, which fits the other figures.`,
      implied: {},
    });
  }

  if (pop !== null && alloc !== null && sph !== null) {
    const productGapShare = (pop * sph - alloc * 1e9) / (alloc * 1e9);
    if (Math.abs(productGapShare) > PRODUCT_TOLERANCE) {
      const figures = (...texts: Array<string | null>) => Math.min(...texts.filter((t): t is string => t !== null).map(significantFigures));
      const { population: popText2, allocation: allocText, spendPerHead: sphText } = system;
      const implied = {
        population: roundToFigures((alloc * 1e9) / sph, figures(allocText.published, sphText.published)),
        allocationGbpBillions: roundToFigures((pop * sph) / 1e9, figures(popText2.published, sphText.published)),
        spendPerHeadGbp: roundToFigures((alloc * 1e9) / pop, figures(allocText.published, popText2.published)),
      };
      const off = `${Math.round(Math.abs(productGapShare) * 100)}% ${productGapShare > 0 ? 'above' : 'below'}`;
      anomalies.push({
        kind: 'product-mismatch',
        severity: 'inconsistency',
        affects: ['population', 'allocation', 'spendPerHead'],
        short: `population × spend per head is ${off} its allocation`,
        note:
          `Population × spend per head is about £${fmt(implied.allocationGbpBillions, 2)}bn, ` +
          `${(Math.abs(productGapShare) * 100).toFixed(1)}% ${productGapShare > 0 ? 'above' : 'below'} the published £${fmt(alloc, 3)}bn allocation, so one of the three figures is wrong. ` +
          `Allocation ÷ spend per head implies about ${peopleText(implied.population)} people; allocation ÷ population implies about £${fmt(implied.spendPerHeadGbp)} per head.`,
        implied,
        productGapShare,
      });
    }
  }

  // A repeated figure is only suspect where the row does not add up with it: the twin whose row fits keeps its figure.
  const published = system.allocation.published;
  const doesNotAddUp = anomalies.some((a) => a.kind === 'product-mismatch');
  if (published !== null && doesNotAddUp) {
    const twins = all.filter((other) => other.id !== system.id && other.allocation.published === published);
    for (const twin of twins) {
      anomalies.push({
        kind: 'repeated-allocation',
        severity: 'inconsistency',
        affects: ['allocation'],
        short: `allocation repeats ${twin.shortName}'s`,
        note: `The published allocation (${published}) is the same as ${twin.publishedName}'s, and does not fit this row's own population and spend per head: probably a printing slip.`,
        implied: {},
      });
    }
  }
  return anomalies;
}
