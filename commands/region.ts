import { CHART, HIDE, slashCommand } from '../src/core/definition.ts';
import { replyFlags, stringOption, type CommandContext, type CommandModule, type ReplyFlags } from '../src/core/command.ts';
import { action, outdated, withChart } from '../src/core/steps.ts';
import { isMetricId } from '../src/data/metrics.ts';
import { REGIONS, type Region } from '../src/data/schema.ts';
import { OptionType } from '../src/protocol/api.ts';
import { reply, type Reply } from '../src/protocol/reply.ts';
import { regionId, resolveRegion } from '../src/search/regions.ts';
import { METRIC_CHOICES } from '../src/views/metric-choices.ts';
import { regionChoices, unknownRegionReply } from '../src/views/region-choices.ts';
import { regionEmbed, sortSystems, type RegionSort } from '../src/views/region-view.ts';
import { regionChartSpec } from '../src/views/reply-charts.ts';
import { renderChart } from '../src/core/render-chart.ts';
import { csvButtonRow, splitCsvArg, tableCsvReply } from '../src/views/csv-replies.ts';

const SORT_CHOICES = [...METRIC_CHOICES, { name: 'Name (A–Z)', value: 'name' }];

function toSort(value: string | undefined): RegionSort {
  return value !== undefined && (value === 'name' || isMetricId(value)) ? value : 'deficit';
}

function regionReply(region: Region, sort: RegionSort, ctx: CommandContext, flags: ReplyFlags): Promise<Reply> {
  const summary = ctx.data.regions.find((r) => r.region === region);
  if (summary === undefined) throw new Error(`no summary for ${region}`);
  const base = reply({
    ephemeral: flags.hide,
    embeds: [regionEmbed(summary, sort, ctx.data)],
    components: [csvButtonRow(action('region', [regionId(region), sort], flags))],
  });
  const metric = sort === 'name' ? 'deficit' : sort;
  const draw = () => renderChart(regionChartSpec(summary, sortSystems(summary.systems, sort), metric), `region-${regionId(region)}-${metric}`);
  return withChart(base, flags, ctx, 'region', draw);
}

const region: CommandModule = {
  definition: slashCommand('region', "Every system in one NHS England region, with its figures and the region's totals", [
    {
      type: OptionType.String,
      name: 'name',
      description: 'Region, e.g. South West, Midlands, London, NE&Y',
      required: true,
      autocomplete: true,
      max_length: 100,
    },
    { type: OptionType.String, name: 'sort', description: 'Order of the list (default: deficit, highest first)', choices: SORT_CHOICES },
    CHART,
    HIDE,
  ]),

  run(options, ctx) {
    const typed = stringOption(options, 'name') ?? '';
    const sort = toSort(stringOption(options, 'sort'));
    const flags = replyFlags(options);
    const found = resolveRegion(typed);
    if (found === null) return unknownRegionReply(typed, (id) => action('region', [id, sort], flags));
    return regionReply(found, sort, ctx, flags);
  },

  autocomplete(focused) {
    return regionChoices(focused.value);
  },

  button(pressed, ctx) {
    const { args, csv } = splitCsvArg(pressed.args);
    const [id, sort] = args;
    const found = REGIONS.find((r) => regionId(r) === id);
    if (found === undefined) return outdated('region');
    if (!csv) return regionReply(found, toSort(sort), ctx, pressed);
    const systems = sortSystems(
      ctx.data.systems.filter((s) => s.region === found),
      toSort(sort),
    );
    return tableCsvReply(
      `region-${regionId(found)}.csv`,
      `${found} region, sorted by ${toSort(sort)}`,
      'order',
      systems.map((system, i) => ({ position: i + 1, system })),
      ctx.data,
    );
  },
};

export default region;
