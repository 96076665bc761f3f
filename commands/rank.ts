import { CHART, HIDE, slashCommand } from '../src/core/definition.ts';
import { numberOption, replyFlags, stringOption, type CommandContext, type CommandModule, type ReplyFlags } from '../src/core/command.ts';
import { action, outdated, withChart } from '../src/core/steps.ts';
import { isMetricId } from '../src/data/metrics.ts';
import { REGIONS } from '../src/data/schema.ts';
import { OptionType } from '../src/protocol/api.ts';
import { reply, type Reply } from '../src/protocol/reply.ts';
import { regionId, resolveRegion } from '../src/search/regions.ts';
import { METRIC_CHOICES, ORDER_CHOICES } from '../src/views/metric-choices.ts';
import { rankEmbed, rankSystems, type RankRequest } from '../src/views/rank-view.ts';
import { regionChoices, unknownRegionReply } from '../src/views/region-choices.ts';
import { rankChartSpec } from '../src/views/reply-charts.ts';
import { renderChart } from '../src/core/render-chart.ts';
import { csvButtonRow, splitCsvArg, tableCsvReply } from '../src/views/csv-replies.ts';
import { METRICS } from '../src/data/metrics.ts';

const DEFAULT_COUNT = 10;
const ENGLAND_KEY = 'england';

function clampCount(value: number | undefined): number {
  return value === undefined || !Number.isFinite(value) ? DEFAULT_COUNT : Math.min(42, Math.max(1, Math.trunc(value)));
}

function rankArgs(request: RankRequest): string[] {
  return [request.metric, request.order, String(request.count), request.region === null ? ENGLAND_KEY : regionId(request.region)];
}

function rankReply(request: RankRequest, ctx: CommandContext, flags: ReplyFlags): Promise<Reply> {
  const base = reply({ ephemeral: flags.hide, embeds: [rankEmbed(ctx.data, request)], components: [csvButtonRow(action('rank', rankArgs(request), flags))] });
  const where = request.region ?? 'England';
  const stem = `rank-${rankArgs(request).join('-')}`;
  const draw = () =>
    renderChart(
      rankChartSpec(
        rankSystems(ctx.data, request).rows.map((r) => r.system),
        request.metric,
        where,
      ),
      stem,
    );
  return withChart(base, flags, ctx, 'rank', draw);
}

const rank: CommandModule = {
  definition: slashCommand('rank', 'Rank the 42 systems (or one region) on a figure', [
    { type: OptionType.String, name: 'metric', description: 'What to rank by', required: true, choices: METRIC_CHOICES },
    { type: OptionType.String, name: 'order', description: 'Highest or lowest first (default: highest)', choices: ORDER_CHOICES },
    { type: OptionType.String, name: 'region', description: 'Only this NHS England region', autocomplete: true, max_length: 100 },
    { type: OptionType.Integer, name: 'count', description: `How many to list (default ${DEFAULT_COUNT})`, min_value: 1, max_value: 42 },
    CHART,
    HIDE,
  ]),

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
      return unknownRegionReply(regionTyped, (id) => action('rank', [metricValue, order, String(count), id], flags));
    }
    return rankReply({ metric: metricValue, order, region, count }, ctx, flags);
  },

  button(pressed, ctx) {
    const { args, csv } = splitCsvArg(pressed.args);
    const [metric, order, count, regionKey] = args;
    const region = regionKey === ENGLAND_KEY ? null : REGIONS.find((r) => regionId(r) === regionKey);
    if (metric === undefined || !isMetricId(metric) || region === undefined) return outdated('rank');
    const request: RankRequest = { metric, order: order === 'lowest' ? 'lowest' : 'highest', region, count: clampCount(Number(count)) };
    if (csv)
      return tableCsvReply(
        `rank-${rankArgs(request).join('-')}.csv`,
        `${METRICS[metric].label}, ${request.order} ${request.count}, ${region ?? 'England'}`,
        'rank',
        rankSystems(ctx.data, request).rows.map((r) => ({ position: r.rank.position, system: r.system })),
        ctx.data,
      );
    return rankReply(request, ctx, pressed);
  },

  autocomplete(focused) {
    return focused.name === 'region' ? regionChoices(focused.value) : [];
  },
};

export default rank;
