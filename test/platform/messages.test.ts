/** The message case tables through the platform module itself (src/platform/messages.ts). */
import { describe, expect, it } from 'vitest';
import { checkFlowButtonComponent, checkFlowInteractive, checkTemplateFlowButton } from '../../src/platform/messages.js';
import { FLOW_BUTTON_CASES, MESSAGE_CASES } from './message-cases.js';

const verdictOf = (v: { ok: true } | { ok: false; problem: string }) => (v.ok ? 'ok' : v.problem);

describe('message cases through src/platform/messages.ts', () => {
  it.each(MESSAGE_CASES.map((c) => [c.name, c] as const))('flow message: %s', (_name, c) => {
    const got = verdictOf(checkFlowInteractive(c.interactive));
    if (c.expected === 'ok') expect(got).toBe('ok');
    else expect(got).toContain(c.expected.problem);
  });

  it.each(FLOW_BUTTON_CASES.map((c) => [c.name, c] as const))('template FLOW button: %s', (_name, c) => {
    const got = verdictOf(checkTemplateFlowButton(c.button));
    if (c.expected === 'ok') expect(got).toBe('ok');
    else expect(got).toContain(c.expected.problem);
  });

  it('defaults are made explicit (§4.1): published, navigate, token "unused", no screen', () => {
    const v = checkFlowInteractive({ type: 'flow', body: { text: 'x' }, action: { name: 'flow', parameters: { flow_message_version: '3', flow_cta: 'Go', flow_name: 'n' } } });
    expect(v).toEqual({ ok: true, settings: { flowName: 'n', mode: 'published', flowAction: 'navigate', flowToken: 'unused' } });
  });

  it('template FLOW button parameter at send time (§4.2)', () => {
    expect(checkFlowButtonComponent({ type: 'button', sub_type: 'flow', index: '0', parameters: [{ type: 'action', action: {} }] })).toEqual({ ok: true, settings: { index: 0, flowToken: 'unused' } });
    expect(verdictOf(checkFlowButtonComponent({ index: '10', parameters: [] }))).toContain('index must be an integer from 0 to 9');
    expect(verdictOf(checkFlowButtonComponent({ index: 0, parameters: [{ type: 'action', action: { flow_action_data: [] } }] }))).toContain('flow_action_data must be an object');
  });
});
