/**
 * The data's types and region names without zod: views, search and commands import from here, so a started bot does
 * not load the schema library. The zod schemas themselves are in survey-schema.ts (validation: data:check, the build).
 */
export { REGIONS } from './regions.ts';
export type {
  AliasesFile,
  ContextFact,
  Position,
  PositionStage,
  PositionStatus,
  Region,
  Source,
  SurveyFile,
  SurveySystem,
} from './survey-schema.ts';
