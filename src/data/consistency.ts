import { trimmed } from '../format/numbers.ts';
import type { SurveySystem } from './schema.ts';

/** Population × spend per head should come within this share of the published allocation. */
export const PRODUCT_TOLERANCE = 0.03;

export type AnomalyKind =
  | 'missing-figure'
  | 'unit-missing'
  | 'product-mismatch'
  | 'repeated-allocation';

/** One thing about a published row that does not add up, with the values implied by the other figures. */
export interface Anomaly {
  kind: AnomalyKind;
  /** Plain-English note the bot shows beside the figures. */
  note: string;
  implied: {
    population?: number;
    allocationGbpBillions?: number;
    spendPerHeadGbp?: number;
  };
  /** (population × spend per head − allocation) ÷ allocation, where all three exist. */
  productGapShare?: number;
}

const fmt = (n: number, digits = 0) => trimmed(n, digits);

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
    if (pop === null && alloc !== null && sph !== null) implied.population = Math.round((alloc * 1e9) / sph);
    if (alloc === null && pop !== null && sph !== null) implied.allocationGbpBillions = (pop * sph) / 1e9;
    if (sph === null && pop !== null && alloc !== null) implied.spendPerHeadGbp = (alloc * 1e9) / pop;
    const impliedText =
      implied.population !== undefined
        ? ` Allocation ÷ spend per head implies about ${fmt(implied.population)} people.`
        : implied.allocationGbpBillions !== undefined
          ? ` Population × spend per head implies about £${fmt(implied.allocationGbpBillions, 2)}bn.`
          : implied.spendPerHeadGbp !== undefined
            ? ` Allocation ÷ population implies about £${fmt(implied.spendPerHeadGbp)} per head.`
            : '';
    anomalies.push({ kind: 'missing-figure', note: `The survey prints no ${missing.join(' or ')} for this row.${impliedText}`, implied });
  }

  const popText = system.population.published;
  if (popText !== null && pop !== null && /^\d+(\.\d+)?$/.test(popText) && !popText.includes(',') && pop >= 100_000) {
    anomalies.push({
      kind: 'unit-missing',
      note: `The population is printed as "${popText}" with no unit; read as ${fmt(pop / 1e6, 2)}m, which fits the other figures.`,
      implied: {},
    });
  }

  if (pop !== null && alloc !== null && sph !== null) {
    const productGapShare = (pop * sph - alloc * 1e9) / (alloc * 1e9);
    if (Math.abs(productGapShare) > PRODUCT_TOLERANCE) {
      const implied = {
        population: Math.round((alloc * 1e9) / sph),
        allocationGbpBillions: (pop * sph) / 1e9,
        spendPerHeadGbp: (alloc * 1e9) / pop,
      };
      anomalies.push({
        kind: 'product-mismatch',
        note:
          `Population × spend per head is £${fmt(implied.allocationGbpBillions, 2)}bn, ` +
          `${(Math.abs(productGapShare) * 100).toFixed(1)}% ${productGapShare > 0 ? 'above' : 'below'} the published £${fmt(alloc, 3)}bn allocation. ` +
          `Allocation ÷ spend per head implies ${fmt(implied.population)} people; allocation ÷ population implies £${fmt(implied.spendPerHeadGbp)} per head.`,
        implied,
        productGapShare,
      });
    }
  }

  const published = system.allocation.published;
  if (published !== null) {
    const twins = all.filter((other) => other.id !== system.id && other.allocation.published === published);
    for (const twin of twins) {
      anomalies.push({
        kind: 'repeated-allocation',
        note: `The published allocation (${published}) is the same as ${twin.publishedName}'s.`,
        implied: {},
      });
    }
  }
  return anomalies;
}
