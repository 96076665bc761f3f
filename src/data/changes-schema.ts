import { z } from 'zod';
import { regionSchema } from './survey-schema.ts';

/**
 * Schema for data/changes.json: the ICBs created or reshaped on 1 April 2026 and the 2022 systems they replaced.
 * Structure only; the checks that need the 42 survey ids or span records live in changes.ts.
 */

const kebabId = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be a kebab-case slug');
const nonBlank = z.string().trim().min(1, 'must not be blank');
const isoDate = z.iso.date('must be an ISO date, YYYY-MM-DD');

/** The 2022 ICBs have 3-character ODS codes (QRL); the 2026 bodies have 5-character ones (S0E4D). */
export const odsCodeSchema = z.string().regex(/^[A-Z0-9]{3}([A-Z0-9]{2})?$/, 'must be a 3- or 5-character ODS code');
export const onsCodeSchema = z.string().regex(/^E54\d{6}$/, 'must be an ONS ICB code, E54 and six digits');

export const CONFIDENCES = ['verified', 'single-source'] as const;
export const PASSED_OVER = ['whole', 'part'] as const;
/** "boundary-change": an existing ICB that keeps its name and ODS code but gains territory (Hampshire and Isle of Wight). */
export const SUCCESSOR_KINDS = ['new-body', 'boundary-change'] as const;

export const changeSourceSchema = z.strictObject({
  id: kebabId,
  title: nonBlank,
  publisher: nonBlank,
  /** ISO date, or year-month / year where only that is known. */
  date: z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'must be YYYY, YYYY-MM or YYYY-MM-DD'),
  /** Where it is online: only an address verified in the stored copies or stated in one, never a guessed one. */
  url: z.url({ protocol: /^https$/ }).optional(),
  /** What this source supports, and any caveat about the copy that was read. */
  note: nonBlank,
});

/** An area that left one 2022 system for another when the ICBs were established (1 July 2022), after the survey. */
export const boundaryMoveSchema = z
  .strictObject({
    area: nonBlank,
    fromSystemId: kebabId,
    toSystemId: kebabId,
    confidence: z.enum(CONFIDENCES),
    sourceIds: z.array(kebabId).min(1, 'cite at least one source'),
  })
  .refine((m) => m.fromSystemId !== m.toSystemId, { message: 'an area moves between two different systems', path: ['toSystemId'] });

export const populationShareSchema = z.strictObject({
  /** Fraction (0–1] of the predecessor's population that passed to this successor. */
  share: z.number().gt(0).max(1),
  /** What the fraction is of, e.g. a named SICBL's registered population. */
  basis: nonBlank,
  sourceId: kebabId,
});

export const predecessorSchema = z
  .strictObject({
    systemId: kebabId,
    passedOver: z.enum(PASSED_OVER),
    /** Which part of the predecessor, in words; required when passedOver is "part". */
    part: nonBlank.optional(),
    populationShare: populationShareSchema.optional(),
  })
  .superRefine((p, ctx) => {
    if (p.passedOver === 'part' && p.part === undefined) {
      ctx.addIssue({ code: 'custom', path: ['part'], message: 'required when passedOver is "part": say which part passed over' });
    }
    if (p.passedOver === 'whole' && p.part !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['part'], message: 'only allowed when passedOver is "part"' });
    }
    if (p.passedOver === 'whole' && p.populationShare !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['populationShare'], message: 'only allowed when passedOver is "part" (a whole transfer is 100%)' });
    }
  });

export const successorSchema = z
  .strictObject({
    id: kebabId,
    /** Statutory name, e.g. "NHS Thames Valley Integrated Care Board". */
    name: nonBlank.regex(/^NHS .+ Integrated Care Board$/, 'must read "NHS … Integrated Care Board"'),
    shortName: nonBlank,
    odsCode: odsCodeSchema,
    onsCode: onsCodeSchema.optional(),
    onsCodeConfidence: z.enum(CONFIDENCES).optional(),
    /** The ONS code this body used before, when it kept its ODS code but was recoded (HIOW: E54000042). */
    previousOnsCode: onsCodeSchema.optional(),
    region: regionSchema,
    startDate: isoDate,
    kind: z.enum(SUCCESSOR_KINDS),
    /** Variants users type: "Thames Valley ICB", working names, model labels. */
    aliases: z.array(nonBlank),
    predecessors: z.array(predecessorSchema).min(1, 'a successor has at least one predecessor'),
    sourceIds: z.array(kebabId).min(1, 'cite at least one source'),
    /** Caveats a reader should see: single-source facts, approximations. */
    confidenceNotes: z.array(nonBlank),
  })
  .superRefine((s, ctx) => {
    if ((s.onsCode === undefined) !== (s.onsCodeConfidence === undefined)) {
      ctx.addIssue({ code: 'custom', path: ['onsCodeConfidence'], message: 'give onsCodeConfidence exactly when onsCode is given' });
    }
  });

export const abolishedSchema = z.strictObject({
  systemId: kebabId,
  /** The 2022 ICB's ODS code, closed when it was abolished. */
  odsCode: odsCodeSchema,
  /** The last day the ICB existed. */
  abolishedOn: isoDate,
  successorIds: z.array(kebabId).min(1, 'an abolished system has at least one successor'),
  note: nonBlank,
});

export const changesFileSchema = z.strictObject({
  /** When this dataset was last checked against its sources. */
  asOf: isoDate,
  /** The committed copy of the research note the data was transcribed from. */
  referenceNote: nonBlank,
  /** How many ICBs England has had since `date`. */
  icbCountSince: z.strictObject({
    date: isoDate,
    count: z.number().int().positive(),
    sourceIds: z.array(kebabId).min(1),
  }),
  /** ODS codes closed by the change, as the ODS succession records list them (independent of `abolished`). */
  closedOdsCodes: z.strictObject({
    closedOn: isoDate,
    codes: z.array(odsCodeSchema).min(1),
    sourceIds: z.array(kebabId).min(1),
  }),
  /** ONS ICB codes no longer current after the change (incl. recoded survivors). */
  retiredOnsCodes: z.strictObject({
    codes: z.array(onsCodeSchema).min(1),
    sourceIds: z.array(kebabId).min(1),
  }),
  boundaryMoves2022: z.strictObject({
    date: isoDate,
    moves: z.array(boundaryMoveSchema).min(1),
  }),
  sources: z.array(changeSourceSchema).min(1),
  successors: z.array(successorSchema).min(1),
  abolished: z.array(abolishedSchema),
});

export type ChangeSource = z.infer<typeof changeSourceSchema>;
export type BoundaryMove = z.infer<typeof boundaryMoveSchema>;
export type PopulationShare = z.infer<typeof populationShareSchema>;
export type Predecessor = z.infer<typeof predecessorSchema>;
export type Successor = z.infer<typeof successorSchema>;
export type Abolished = z.infer<typeof abolishedSchema>;
export type ChangesFile = z.infer<typeof changesFileSchema>;
