import { CHART, HIDE, slashCommand, SYSTEM_NAME } from '../src/core/definition.ts';
import { replyFlags, stringOption, type CommandContext, type CommandModule, type ReplyFlags } from '../src/core/command.ts';
import { renderChart } from '../src/core/render-chart.ts';
import { action, outdated, resolveSystem, systemFromButton, withChart } from '../src/core/steps.ts';
import type { IcsSystem } from '../src/data/model.ts';
import type { Reply } from '../src/protocol/reply.ts';
import { unresolvedReply } from '../src/views/candidates.ts';
import { fundingChart, fundingReply, successorFundingReply } from '../src/views/funding-view.ts';
import { SOURCE_YEARS } from '../src/data/source-years.ts';

async function answer(system: IcsSystem, ctx: CommandContext, flags: ReplyFlags): Promise<Reply> {
  const base = fundingReply(system, ctx.data, flags.hide);
  const chart = fundingChart(system, ctx.data);
  if (chart === undefined) return base;
  return withChart(base, flags, ctx, 'funding', () => renderChart(chart.spec, chart.fileStem));
}

const funding: CommandModule = {
  definition: slashCommand('funding', `One system's NHS England allocations ${SOURCE_YEARS.allocations.allocationYears}, fair-shares distance, running costs`, [
    SYSTEM_NAME,
    CHART,
    HIDE,
  ]),

  run(options, ctx) {
    const typed = stringOption(options, 'name') ?? '';
    const flags = replyFlags(options);
    const pick = (s: IcsSystem) => action('funding', [s.odsCode], flags);
    const resolution = resolveSystem(typed, ctx);
    if (resolution.kind === 'match') return answer(resolution.system, ctx, flags);
    if (resolution.kind === 'successor') return successorFundingReply(resolution.successor, ctx.data, pick);
    return unresolvedReply(typed, resolution, pick, 'name', flags.hide, 'funding');
  },

  autocomplete(focused, _options, ctx) {
    return ctx.autocompleteSystems(focused.value);
  },

  button(pressed, ctx) {
    const system = systemFromButton(pressed.args[0], ctx);
    return system === undefined ? outdated('funding') : answer(system, ctx, pressed);
  },
};

export default funding;
