import { createApp, type App } from '../../src/core/app.ts';
import { toMessageData } from '../../src/protocol/message-data.ts';
import type { Reply } from '../../src/protocol/reply.ts';
import { checkMessagePayload } from '../fake-discord/limits.ts';

let shared: Promise<App> | undefined;

/** One app per test file: data, search and commands are static, so building them once is faithful and fast. */
export function testApp(): Promise<App> {
  shared ??= createApp();
  return shared;
}

/** Every string a reply would show, for asserting on what the user reads. */
export function replyText(reply: Reply): string {
  return JSON.stringify(toMessageData(reply));
}

/** Discord's limits and our no-ping rule, checked by the same oracle the fake Discord applies. */
export function limitViolations(reply: Reply): string[] {
  return checkMessagePayload(toMessageData(reply));
}
