import type { APIButtonComponent } from 'discord-api-types/v10';
import { ButtonStyle, ComponentType, MessageFlags } from './api.ts';
import { DISCORD_LIMITS } from './limits.ts';

/**
 * Buttons carry all their state in the custom id (no server state, so any instance can answer any press).
 * Format: `v2:<command>:<flags>:<arg>:<arg>…`; flags are `h` (hidden), `n` (no chart), `p<N>` (page).
 * Ids made by an older release lack the `v2` marker and are answered with "please run the command again".
 */
export const BUTTON_VERSION = 'v2';

export interface ButtonAction {
  command: string;
  /** Short stable keys: ODS codes for systems, ids for regions, metrics and successors. */
  args: readonly string[];
  hide: boolean;
  chart: boolean;
  page?: number;
}

export type DecodedButton = { ok: true; action: ButtonAction } | { ok: false; reason: 'outdated' | 'malformed' };

const COMMAND = /^[a-z][a-z0-9-]{0,31}$/;
const ARG = /^[A-Za-z0-9._+-]{0,40}$/;
const FLAGS = /^h?n?(?:p\d{1,3})?$/;

export class ButtonCodecError extends Error {
  override readonly name = 'ButtonCodecError';
}

function flagsOf(action: ButtonAction): string {
  return `${action.hide ? 'h' : ''}${action.chart ? '' : 'n'}${action.page !== undefined ? `p${action.page}` : ''}`;
}

/** Throws on an action the codec cannot carry: that is a programming error, caught by the sweep test, never cut. */
export function encodeButton(action: ButtonAction): string {
  if (!COMMAND.test(action.command)) throw new ButtonCodecError(`button command "${action.command}" is not a command name`);
  const bad = action.args.find((a) => !ARG.test(a));
  if (bad !== undefined) throw new ButtonCodecError(`button argument "${bad}" must be a short key of letters, digits and . _ + -`);
  if (action.page !== undefined && (!Number.isInteger(action.page) || action.page < 0 || action.page > 999))
    throw new ButtonCodecError(`page ${action.page} is out of range`);
  const id = [BUTTON_VERSION, action.command, flagsOf(action), ...action.args].join(':');
  if (id.length > DISCORD_LIMITS.customId) throw new ButtonCodecError(`custom id of ${id.length} characters is over ${DISCORD_LIMITS.customId}: ${id}`);
  return id;
}

export function decodeButton(customId: string): DecodedButton {
  const [version, command = '', flags = '', ...args] = customId.split(':');
  if (version !== BUTTON_VERSION) return { ok: false, reason: 'outdated' };
  if (!COMMAND.test(command) || !FLAGS.test(flags) || !args.every((a) => ARG.test(a))) return { ok: false, reason: 'malformed' };
  const page = /p(\d+)/.exec(flags)?.[1];
  return {
    ok: true,
    action: { command, args, hide: flags.includes('h'), chart: !flags.includes('n'), ...(page !== undefined ? { page: Number(page) } : {}) },
  };
}

/** Whether a press should be answered hidden: the id says so, or the message it is on was hidden. */
export function pressIsHidden(customId: string, messageFlags = 0): boolean {
  const decoded = decodeButton(customId);
  return (messageFlags & MessageFlags.Ephemeral) !== 0 || (decoded.ok && decoded.action.hide);
}

export type ButtonLook = 'primary' | 'secondary';

/** A button component for an action; the label is cut to Discord's limit (labels are display text, ids are not). */
export function actionButton(label: string, action: ButtonAction, look: ButtonLook = 'secondary', disabled = false): APIButtonComponent {
  const max = DISCORD_LIMITS.buttonLabel;
  return {
    type: ComponentType.Button,
    style: look === 'primary' ? ButtonStyle.Primary : ButtonStyle.Secondary,
    label: label.length <= max ? label : `${label.slice(0, max - 1)}…`,
    custom_id: encodeButton(action),
    ...(disabled ? { disabled: true } : {}),
  };
}
