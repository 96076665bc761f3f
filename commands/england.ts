import { baseCommand, HIDE_DESCRIPTION, HIDE_OPTION } from '../src/core/definition.ts';
import { booleanOption, type CommandModule } from '../src/core/command.ts';
import { englandEmbeds } from '../src/views/england-view.ts';
import { reply } from '../src/views/reply.ts';
import { icbCountLine } from '../src/views/successor-card.ts';

const england: CommandModule = {
  definition: baseCommand('england', 'The national picture: England totals, deficits, and the dated timeline since 2022')
    .addBooleanOption((o) => o.setName(HIDE_OPTION).setDescription(HIDE_DESCRIPTION))
    .toJSON(),

  run(options, ctx) {
    return reply({ ephemeral: booleanOption(options, HIDE_OPTION) ?? false, embeds: englandEmbeds(ctx.data, [icbCountLine(ctx.data)]) });
  },
};

export default england;
