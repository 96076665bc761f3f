import { HIDE, HIDE_OPTION, slashCommand } from '../src/core/definition.ts';
import { booleanOption, type CommandModule } from '../src/core/command.ts';
import { reply } from '../src/protocol/reply.ts';
import { placeSourcesField } from '../src/views/place-sources.ts';
import { sourcesFields } from '../src/views/sources-view.ts';

const sources: CommandModule = {
  definition: slashCommand('sources', 'Every source the bot uses: who published it, when, and what it contributes', [HIDE]),

  run(options, ctx) {
    return reply({
      ephemeral: booleanOption(options, HIDE_OPTION) ?? false,
      embeds: [
        {
          title: 'Sources',
          description:
            'Every figure the bot shows traces to one of these. The survey table and the quoted passages are kept verbatim in the project’s data/sources/.',
          color: 0x0072b2,
          fields: [...sourcesFields(ctx.data), placeSourcesField()],
        },
      ],
    });
  },
};

export default sources;
