import { HIDE, HIDE_OPTION, slashCommand } from '../src/core/definition.ts';
import { booleanOption, type CommandModule } from '../src/core/command.ts';
import { reply } from '../src/protocol/reply.ts';
import { icbCountLine } from '../src/views/successor-card.ts';
import { helpSourcesField } from '../src/views/source-statements.ts';
import { glossaryField, sourceYearsField } from '../src/views/glossary.ts';
import { SOURCE_YEARS } from '../src/data/source-years.ts';

/** Each field is written to fit Discord's 1,024 characters by design (a test holds every reply to the limits). */
const HOW_TO_ASK = [
  '`/ask question:what is the deficit in Kent?` — any question in plain English (or @mention the bot, DM it, or right-click a message → Apps → Look up ICS figures)',
  '`/ics name:Devon` — one system’s card (a place or abbreviation works too: `Leeds`, `BNSSG`)',
  '`/compare first:Kent second:Sussex` — two systems side by side',
  '`/region name:South West` — a region’s systems and totals (`sort:` to reorder)',
  '`/rank metric:deficit` — a ranking (`order:lowest`, `region:`, `count:`)',
  `\`/funding name:Devon\` — NHS England’s allocations ${SOURCE_YEARS.allocations.allocationYears} and running costs ${SOURCE_YEARS.allocations.runningCostYears}`,
  '`/england` — national totals and the dated timeline since 2022',
  '`/sources` — where every figure comes from, with links',
  '`/data` — the whole dataset as a CSV file; `/rank`, `/region` and `/compare` have a CSV button',
  'Add `hide:true` to any command to see the answer on your own.',
].join('\n');

const FIGURES = [
  '**Allocation** — the money NHS England gave the system for 2022/23 (£bn), as the survey printed it.',
  '**Spend per head** — allocation divided by the population served, as published (£).',
  '**Deficit / financial gap** — how far planned spending exceeded income for 2022/23, from the board papers the survey cites. A “gap” is before savings plans; an “efficiency ask” is the savings required, not a deficit.',
  '**Deficit as % of allocation** and **per head** are computed by the bot from the published figures.',
].join('\n');

const FUNDING_TERMS = [
  '**Fair-shares target** — the allocation NHS England’s formula says a system should get for its population’s needs; “above target” means relatively over-funded, and “convergence” moves systems towards it.',
  '**Data notes** flag rows where population × spend per head is more than 3% off the allocation, or a figure is missing: the bot shows what was published and what the other figures imply, and never changes a published number.',
].join('\n');

const help: CommandModule = {
  definition: slashCommand('help', 'How to ask, with examples, and what the figures mean', [HIDE]),

  run(options, ctx) {
    return reply({
      ephemeral: booleanOption(options, HIDE_OPTION) ?? false,
      embeds: [
        {
          title: 'ICS finance bot — help',
          description: `Figures for England’s Integrated Care Systems from a survey of their finances as of ${ctx.data.survey.asOf}, with the source of every number.\n${icbCountLine(ctx.data)} Today’s names work too: \`/ics name:Thames Valley\` shows what a new ICB was formed from.`,
          color: 0x0072b2,
          fields: [
            { name: 'How to ask', value: HOW_TO_ASK },
            { name: 'What the figures mean', value: FIGURES },
            { name: 'Targets and data notes', value: FUNDING_TERMS },
            glossaryField(),
            sourceYearsField(ctx.data),
            helpSourcesField(ctx.data),
          ],
        },
      ],
    });
  },
};

export default help;
