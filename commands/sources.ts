import { HIDE, HIDE_OPTION, slashCommand } from '../src/core/definition.ts';
import { booleanOption, type CommandModule } from '../src/core/command.ts';
import { DISCORD_LIMITS } from '../src/protocol/limits.ts';
import { reply } from '../src/protocol/reply.ts';
import { fundingSourceLine } from '../src/views/funding-fields.ts';
import { placeSourcesField } from '../src/views/place-sources.ts';

const sources: CommandModule = {
  definition: slashCommand('sources', 'Every source the bot uses: who published it, when, and what it contributes', [HIDE]),

  run(options, ctx) {
    return reply({
      ephemeral: booleanOption(options, HIDE_OPTION) ?? false,
      embeds: [
        {
          title: 'Sources',
          description: 'Every figure the bot shows traces to one of these. The survey table and the quoted passages are kept verbatim in the project’s data/sources/.',
          color: 0x0072b2,
          fields: [
            ...ctx.data.sources.map((s) => ({
              name: s.title,
              value: `${s.publisher}${s.author !== undefined ? ` (${s.author})` : ''}, ${s.date}\n${s.contributes}`,
            })),
            {
              name: `${ctx.data.funding.source.publisher}: ${ctx.data.funding.source.title}`,
              value: fundingSourceLine(ctx.data),
            },
            {
              name: 'ICB changes since 2022 (the April 2026 successor ICBs)',
              value: `${ctx.data.changes.sources.length} public sources, listed on each successor card and in data/sources/icb-changes-2022-2026.md; facts found in only one source are marked as such.`,
            },
            placeSourcesField(),
          ].slice(0, DISCORD_LIMITS.embedFields),
        },
      ],
    });
  },
};

export default sources;
