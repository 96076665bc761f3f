import { baseCommand, HIDE_DESCRIPTION, HIDE_OPTION } from '../src/core/definition.ts';
import { booleanOption, stringOption, type CommandModule } from '../src/core/command.ts';
import { answerButton, askQuestion, MAX_QUESTION_CHARS } from '../src/questions/index.ts';
import { reply } from '../src/views/reply.ts';

const ask: CommandModule = {
  definition: baseCommand('ask', 'Ask in plain English, e.g. “what is the deficit in Kent?”')
    .addStringOption((o) => o.setName('question').setDescription('Your question about ICS finances, a place, a region or today’s ICBs').setRequired(true).setMaxLength(MAX_QUESTION_CHARS))
    .addBooleanOption((o) => o.setName(HIDE_OPTION).setDescription(HIDE_DESCRIPTION))
    .toJSON(),

  async run(options, ctx) {
    const { reply: answer } = await askQuestion(stringOption(options, 'question') ?? '', ctx, { hide: booleanOption(options, HIDE_OPTION) ?? false });
    return answer;
  },

  async button(args, ctx) {
    return (await answerButton(args, ctx)) ?? reply({ ephemeral: true, content: 'That button is out of date: please ask again with `/ask`.' });
  },
};

export default ask;
