import type { SurveySystem } from './schema.ts';

/** Short name a person would say, as the data gives it ("Devon", "BNSSG"): the name every list and chart shows. */
export function shortName(system: Pick<SurveySystem, 'shortName'>): string {
  return system.shortName;
}
