import { baseCommand, CHART_DESCRIPTION, CHART_OPTION, HIDE_DESCRIPTION, HIDE_OPTION } from '../src/core/definition.ts';
import { flagSuffix, parseFlags, replyFlags, stringOption, type CommandContext, type CommandModule, type ReplyFlags } from '../src/core/command.ts';
import type { IcsSystem } from '../src/data/model.ts';
import { unresolvedReply } from '../src/views/candidates.ts';
import { fundingReply, successorFundingReply } from '../src/views/funding-view.ts';
import { reply, type Reply } from '../src/views/reply.ts';

function answer(system: IcsSystem, ctx: CommandContext, flags: ReplyFlags): Promise<Reply> {
  return fundingReply(system, ctx.data, { ephemeral: flags.hide, chart: flags.chart });
}

const funding: CommandModule = {
  definition: baseCommand('funding', "One system's official NHS England allocations 2023/24–2024/25, fair-shares distance, running costs")
    .addStringOption((o) =>
      o.setName('name').setDescription('System name, place it covers, or abbreviation (e.g. Devon, Leeds, BNSSG)').setRequired(true).setAutocomplete(true).setMaxLength(100),
    )
    .addBooleanOption((o) => o.setName(CHART_OPTION).setDescription(CHART_DESCRIPTION))
    .addBooleanOption((o) => o.setName(HIDE_OPTION).setDescription(HIDE_DESCRIPTION))
    .toJSON(),

  run(options, ctx) {
    const typed = stringOption(options, 'name') ?? '';
    const flags = replyFlags(options);
    const buttonId = (s: IcsSystem) => `funding:${s.id}${flagSuffix(flags)}`;
    const direct = ctx.data.byId.get(typed);
    if (direct !== undefined) return answer(direct, ctx, flags);
    const resolution = ctx.resolver.resolve(typed);
    if (resolution.kind === 'match') return answer(resolution.system, ctx, flags);
    if (resolution.kind === 'successor') return successorFundingReply(resolution.successor, ctx.data, buttonId);
    return unresolvedReply(typed, resolution, buttonId, 'name', flags.hide, 'funding');
  },

  autocomplete(focused, _options, ctx) {
    return ctx.autocompleteSystems(focused.value);
  },

  button([id, ...rest], ctx) {
    const system = id !== undefined ? ctx.data.byId.get(id) : undefined;
    if (system === undefined) return reply({ ephemeral: true, content: 'That button is out of date: please run `/funding` again.' });
    return answer(system, ctx, parseFlags(rest));
  },
};

export default funding;
