import { HIDE, HIDE_OPTION, slashCommand } from '../src/core/definition.ts';
import { booleanOption, stringOption, type CommandModule } from '../src/core/command.ts';
import { outdated } from '../src/core/steps.ts';
import { OptionType } from '../src/protocol/api.ts';
import { answerButton, askQuestion, MAX_QUESTION_CHARS } from '../src/questions/index.ts';

const ask: CommandModule = {
  definition: slashCommand('ask', 'Ask in plain English, e.g. “what is the deficit in Kent?”', [
    {
      type: OptionType.String,
      name: 'question',
      description: 'Your question about ICS finances, a place, a region or today’s ICBs',
      required: true,
      max_length: MAX_QUESTION_CHARS,
    },
    HIDE,
  ]),

  async run(options, ctx) {
    const { reply: answer } = await askQuestion(stringOption(options, 'question') ?? '', ctx, { hide: booleanOption(options, HIDE_OPTION) ?? false });
    return answer;
  },

  async button(pressed, ctx) {
    return (await answerButton(pressed, ctx)) ?? outdated('ask');
  },
};

export default ask;
