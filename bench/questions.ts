import { readFileSync } from 'node:fs';
import { createContext } from '../src/core/app.ts';
import { getDataset } from '../src/data/load.ts';
import { caseFailure, type QuestionCase } from '../tests/support/questions-fixture.ts';
import { askQuestion } from '../src/questions/index.ts';
import { elapsedMs, roundSummary, summarise, type Summary } from './stats.ts';

export const QUESTIONS_TARGET = { p99Ms: 2 } as const;
const ROUNDS = 10;
const WARMUP_ROUNDS = 2;

export interface QuestionsBench {
  questions: number;
  rounds: number;
  correct: number;
  pct: number;
  /** What today's commands answer when the question is typed into `/ics name:` as is: the one system it names, if any. */
  baseline: { correct: number; pct: number; resolve: Summary };
  /** Every timed run: on a shared machine its tail is mostly other processes' time slices and GC pauses. */
  ask: Summary;
  /** Each question's median over the rounds, summarised across questions: the time a question takes. */
  perQuestion: Summary;
  target: typeof QUESTIONS_TARGET;
  met: boolean;
  failures: string[];
}

function loadCases(): QuestionCase[] {
  return JSON.parse(readFileSync(new URL('../tests/fixtures/questions.json', import.meta.url), 'utf8')) as QuestionCase[];
}

/** The engine over the question fixture: share answered correctly, and time per question (parse + reply, no charts). */
export async function benchQuestions(): Promise<QuestionsBench> {
  const cases = loadCases();
  const ctx = createContext(getDataset());
  const failures: string[] = [];
  for (const c of cases) {
    const why = caseFailure(c, await askQuestion(c.question, ctx));
    if (why !== null) failures.push(`${c.question} → ${why}`);
  }
  // Baseline: the question pasted into /ics name:. It answers correctly only when the question is one system's card.
  let baselineCorrect = 0;
  const resolveSamples: number[] = [];
  for (const c of cases) {
    const start = process.hrtime.bigint();
    const resolution = ctx.resolver.resolve(c.question);
    resolveSamples.push(elapsedMs(start));
    const single = /^(?:overview|deficit|spend per head|allocation|population) · [^·]+ · (.+)$/.exec(c.reading)?.[1];
    if (c.reading.startsWith('out of scope')) baselineCorrect += resolution.kind === 'match' ? 0 : 1;
    else if (single !== undefined && resolution.kind === 'match' && resolution.system.shortName === single) baselineCorrect += 1;
  }
  const samples: number[] = [];
  const byQuestion = cases.map((): number[] => []);
  for (let round = 0; round < WARMUP_ROUNDS + ROUNDS; round++) {
    for (const [i, c] of cases.entries()) {
      const start = process.hrtime.bigint();
      await askQuestion(c.question, ctx);
      const took = elapsedMs(start);
      if (round < WARMUP_ROUNDS) continue;
      samples.push(took);
      byQuestion[i]?.push(took);
    }
  }
  const ask = roundSummary(summarise(samples));
  const perQuestion = roundSummary(summarise(byQuestion.map((runs) => summarise(runs).p50Ms)));
  const correct = cases.length - failures.length;
  return {
    questions: cases.length,
    rounds: ROUNDS,
    correct,
    pct: Math.round((correct / cases.length) * 1000) / 10,
    baseline: { correct: baselineCorrect, pct: Math.round((baselineCorrect / cases.length) * 1000) / 10, resolve: roundSummary(summarise(resolveSamples)) },
    ask,
    perQuestion,
    target: QUESTIONS_TARGET,
    met: perQuestion.p99Ms < QUESTIONS_TARGET.p99Ms,
    failures,
  };
}
