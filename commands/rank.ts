import { baseCommand, CHART_DESCRIPTION, CHART_OPTION, HIDE_DESCRIPTION, HIDE_OPTION } from '../src/core/definition.ts';
import { flagSuffix, numberOption, parseFlags, replyFlags, stringOption, type CommandContext, type CommandModule, type ReplyFlags } from '../src/core/command.ts';
import { isMetricId } from '../src/data/metrics.ts';
import { REGIONS } from '../src/data/schema.ts';
import { regionId, resolveRegion } from '../src/search/regions.ts';
import { METRIC_CHOICES, ORDER_CHOICES } from '../src/views/metric-choices.ts';
import { rankEmbed, rankSystems, type RankRequest } from '../src/views/rank-view.ts';
import { regionChoices, unknownRegionReply } from '../src/views/region-choices.ts';
import { chartAttachment, rankChartSpec } from '../src/views/reply-charts.ts';
import { reply, type Reply } from '../src/views/reply.ts';

const DEFAULT_COUNT = 10;

function clampCount(value: number | undefined): number {
  return value === undefined || !Number.isFinite(value) ? DEFAULT_COUNT : Math.min(42, Math.max(1, Math.trunc(value)));
}

async function rankReply(request: RankRequest, ctx: CommandContext, flags: ReplyFlags): Promise<Reply> {
  const embed = rankEmbed(ctx.data, request);
  if (!flags.chart) return reply({ ephemeral: flags.hide, embeds: [embed] });
  const ranked = rankSystems(ctx.data, request);
  const where = request.region ?? 'England';
  const spec = rankChartSpec(
    ranked.rows.map((r) => r.system),
    request.metric,
    where,
  );
  const { file, image } = await chartAttachment(spec, `rank-${request.metric}-${request.order}-${request.count}-${request.region === null ? 'england' : regionId(request.region)}`);
  return reply({ ephemeral: flags.hide, embeds: [{ ...embed, image }], files: [file] });
}

const rank: CommandModule = {
  definition: baseCommand('rank', 'Rank the 42 systems (or one region) on a figure')
    .addStringOption((o) => o.setName('metric').setDescription('What to rank by').setRequired(true).addChoices(...METRIC_CHOICES))
    .addStringOption((o) => o.setName('order').setDescription('Highest or lowest first (default: highest)').addChoices(...ORDER_CHOICES))
    .addStringOption((o) => o.setName('region').setDescription('Only this NHS England region').setAutocomplete(true).setMaxLength(100))
    .addIntegerOption((o) => o.setName('count').setDescription(`How many to list (default ${DEFAULT_COUNT})`).setMinValue(1).setMaxValue(42))
    .addBooleanOption((o) => o.setName(CHART_OPTION).setDescription(CHART_DESCRIPTION))
    .addBooleanOption((o) => o.setName(HIDE_OPTION).setDescription(HIDE_DESCRIPTION))
    .toJSON(),

  run(options, ctx) {
    const metricValue = stringOption(options, 'metric') ?? '';
    const flags = replyFlags(options);
    if (!isMetricId(metricValue)) {
      return reply({ ephemeral: true, content: `Pick a metric from the list: ${METRIC_CHOICES.map((c) => `\`${c.value}\``).join(', ')}.` });
    }
    const order = stringOption(options, 'order') === 'lowest' ? 'lowest' : 'highest';
    const count = clampCount(numberOption(options, 'count'));
    const regionTyped = stringOption(options, 'region');
    const region = regionTyped === undefined ? null : resolveRegion(regionTyped);
    if (regionTyped !== undefined && region === null) {
      return unknownRegionReply(regionTyped, (id) => `rank:${metricValue}:${order}:${count}:${id}${flagSuffix(flags)}`);
    }
    return rankReply({ metric: metricValue, order, region, count }, ctx, flags);
  },

  button([metric, order, count, regionKey, ...rest], ctx) {
    const region = REGIONS.find((r) => regionId(r) === regionKey);
    if (metric === undefined || !isMetricId(metric) || region === undefined) {
      return reply({ ephemeral: true, content: 'That button is out of date: please run `/rank` again.' });
    }
    const request = { metric, order: order === 'lowest' ? ('lowest' as const) : ('highest' as const), region, count: clampCount(Number(count)) };
    return rankReply(request, ctx, parseFlags(rest));
  },

  autocomplete(focused) {
    return focused.name === 'region' ? regionChoices(focused.value) : [];
  },
};

export default rank;
