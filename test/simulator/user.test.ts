/** The simulator plays a given user: a username user without a phone number comes back on the completion. */
import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../../src/core/errors.js';
import { FlowSimulator } from '../../src/simulator/index.js';

const flowJson = {
  version: '7.3',
  screens: [
    {
      id: 'ONLY',
      title: 'Only',
      terminal: true,
      data: {},
      layout: {
        type: 'SingleColumnLayout',
        children: [{ type: 'Footer', label: 'Done', 'on-click-action': { name: 'complete', payload: { ok: 'yes' } } }],
      },
    },
  ],
};

describe('FlowSimulator({ user })', () => {
  it('hands the user back on the completion', async () => {
    const user = { userId: 'US.13491208655302741918', username: 'jane.doe' };
    const sim = new FlowSimulator({ flowJson, user, flowToken: 't' });
    await sim.open();
    const completion = await sim.runAuto();
    expect(completion.user).toEqual(user);
    expect(completion.response).toEqual({ flow_token: 't', ok: 'yes' });
  });

  it('without a user the completion names none', async () => {
    const sim = new FlowSimulator({ flowJson });
    await sim.open();
    expect('user' in (await sim.runAuto())).toBe(false);
  });

  it('refuses a user without a BSUID, with the accepted shape', () => {
    expect(() => new FlowSimulator({ flowJson, user: { username: 'jane' } })).toThrow(InvalidArgumentError);
    expect(() => new FlowSimulator({ flowJson, user: { username: 'jane' } })).toThrow(/userId.*US\.13491208655302741918/);
  });
});
