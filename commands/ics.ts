import { baseCommand, HIDE_DESCRIPTION, HIDE_OPTION } from '../src/core/definition.ts';
import { booleanOption, stringOption, type CommandContext, type CommandModule } from '../src/core/command.ts';
import type { IcsSystem } from '../src/data/model.ts';
import { unresolvedReply } from '../src/views/candidates.ts';
import { reply, type Reply } from '../src/views/reply.ts';
import { systemEmbed } from '../src/views/system-card.ts';
import { fundingCardFields } from '../src/views/funding-fields.ts';
import { successorReply } from '../src/views/successor-card.ts';
import { placeLine } from '../src/views/place-line.ts';

function card(system: IcsSystem, ctx: CommandContext, ephemeral: boolean, note?: string): Reply {
  return reply({ ...(note === undefined ? {} : { content: note }), embeds: [systemEmbed(system, ctx.data, fundingCardFields(system, ctx.data))], ephemeral });
}

const ics: CommandModule = {
  definition: baseCommand('ics', "One Integrated Care System's finances: figures, ranks, 2022/23 position and the source quote")
    .addStringOption((o) =>
      o.setName('name').setDescription('System name, place it covers, or abbreviation (e.g. Devon, Leeds, BNSSG)').setRequired(true).setAutocomplete(true).setMaxLength(100),
    )
    .addBooleanOption((o) => o.setName(HIDE_OPTION).setDescription(HIDE_DESCRIPTION))
    .toJSON(),

  run(options, ctx) {
    const typed = stringOption(options, 'name') ?? '';
    const hide = booleanOption(options, HIDE_OPTION) ?? false;
    const direct = ctx.data.byId.get(typed);
    if (direct !== undefined) return card(direct, ctx, hide);
    const resolution = ctx.resolver.resolve(typed);
    if (resolution.kind === 'match') return card(resolution.system, ctx, hide, placeLine(resolution, ctx.data.byId));
    if (resolution.kind === 'successor') return successorReply(resolution.successor, ctx.data, hide);
    return unresolvedReply(typed, resolution, (s) => `ics:${s.id}${hide ? ':hide' : ''}`, 'name', hide);
  },

  autocomplete(focused, _options, ctx) {
    return ctx.autocompleteSystems(focused.value);
  },

  button([id, ...rest], ctx) {
    if (id === 'successor') {
      const successor = ctx.data.changes.successor(rest[0] ?? '');
      if (successor === undefined) return reply({ ephemeral: true, content: 'That button is out of date: please run `/ics` again.' });
      return successorReply(successor, ctx.data, rest[1] === 'hide');
    }
    const hide = rest[0];
    const system = id !== undefined ? ctx.data.byId.get(id) : undefined;
    if (system === undefined) return reply({ ephemeral: true, content: 'That button is out of date: please run `/ics` again.' });
    return card(system, ctx, hide === 'hide');
  },
};

export default ics;
