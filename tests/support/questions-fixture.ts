import type { Reply } from '../../src/protocol/reply.ts';
import type { Answer } from '../../src/questions/index.ts';
import { readAs } from '../../src/questions/read-as.ts';

/** One fixture question: what it must be read as, and the facts its answer must lead with. */
export interface QuestionCase {
  category: string;
  question: string;
  reading: string;
  lead: string[];
}

/** The lead: what the reply says before its "Read as" line. */
export function leadText(reply: Reply): string {
  return (reply.content ?? '').split('\n-# Read as:')[0] ?? '';
}

/**
 * Why an answer fails its case, or null when it passes: the reading must match; the lead must carry every fact;
 * an out-of-scope question gets no card; an unclear one gets buttons to choose from. Shared by the test and the bench.
 */
export function caseFailure(c: QuestionCase, answer: Answer): string | null {
  const got = readAs(answer.reading);
  if (c.reading === 'unclear') {
    if (answer.reading.intent !== 'unclear') return `read as "${got}", expected unclear`;
    return answer.reply.embeds.length === 0 && answer.reply.components.length > 0 ? null : 'unclear without buttons, or with a card';
  }
  if (got !== c.reading) return `read as "${got}"`;
  if (answer.reading.intent === 'out-of-scope') return answer.reply.embeds.length === 0 ? null : 'out of scope but answered with a card';
  const lead = leadText(answer.reply);
  const missing = c.lead.filter((fact) => !lead.includes(fact));
  return missing.length === 0 ? null : `lead lacks ${missing.map((m) => `"${m}"`).join(', ')}: ${lead.slice(0, 160)}`;
}
