import { z } from 'zod';
import { kebabId, nonBlank } from './survey-schema.ts';

/**
 * One thing a source document says about named systems, or about England's ICSs as a whole (no system ids).
 * The quote is verbatim; the summary restates it in plain words and adds nothing the quote does not say.
 */
export const statementSchema = z.strictObject({
  id: kebabId,
  sourceId: kebabId,
  /** The systems it is about; empty when it is about ICSs as a whole. */
  systemIds: z.array(kebabId),
  /** For a system the quote names only by a place in it (Essex, East Kent, Sunderland): that place, so the card can say so. */
  placeNamed: z.record(kebabId, nonBlank).optional(),
  quote: nonBlank,
  summary: nonBlank,
  /** One of the few statements about all ICSs that /help carries as well as /england. */
  inHelp: z.boolean().optional(),
});
export type Statement = z.infer<typeof statementSchema>;

export const statementsFileSchema = z.strictObject({
  statements: z.array(statementSchema).min(1),
});
