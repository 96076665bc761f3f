import { baseCommand, CHART_DESCRIPTION, CHART_OPTION, HIDE_DESCRIPTION, HIDE_OPTION } from '../src/core/definition.ts';
import { flagSuffix, parseFlags, replyFlags, stringOption, type CommandContext, type CommandModule, type ReplyFlags } from '../src/core/command.ts';
import { isMetricId } from '../src/data/metrics.ts';
import { REGIONS, type Region } from '../src/data/schema.ts';
import { regionId, resolveRegion } from '../src/search/regions.ts';
import { METRIC_CHOICES } from '../src/views/metric-choices.ts';
import { regionChoices, unknownRegionReply } from '../src/views/region-choices.ts';
import { regionEmbed, sortSystems, type RegionSort } from '../src/views/region-view.ts';
import { chartAttachment, regionChartSpec } from '../src/views/reply-charts.ts';
import { reply, type Reply } from '../src/views/reply.ts';

const SORT_CHOICES = [...METRIC_CHOICES, { name: 'Name (A–Z)', value: 'name' }];

function toSort(value: string | undefined): RegionSort {
  return value !== undefined && (value === 'name' || isMetricId(value)) ? value : 'deficit';
}

async function regionReply(region: Region, sort: RegionSort, ctx: CommandContext, flags: ReplyFlags): Promise<Reply> {
  const summary = ctx.data.regions.find((r) => r.region === region);
  if (summary === undefined) throw new Error(`no summary for ${region}`);
  const embed = regionEmbed(summary, sort, ctx.data);
  if (!flags.chart) return reply({ ephemeral: flags.hide, embeds: [embed] });
  const metric = sort === 'name' ? 'deficit' : sort;
  const { file, image } = await chartAttachment(regionChartSpec(summary, sortSystems(summary.systems, sort), metric), `region-${regionId(region)}-${metric}`);
  return reply({ ephemeral: flags.hide, embeds: [{ ...embed, image }], files: [file] });
}

const region: CommandModule = {
  definition: baseCommand('region', "Every system in one NHS England region, with its figures and the region's totals")
    .addStringOption((o) => o.setName('name').setDescription('Region, e.g. South West, Midlands, London, NE&Y').setRequired(true).setAutocomplete(true).setMaxLength(100))
    .addStringOption((o) => o.setName('sort').setDescription('Order of the list (default: deficit, highest first)').addChoices(...SORT_CHOICES))
    .addBooleanOption((o) => o.setName(CHART_OPTION).setDescription(CHART_DESCRIPTION))
    .addBooleanOption((o) => o.setName(HIDE_OPTION).setDescription(HIDE_DESCRIPTION))
    .toJSON(),

  run(options, ctx) {
    const typed = stringOption(options, 'name') ?? '';
    const sort = toSort(stringOption(options, 'sort'));
    const flags = replyFlags(options);
    const found = resolveRegion(typed);
    if (found === null) return unknownRegionReply(typed, (id) => `region:${id}:${sort}${flagSuffix(flags)}`);
    return regionReply(found, sort, ctx, flags);
  },

  autocomplete(focused) {
    return regionChoices(focused.value);
  },

  button([id, sort, ...rest], ctx) {
    const found = REGIONS.find((r) => regionId(r) === id);
    if (found === undefined) return reply({ ephemeral: true, content: 'That button is out of date: please run `/region` again.' });
    return regionReply(found, toSort(sort), ctx, parseFlags(rest));
  },
};

export default region;
