import { CHART, HIDE, slashCommand } from '../src/core/definition.ts';
import { replyFlags, stringOption, type CommandContext, type CommandModule, type ReplyFlags } from '../src/core/command.ts';
import { action, outdated, resolveSystem, systemFromButton, withChart } from '../src/core/steps.ts';
import type { IcsSystem } from '../src/data/model.ts';
import { OptionType } from '../src/protocol/api.ts';
import { reply, type Reply } from '../src/protocol/reply.ts';
import { shortName } from '../src/data/names.ts';
import { unresolvedReply } from '../src/views/candidates.ts';
import { compareEmbed } from '../src/views/compare-card.ts';
import { compareChartSpec } from '../src/views/reply-charts.ts';
import { renderChart } from '../src/core/render-chart.ts';
import { successorReply } from '../src/views/successor-card.ts';
import { systemEmbed } from '../src/views/system-card.ts';
import { csvButtonRow, splitCsvArg, tableCsvReply } from '../src/views/csv-replies.ts';

function comparison(a: IcsSystem, b: IcsSystem, ctx: CommandContext, flags: ReplyFlags): Promise<Reply> | Reply {
  if (a.id === b.id) {
    return reply({
      ephemeral: flags.hide,
      content: `Both names point to **${shortName(a)}** — here is its card. To compare, pick two different systems, e.g. \`/compare first:Devon second:Somerset\`.`,
      embeds: [systemEmbed(a, ctx.data)],
    });
  }
  const base = reply({
    ephemeral: flags.hide,
    embeds: [compareEmbed(a, b, ctx.data)],
    components: [csvButtonRow(action('compare', [a.odsCode, b.odsCode], flags))],
  });
  return withChart(base, flags, ctx, 'compare', () => renderChart(compareChartSpec(a, b), `compare-${a.id}-${b.id}`));
}

const systemOption = (name: string, description: string) =>
  ({ type: OptionType.String, name, description, required: true, autocomplete: true, max_length: 100 }) as const;

const compare: CommandModule = {
  definition: slashCommand('compare', 'Two Integrated Care Systems side by side, with the differences spelled out', [
    systemOption('first', 'First system, place or abbreviation'),
    systemOption('second', 'Second system, place or abbreviation'),
    CHART,
    HIDE,
  ]),

  run(options, ctx) {
    const flags = replyFlags(options);
    const typed = [stringOption(options, 'first') ?? '', stringOption(options, 'second') ?? ''] as const;
    const ra = resolveSystem(typed[0], ctx);
    const rb = resolveSystem(typed[1], ctx);
    const today = ra.kind === 'successor' ? ra : rb.kind === 'successor' ? rb : undefined;
    if (today !== undefined) {
      return successorReply(
        today.successor,
        ctx.data,
        true,
        `**${today.successor.name}** was created in April 2026, after the survey; /compare works on the 2022 systems. Here is what it was formed from — compare its predecessors instead.`,
      );
    }
    if (ra.kind === 'successor' || rb.kind === 'successor') throw new Error('successors answered above');
    if (ra.kind !== 'match') {
      const other = rb.kind === 'match' ? rb.system.odsCode : null;
      return unresolvedReply(
        typed[0],
        ra,
        (s) => (other !== null ? action('compare', [s.odsCode, other], flags) : action('ics', [s.odsCode], flags)),
        'first',
        flags.hide,
        'compare',
      );
    }
    if (rb.kind !== 'match')
      return unresolvedReply(typed[1], rb, (s) => action('compare', [ra.system.odsCode, s.odsCode], flags), 'second', flags.hide, 'compare');
    return comparison(ra.system, rb.system, ctx, flags);
  },

  autocomplete(focused, _options, ctx) {
    return ctx.autocompleteSystems(focused.value);
  },

  button(pressed, ctx) {
    const { args, csv } = splitCsvArg(pressed.args);
    const a = systemFromButton(args[0], ctx);
    const b = systemFromButton(args[1], ctx);
    if (a === undefined || b === undefined) return outdated('compare');
    if (csv)
      return tableCsvReply(
        `compare-${a.odsCode}-${b.odsCode}.csv`,
        `${a.shortName} and ${b.shortName}`,
        'order',
        [a, b].map((system, i) => ({ position: i + 1, system })),
        ctx.data,
      );
    return comparison(a, b, ctx, pressed);
  },
};

export default compare;
