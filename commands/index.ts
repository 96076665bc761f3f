import type { CommandModule } from '../src/core/command.ts';
import ask from './ask.ts';
import compare from './compare.ts';
import data from './data.ts';
import england from './england.ts';
import funding from './funding.ts';
import help from './help.ts';
import ics from './ics.ts';
import rank from './rank.ts';
import region from './region.ts';
import sources from './sources.ts';

/** Every command the bot serves, in one typed list: adding a command is one file and one line here. */
export const COMMANDS: readonly CommandModule[] = [ics, compare, region, rank, funding, england, sources, data, ask, help];
