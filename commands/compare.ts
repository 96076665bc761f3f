import { baseCommand, CHART_DESCRIPTION, CHART_OPTION, HIDE_DESCRIPTION, HIDE_OPTION } from '../src/core/definition.ts';
import { flagSuffix, parseFlags, replyFlags, stringOption, type CommandContext, type CommandModule, type ReplyFlags } from '../src/core/command.ts';
import { chartAttachment, compareChartSpec } from '../src/views/reply-charts.ts';
import type { IcsSystem } from '../src/data/model.ts';
import { unresolvedReply } from '../src/views/candidates.ts';
import { compareEmbed } from '../src/views/compare-card.ts';
import { reply, type Reply } from '../src/views/reply.ts';
import { systemEmbed } from '../src/views/system-card.ts';
import { shortName } from '../src/search/name-index.ts';
import { successorReply } from '../src/views/successor-card.ts';

async function comparison(a: IcsSystem, b: IcsSystem, ctx: CommandContext, flags: ReplyFlags): Promise<Reply> {
  const ephemeral = flags.hide;
  if (a.id === b.id) {
    return reply({
      ephemeral,
      content: `Both names point to **${shortName(a)}** — here is its card. To compare, pick two different systems, e.g. \`/compare first:Devon second:Somerset\`.`,
      embeds: [systemEmbed(a, ctx.data)],
    });
  }
  const embed = compareEmbed(a, b, ctx.data);
  if (!flags.chart) return reply({ ephemeral, embeds: [embed] });
  const { file, image } = await chartAttachment(compareChartSpec(a, b), `compare-${a.id}-${b.id}`);
  return reply({ ephemeral, embeds: [{ ...embed, image }], files: [file] });
}

const compare: CommandModule = {
  definition: baseCommand('compare', 'Two Integrated Care Systems side by side, with the differences spelled out')
    .addStringOption((o) => o.setName('first').setDescription('First system, place or abbreviation').setRequired(true).setAutocomplete(true).setMaxLength(100))
    .addStringOption((o) => o.setName('second').setDescription('Second system, place or abbreviation').setRequired(true).setAutocomplete(true).setMaxLength(100))
    .addBooleanOption((o) => o.setName(CHART_OPTION).setDescription(CHART_DESCRIPTION))
    .addBooleanOption((o) => o.setName(HIDE_OPTION).setDescription(HIDE_DESCRIPTION))
    .toJSON(),

  run(options, ctx) {
    const flags = replyFlags(options);
    const hide = flags.hide;
    const flag = flagSuffix(flags);
    const typed = [stringOption(options, 'first') ?? '', stringOption(options, 'second') ?? ''] as const;
    const [ra, rb] = typed.map((t) => {
      const direct = ctx.data.byId.get(t);
      return direct !== undefined ? ({ kind: 'match', system: direct } as const) : ctx.resolver.resolve(t);
    });
    if (ra === undefined || rb === undefined) throw new Error('two resolutions expected');
    const today = [ra, rb].find((r) => r.kind === 'successor');
    if (today?.kind === 'successor') {
      return successorReply(
        today.successor,
        ctx.data,
        true,
        `**${today.successor.name}** was created in April 2026, after the survey; /compare works on the 2022 systems. Here is what it was formed from — compare its predecessors instead.`,
      );
    }
    if (ra.kind === 'successor' || rb.kind === 'successor') throw new Error('successors answered above');
    if (ra.kind !== 'match') {
      const other = rb.kind === 'match' ? rb.system.id : null;
      return unresolvedReply(typed[0], ra, (s) => (other !== null ? `compare:${s.id}:${other}${flag}` : `ics:${s.id}${flag}`), 'first', hide, 'compare');
    }
    if (rb.kind !== 'match') return unresolvedReply(typed[1], rb, (s) => `compare:${ra.system.id}:${s.id}${flag}`, 'second', hide, 'compare');
    return comparison(ra.system, rb.system, ctx, flags);
  },

  autocomplete(focused, _options, ctx) {
    return ctx.autocompleteSystems(focused.value);
  },

  button([first, second, ...rest], ctx) {
    const a = first !== undefined ? ctx.data.byId.get(first) : undefined;
    const b = second !== undefined ? ctx.data.byId.get(second) : undefined;
    if (a === undefined || b === undefined) return reply({ ephemeral: true, content: 'That button is out of date: please run `/compare` again.' });
    return comparison(a, b, ctx, parseFlags(rest));
  },
};

export default compare;
