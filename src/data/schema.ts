import { z } from 'zod';

/** The seven NHS England regions: the survey's own headings omit Midlands and London. */
export const REGIONS = [
  'North East and Yorkshire',
  'North West',
  'Midlands',
  'East of England',
  'London',
  'South East',
  'South West',
] as const;
export const regionSchema = z.enum(REGIONS);
export type Region = z.infer<typeof regionSchema>;

/** The headings as the survey printed them (it has five, not seven). */
export const PUBLISHED_HEADINGS = [
  'North East and Yorkshire',
  'North West',
  'East of England',
  'South West',
  'South East',
] as const;

export const POSITION_STATUSES = [
  'deficit',
  'financial-gap',
  'break-even',
  'efficiency-ask',
  'not-published',
] as const;
export const positionStatusSchema = z.enum(POSITION_STATUSES);
export type PositionStatus = z.infer<typeof positionStatusSchema>;

/**
 * What stage of a system's finances a figure belongs to, read from the quote: figures of different stages are not
 * added or ranked as if alike without saying so.
 */
export const POSITION_STAGES = ['plan', 'draft-plan', 'forecast', 'unstated', 'icb-only', 'cumulative', 'single-organisation', 'none'] as const;
export const positionStageSchema = z.enum(POSITION_STAGES);
export type PositionStage = z.infer<typeof positionStageSchema>;

export const kebabId = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be a kebab-case slug');
export const nonBlank = z.string().trim().min(1, 'must not be blank');
const gbpM = z.number().nonnegative().finite();

const figureSchema = z.strictObject({
  gbpM,
  /** What this figure is, in words, e.g. "draft plan", "attributed to NUH". */
  label: nonBlank,
});

const rangeSchema = z
  .strictObject({ lowGbpM: gbpM, highGbpM: gbpM })
  .refine((r) => r.lowGbpM < r.highGbpM, { message: 'lowGbpM must be below highGbpM' });

export const positionSchema = z.strictObject({
  /** Verbatim from the survey, whitespace normalised. */
  quote: nonBlank,
  status: positionStatusSchema,
  /** plan, draft plan, forecast…; `none` where the quote gives no figure for the system. */
  stage: positionStageSchema,
  /** The system's own headline figure for 2022/23, where the quote gives one. */
  amountGbpM: gbpM.nullable(),
  range: rangeSchema.nullable(),
  /** Earlier or draft figures for the same measure ("reduced from £140m draft plan"). */
  earlier: z.array(figureSchema),
  /** Other figures in the quote that are not the system's headline (a trust's deficit, a region's). */
  otherFigures: z.array(figureSchema),
  /** The document the survey cites for this row, as published. */
  subSource: nonBlank.nullable(),
  summary: nonBlank,
  /** Caveats about reading the quote, e.g. a percentage that does not match the survey's own figures. */
  readingNotes: z.array(nonBlank),
});
export type Position = z.infer<typeof positionSchema>;

const publishedText = nonBlank;

export const systemSchema = z.strictObject({
  id: kebabId,
  /** The name exactly as the survey printed it. */
  publishedName: nonBlank,
  /** What people call it in a list: the statutory name without "NHS … Integrated Care Board", or the survey-era footprint. */
  shortName: nonBlank.max(60),
  /** Statutory name, e.g. "NHS Devon Integrated Care Board". */
  icbName: nonBlank.regex(/^NHS .+ Integrated Care Board$/, 'must read "NHS … Integrated Care Board"'),
  /** ODS code of the ICB (3 characters for the 2022 bodies): the system's short stable key in button ids too. */
  odsCode: z.string().regex(/^[A-Z0-9]{3}$/, 'must be a 3-character ODS code'),
  region: regionSchema,
  publishedHeading: z.enum(PUBLISHED_HEADINGS),
  population: z.strictObject({
    people: z.number().int().positive().nullable(),
    published: publishedText.nullable(),
  }),
  allocation: z.strictObject({
    gbpBillions: z.number().positive().finite().nullable(),
    published: publishedText.nullable(),
  }),
  spendPerHead: z.strictObject({
    gbp: z.number().positive().finite().nullable(),
    published: publishedText.nullable(),
  }),
  position: positionSchema,
});
export type SurveySystem = z.infer<typeof systemSchema>;

export const sourceSchema = z.strictObject({
  id: kebabId,
  title: nonBlank,
  publisher: nonBlank,
  author: nonBlank.optional(),
  /** ISO date, or year-month / year where only that is known. */
  date: z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'must be YYYY, YYYY-MM or YYYY-MM-DD'),
  /** Where the publication is online; only an address stated in our copy or verified, never a guessed one. */
  url: z.url({ protocol: /^https?$/ }).optional(),
  contributes: nonBlank,
  /** Local file under data/sources/ holding the text as published. */
  localFile: z.string().optional(),
});
export type Source = z.infer<typeof sourceSchema>;

export const surveyFileSchema = z.strictObject({
  survey: z.strictObject({
    sourceId: kebabId,
    /** When the survey's figures are as of, as readers should be told. */
    asOf: nonBlank,
  }),
  england: z.strictObject({
    population: z.strictObject({ people: z.number().int().positive(), published: publishedText }),
    allocation: z.strictObject({ gbpBillions: z.number().positive(), published: publishedText }),
    spendPerHead: z.strictObject({ gbp: z.number().positive(), published: publishedText }),
  }),
  systems: z.array(systemSchema).length(42, 'must list all 42 systems'),
});
export type SurveyFile = z.infer<typeof surveyFileSchema>;

export const contextFactSchema = z.strictObject({
  id: kebabId,
  /** When the fact was published (ISO). */
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be YYYY-MM-DD'),
  /** The period it describes, in words ("2023/24", "first six months of 2022/23"). */
  period: nonBlank,
  headline: nonBlank,
  /** Verbatim from the source; must occur in the committed excerpt. */
  quote: nonBlank,
  sourceId: kebabId,
  /** Who originally published the figure, when the source reports someone else's. */
  originally: nonBlank.optional(),
  figures: z.array(z.strictObject({ label: nonBlank, value: z.number(), unit: z.enum(['gbp-m', 'gbp-bn', 'count', 'percent', 'people']) })),
  /** Which system the fact is about, when it is local. */
  systemId: kebabId.optional(),
});
export type ContextFact = z.infer<typeof contextFactSchema>;

export const contextFileSchema = z.strictObject({
  sources: z.array(sourceSchema).min(1),
  facts: z.array(contextFactSchema).min(1),
});
export type ContextFile = z.infer<typeof contextFileSchema>;

export const aliasesFileSchema = z.record(
  kebabId,
  z.strictObject({
    abbreviations: z.array(nonBlank),
    brands: z.array(nonBlank),
    /** Cities, counties, local authorities and well-known towns the system covers. */
    places: z.array(nonBlank).min(1, 'every system covers at least one place'),
    /** Other names people use (former names, short forms). */
    otherNames: z.array(nonBlank),
  }),
);
export type AliasesFile = z.infer<typeof aliasesFileSchema>;
