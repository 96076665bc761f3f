import type { ButtonAction } from '../protocol/buttons.ts';
import type { Reply } from '../protocol/reply.ts';
import { answerReading } from './answer.ts';
import { parseQuestion, type ParseContext } from './parse-question.ts';
import { decodeReading, readAs } from './read-as.ts';
import type { Reading } from './reading.ts';

export type { Reading } from './reading.ts';
export { MAX_QUESTION_CHARS } from './reading.ts';
export { parseQuestion, readAs };

export interface Answer {
  reading: Reading;
  reply: Reply;
}

/** One plain-English question to its reading and its reply: the engine behind /ask, mentions, DMs and the message command. */
export async function askQuestion(question: string, ctx: ParseContext, options: { hide?: boolean } = {}): Promise<Answer> {
  const reading = parseQuestion(question, ctx);
  return { reading, reply: await answerReading(reading, ctx.data, options.hide ?? false, question) };
}

/** What an `ask` button answers, or null when the button is out of date. */
export async function answerButton(action: ButtonAction, ctx: ParseContext): Promise<Reply | null> {
  const decoded = decodeReading(action, ctx.data);
  return decoded === null ? null : answerReading(decoded.reading, ctx.data, decoded.hide);
}
