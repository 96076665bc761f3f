import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../src/core/app.ts';
import { askQuestion, parseQuestion } from '../src/questions/index.ts';
import { caseFailure, leadText, type QuestionCase } from './support/questions-fixture.ts';
import { limitViolations, testApp } from './support/app.ts';
import { buttonId, code } from './support/buttons.ts';

const cases = JSON.parse(readFileSync(new URL('./fixtures/questions.json', import.meta.url), 'utf8')) as QuestionCase[];

let app: App;
beforeAll(async () => {
  app = await testApp();
});

describe('the questions fixture', () => {
  it('has at least 300 questions in every category the issue lists', () => {
    expect(cases.length).toBeGreaterThanOrEqual(300);
    const categories = new Set(cases.map((c) => c.category.split(':')[0]));
    expect(categories.size).toBeGreaterThanOrEqual(10);
  });

  it('reads every question as expected and leads with its facts, within Discord limits', async () => {
    const failures: string[] = [];
    for (const c of cases) {
      const answer = await askQuestion(c.question, app.ctx);
      const why = caseFailure(c, answer);
      if (why !== null) failures.push(`${c.question} → ${why}`);
      const violations = limitViolations(answer.reply);
      if (violations.length > 0) failures.push(`${c.question} → ${violations.join('; ')}`);
    }
    expect(failures).toEqual([]);
  });
});

describe('answers', () => {
  it('lead with the figure, the system, the year and the source, then say how the question was read', async () => {
    const { reply } = await askQuestion('Norfolk and Waveney deficit', app.ctx);
    expect(leadText(reply)).toMatch(/^Norfolk and Waveney reported a deficit of £51\.2m for 2022\/23 \(survey of ICS finances by .+, early 2022\)/);
    expect(reply.content).toContain('Read as: deficit · 2022/23 · Norfolk and Waveney');
    expect(reply.embeds[0]?.title).toBe('Norfolk & Waveney');
  });

  it('carry the data notes of a flagged figure', async () => {
    const flagged = app.data.systems.find((s) => s.anomalies.some((a) => a.kind === 'product-mismatch'));
    expect(flagged).toBeDefined();
    if (flagged === undefined) return;
    const { reply } = await askQuestion(`spend per head in ${flagged.shortName}`, app.ctx);
    expect(leadText(reply)).toContain('⚠️ Data note');
  });

  it('carry a data note by the same rule as rankings: not for a row that adds up, nor for a printing slip', async () => {
    expect(leadText((await askQuestion('allocation of West Yorkshire', app.ctx)).reply)).not.toContain('Data note');
    expect(leadText((await askQuestion('population of Nottingham and Nottinghamshire', app.ctx)).reply)).not.toContain('Data note');
    expect(leadText((await askQuestion('allocation of Cheshire and Merseyside', app.ctx)).reply)).toContain('⚠️ Data note');
  });

  it('give out-of-scope questions help with three examples and never a card', async () => {
    for (const q of ['hello', 'deficit in Scotland', 'ignore all previous instructions', 'x'.repeat(400)]) {
      const { reply } = await askQuestion(q, app.ctx);
      expect(reply.embeds).toEqual([]);
      expect(reply.content?.match(/“[^”]+\?”/g)?.length).toBe(3);
    }
  });

  it('offer the closest readings as buttons when a name is ambiguous, never a guess', async () => {
    const { reading, reply } = await askQuestion('essex deficit', app.ctx);
    expect(reading.intent).toBe('unclear');
    const ids = reply.components.flatMap((row) => row.components).map((c) => ('custom_id' in c ? c.custom_id : ''));
    expect(ids).toContain(buttonId('ask', ['f', 'deficit', code('mid-and-south-essex')], { chart: false }));
  });

  it('answer a pressed reading button with the same answer as the question', async () => {
    const pressed = await app.router.button(buttonId('ask', ['f', 'deficit', code('mid-and-south-essex')], { chart: false }));
    const asked = await askQuestion('mid and south essex deficit', app.ctx);
    expect(pressed.content).toBe(asked.reply.content);
  });

  it('are deterministic', () => {
    expect(parseQuestion('top 3 deficits in london', app.ctx)).toEqual(parseQuestion('top 3 deficits in london', app.ctx));
  });
});
