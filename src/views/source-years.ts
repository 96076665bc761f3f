import type { Dataset } from '../data/model.ts';
import { SOURCE_YEARS } from '../data/source-years.ts';

/** Every place that names the years a source covers says it in these words (data/source-years.json). */

/** "allocations 2023/24–2024/25, running costs 2023/24–2025/26" */
export function allocationYearsPhrase(): string {
  const a = SOURCE_YEARS.allocations;
  return `allocations ${a.allocationYears}, running costs ${a.runningCostYears}`;
}

/** "early 2022 (2022/23 plans)" */
export function surveyYearsPhrase(): string {
  return SOURCE_YEARS.survey.short;
}

/** One line per source: the survey, NHS England's workbook, the changes since. */
export function sourceYearsLines(data: Dataset): string[] {
  const f = data.funding.source;
  return [
    `**${data.survey.source.publisher} survey:** ${SOURCE_YEARS.survey.covers}.`,
    `**${f.publisher} ${f.document} ${f.version}:** ${SOURCE_YEARS.allocations.covers}.`,
    `**ICB changes:** ${SOURCE_YEARS.changes.covers}.`,
  ];
}

export function sourceYearsLine(data: Dataset): string {
  return `Years covered — ${sourceYearsLines(data).join(' ')}`;
}
