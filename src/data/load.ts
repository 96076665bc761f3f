import { DEFAULT_DATA_DIR, dataDir, FUNDING_CSV } from './data-files.ts';
import { DataError, parseOrThrow } from './data-error.ts';
import { readJson, readText } from './read-json.ts';
import { loadPlaces } from './places-schema.ts';
import { parseSourceYears } from './source-years-schema.ts';
import { buildDataset, type Dataset, type DatasetInput } from './model.ts';
import { parseChanges } from './changes-parse.ts';
import { parseStatements } from './statements.ts';
import { loadFunding } from './funding-load.ts';
import { FUNDING_SOURCE_FILE, parseFundingSource } from './funding-parse.ts';
import { fundingTotals } from './funding-totals.ts';
import { aliasesFileSchema, contextFileSchema, surveyFileSchema, type AliasesFile, type ContextFile, type SurveyFile } from './survey-schema.ts';

export { DEFAULT_DATA_DIR, dataDir, readJson };

/** Checks that span files: ids unique, every system has aliases and nothing else does, every cited source exists. */
export function crossCheck(survey: SurveyFile, aliases: AliasesFile, context: ContextFile): void {
  const problems: string[] = [];
  const ids = new Set<string>();
  survey.systems.forEach((s, i) => {
    if (ids.has(s.id)) problems.push(`survey.json systems[${i}].id: "${s.id}" is used twice; ids must be unique`);
    ids.add(s.id);
  });
  for (const id of ids) if (!(id in aliases)) problems.push(`aliases.json: no entry for "${id}"; add its abbreviations, brands, places and otherNames`);
  for (const id of Object.keys(aliases)) if (!ids.has(id)) problems.push(`aliases.json.${id}: not one of the survey's system ids; fix or remove it`);
  const sourceIds = new Set(context.sources.map((s) => s.id));
  if (!sourceIds.has(survey.survey.sourceId)) problems.push(`survey.json survey.sourceId: "${survey.survey.sourceId}" is not in context.json sources`);
  context.facts.forEach((f, i) => {
    if (!sourceIds.has(f.sourceId)) problems.push(`context.json facts[${i}].sourceId: "${f.sourceId}" is not in context.json sources`);
    if (f.systemId !== undefined && !ids.has(f.systemId)) problems.push(`context.json facts[${i}].systemId: "${f.systemId}" is not a survey system id`);
  });
  if (problems.length > 0) throw new DataError(`The data files disagree:\n  ${problems.join('\n  ')}`);
}

/** Reads and validates everything under data/ (what the build's snapshot stores); throws DataError naming the bad field. */
export function loadDatasetInput(dir: string = dataDir()): DatasetInput {
  const survey = parseOrThrow(surveyFileSchema, readJson(dir, 'survey.json'), 'data/survey.json');
  const aliases = parseOrThrow(aliasesFileSchema, readJson(dir, 'aliases.json'), 'data/aliases.json');
  const context = parseOrThrow(contextFileSchema, readJson(dir, 'context.json'), 'data/context.json');
  crossCheck(survey, aliases, context);
  // Validated here with the rest of data/, though read apart at start-up (places.ts, source-years.ts).
  loadPlaces(dir);
  parseSourceYears(readJson(dir, 'source-years.json'));
  const systemIds = new Set(survey.systems.map((s) => s.id));
  const changes = parseChanges(readJson(dir, 'changes.json'), systemIds);
  const statements = parseStatements(readJson(dir, 'statements.json'), systemIds, context.sources);
  const odsBySystemId = new Map<string, string>();
  survey.systems.forEach((s, i) => {
    if (s.odsCode === undefined) throw new DataError(`data/survey.json systems[${i}].odsCode: missing; the funding table joins on it. Add the ICB's ODS code.`);
    odsBySystemId.set(s.id, s.odsCode);
  });
  const fundingSource = parseFundingSource(readJson(dir, FUNDING_SOURCE_FILE));
  const funding = loadFunding(readText(dir, FUNDING_CSV), odsBySystemId);
  return {
    survey,
    aliases,
    sources: context.sources,
    facts: context.facts,
    statements,
    changes,
    funding: { bySystem: funding, source: fundingSource, england: fundingTotals(funding, fundingSource) },
  };
}

/** Reads, validates and joins everything under data/; throws DataError naming the bad field. */
export function loadDataset(dir: string = dataDir()): Dataset {
  return buildDataset(loadDatasetInput(dir));
}

let cached: Dataset | undefined;

/** The process-wide dataset: static, so loaded once. */
export function getDataset(): Dataset {
  cached ??= loadDataset();
  return cached;
}
