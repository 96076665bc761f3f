import { HIDE, slashCommand, SYSTEM_NAME } from '../src/core/definition.ts';
import { replyFlags, stringOption, type CommandContext, type CommandModule, type ReplyFlags } from '../src/core/command.ts';
import { action, outdated, resolveSystem, systemFromButton } from '../src/core/steps.ts';
import type { IcsSystem } from '../src/data/model.ts';
import { reply, type Reply } from '../src/protocol/reply.ts';
import { unresolvedReply } from '../src/views/candidates.ts';
import { fundingCardFields } from '../src/views/funding-fields.ts';
import { successorReply } from '../src/views/successor-card.ts';
import { placeLine } from '../src/views/place-line.ts';
import { sourcesQuotesReply, sourcesSayButtons, sourcesSayFields } from '../src/views/source-statements.ts';
import { systemEmbed } from '../src/views/system-card.ts';

function card(system: IcsSystem, ctx: CommandContext, flags: ReplyFlags, note?: string): Reply {
  const fields = [...sourcesSayFields(system, ctx.data), ...fundingCardFields(system, ctx.data)];
  return reply({
    ...(note === undefined ? {} : { content: note }),
    embeds: [systemEmbed(system, ctx.data, fields)],
    components: sourcesSayButtons(system, ctx.data, flags),
    ephemeral: flags.hide,
  });
}

const ics: CommandModule = {
  definition: slashCommand('ics', "One Integrated Care System's finances: figures, ranks, 2022/23 position and the source quote", [SYSTEM_NAME, HIDE]),

  run(options, ctx) {
    const typed = stringOption(options, 'name') ?? '';
    const flags = replyFlags(options);
    const resolution = resolveSystem(typed, ctx);
    if (resolution.kind === 'match') return card(resolution.system, ctx, flags, 'via' in resolution ? placeLine(resolution, ctx.data.byId) : undefined);
    if (resolution.kind === 'successor') return successorReply(resolution.successor, ctx.data, flags.hide);
    return unresolvedReply(typed, resolution, (s) => action('ics', [s.odsCode], flags), 'name', flags.hide);
  },

  autocomplete(focused, _options, ctx) {
    return ctx.autocompleteSystems(focused.value);
  },

  button(pressed, ctx) {
    const [key, successorId] = pressed.args;
    if (key === 'successor') {
      const successor = ctx.data.changes.successor(successorId ?? '');
      return successor === undefined ? outdated('ics') : successorReply(successor, ctx.data, pressed.hide);
    }
    if (key === 'says') {
      const about = systemFromButton(successorId, ctx);
      return about === undefined ? outdated('ics') : sourcesQuotesReply(about, ctx.data, pressed);
    }
    const system = systemFromButton(key, ctx);
    return system === undefined ? outdated('ics') : card(system, ctx, pressed);
  },
};

export default ics;
