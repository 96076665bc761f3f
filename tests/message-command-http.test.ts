import { describe, expect, it } from 'vitest';
import { parseInteraction } from '../src/delivery/interaction.ts';
import { MESSAGE_COMMAND_NAME } from '../src/questions/message-command.ts';

describe('the message command over HTTP interactions', () => {
  it('reads the right-clicked message as /ask question:<its text>', () => {
    const body = {
      type: 2,
      id: '1',
      token: 't',
      application_id: 'a',
      data: { name: MESSAGE_COMMAND_NAME, type: 3, target_id: 'm1', resolved: { messages: { m1: { id: 'm1', content: 'deficit in Kent: how big?' } } } },
    };
    expect(parseInteraction(body)).toEqual({
      kind: 'command',
      target: { id: '1', token: 't', applicationId: 'a' },
      name: 'ask',
      options: { question: 'deficit in Kent: how big?' },
    });
  });

  it('leaves a slash command as it is', () => {
    const body = { type: 2, id: '1', token: 't', application_id: 'a', data: { name: 'ics', type: 1, options: [{ name: 'name', type: 3, value: 'Devon' }] } };
    expect(parseInteraction(body)).toMatchObject({ kind: 'command', name: 'ics', options: { name: 'Devon' } });
  });
});
