import type { APIEmbed } from 'discord-api-types/v10';
import type { IcsSystem } from '../data/model.ts';
import type { ButtonAction } from '../protocol/buttons.ts';
import { reply, type Reply, type ReplyFile } from '../protocol/reply.ts';
import type { Resolution } from '../search/resolve.ts';
import type { CommandContext, ReplyFlags } from './command.ts';

/** What the user typed, or what a button carried: a system id or ODS code first, then the name resolver. */
export function resolveSystem(typed: string, ctx: CommandContext): Resolution | { kind: 'match'; system: IcsSystem } {
  const direct = ctx.data.byId.get(typed) ?? ctx.data.byCode.get(typed);
  return direct !== undefined ? { kind: 'match', system: direct } : ctx.resolver.resolve(typed);
}

/** The system a button's first argument names, by ODS code. */
export function systemFromButton(key: string | undefined, ctx: CommandContext): IcsSystem | undefined {
  return key === undefined ? undefined : ctx.data.byCode.get(key);
}

/** The same press again with other arguments: buttons made from a reply keep its hide / chart choices. */
export function action(command: string, args: readonly string[], flags: ReplyFlags, page?: number): ButtonAction {
  return { command, args, hide: flags.hide, chart: flags.chart, ...(page !== undefined ? { page } : {}) };
}

export function outdated(command: string): Reply {
  return reply({ ephemeral: true, content: `That button is out of date: please run \`/${command}\` again.` });
}

export const CHART_FAILED_NOTE = '_The chart could not be drawn this time; the figures above are complete._';

export interface Chart {
  file: ReplyFile;
  image: NonNullable<APIEmbed['image']>;
}

/**
 * Adds a chart to the first embed when asked for; a chart that fails to render drops out with a one-line note
 * (the figures still answer the question) instead of losing the whole answer.
 */
export async function withChart(base: Reply, flags: ReplyFlags, ctx: CommandContext, command: string, draw: () => Promise<Chart>): Promise<Reply> {
  if (!flags.chart) return base;
  const [first, ...rest] = base.embeds;
  if (first === undefined) return base;
  try {
    const chart = await draw();
    return { ...base, embeds: [{ ...first, image: chart.image }, ...rest], files: [...base.files, chart.file] };
  } catch (error) {
    ctx.reportError?.(error, `${command} chart`);
    const description = first.description === undefined ? CHART_FAILED_NOTE : `${first.description}\n${CHART_FAILED_NOTE}`;
    return { ...base, embeds: [{ ...first, description }, ...rest] };
  }
}
