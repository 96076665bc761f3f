import { DiscordAPIError, DiscordjsError, DiscordjsErrorCodes } from 'discord.js';

/** The one line a person sees when Discord refuses the token: what happened and what to do, never the token. */
export const INVALID_TOKEN_MESSAGE =
  'Discord rejected DISCORD_TOKEN (401 Unauthorized). Reset the token in the Discord developer portal → your application → Bot, and update .env.';

/** discord.js's login reports a 401 as TokenInvalid; a plain REST call (deploy, shard count) as a 401 DiscordAPIError. */
export function isInvalidToken(error: unknown): boolean {
  if (error instanceof DiscordjsError && error.code === DiscordjsErrorCodes.TokenInvalid) return true;
  return error instanceof DiscordAPIError && error.status === 401;
}

/** A failure as one line for a person, without a stack trace (it would say nothing they can act on). */
export function describeFailure(error: unknown): string {
  if (isInvalidToken(error)) return INVALID_TOKEN_MESSAGE;
  return error instanceof Error ? error.message : String(error);
}
