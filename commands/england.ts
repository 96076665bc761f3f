import { HIDE, HIDE_OPTION, slashCommand } from '../src/core/definition.ts';
import { booleanOption, type CommandModule } from '../src/core/command.ts';
import { englandEmbeds } from '../src/views/england-view.ts';
import { reply } from '../src/protocol/reply.ts';
import { icbCountShort } from '../src/views/successor-card.ts';

const england: CommandModule = {
  definition: slashCommand('england', 'The national picture: England totals, deficits, and the dated timeline since 2022', [HIDE]),

  run(options, ctx) {
    return reply({ ephemeral: booleanOption(options, HIDE_OPTION) ?? false, embeds: englandEmbeds(ctx.data, [icbCountShort(ctx.data)]) });
  },
};

export default england;
