import { HIDE, HIDE_OPTION, slashCommand } from '../src/core/definition.ts';
import { booleanOption, type CommandModule } from '../src/core/command.ts';
import { dataReply } from '../src/views/csv-replies.ts';

const data: CommandModule = {
  definition: slashCommand('data', 'The whole dataset as a CSV file: every system, figure, flag and source', [HIDE]),

  run(options, ctx) {
    return dataReply(ctx.data, booleanOption(options, HIDE_OPTION) ?? false);
  },
};

export default data;
