import survey from '../../data/survey.json' with { type: 'json' };
import { encodeButton } from '../../src/protocol/buttons.ts';

const codes = new Map(survey.systems.map((s) => [s.id, s.odsCode]));

/** A system's button key (its ODS code), looked up by the id tests name it by. */
export function code(systemId: string): string {
  const found = codes.get(systemId);
  if (found === undefined) throw new Error(`no system ${systemId}`);
  return found;
}

/** The custom id the bot makes for a press, built the way the bot builds it (the codec is tested on its own). */
export function buttonId(command: string, args: readonly string[], flags: { hide?: boolean; chart?: boolean } = {}): string {
  return encodeButton({ command, args, hide: flags.hide ?? false, chart: flags.chart ?? true });
}
