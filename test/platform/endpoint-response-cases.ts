import type { ResponseRuleId } from '../../src/platform/endpoint-response/index.js';

/**
 * The endpoint response cases (flows-platform §3.5, §6.5, §6.6) every consumer must decide alike: the platform's
 * `checkEndpointResponse`, the endpoint's `responseChecks` and the simulator's `checkResponse`. Each case: the
 * request an answer replies to, the answer, and the verdict: `ok`, `warning` (WhatsApp accepts it; the simulator
 * goes on and records it) or `error` (WhatsApp rejects it with `error`), with the rules that fire.
 *
 * Every `stack` is one a session can have (screens the routing model leads to `screen` from), so a consumer that
 * does not know the stack (an endpoint) must reach the same verdict as one that does.
 */
export const CASE_FLOW = {
  version: '7.3',
  data_api_version: '3.0',
  routing_model: { START: ['DETAILS'], DETAILS: ['CONFIRM'], CONFIRM: [] },
  screens: [
    {
      id: 'START',
      title: 'Start',
      data: { greeting: { type: 'string', __example__: 'Hi' } },
      layout: { type: 'SingleColumnLayout', children: [{ type: 'TextBody', text: '${data.greeting}' }, { type: 'Footer', label: 'Next', 'on-click-action': { name: 'data_exchange', payload: {} } }] },
    },
    {
      id: 'DETAILS',
      title: 'Details',
      refresh_on_back: true,
      data: {
        price: { type: 'number', __example__: 8 },
        slots: { type: 'array', items: { type: 'object', properties: { id: { type: 'string' }, title: { type: 'string' } } }, __example__: [{ id: 'a', title: 'A' }] },
        profile: { type: 'object', properties: { name: { type: 'string' }, age: { type: 'number' } }, __example__: { name: 'Ana', age: 30 } },
      },
      layout: {
        type: 'SingleColumnLayout',
        children: [
          { type: 'RadioButtonsGroup', name: 'slot', label: 'Slot', 'data-source': '${data.slots}', required: true },
          { type: 'TextBody', text: '${data.profile.name}' },
          { type: 'Footer', label: 'Next', 'on-click-action': { name: 'data_exchange', payload: { slot: '${form.slot}' } } },
        ],
      },
    },
    {
      id: 'CONFIRM',
      title: 'Confirm',
      terminal: true,
      refresh_on_back: true,
      data: { summary: { type: 'string', __example__: 'All set' } },
      layout: { type: 'SingleColumnLayout', children: [{ type: 'TextBody', text: '${data.summary}' }, { type: 'Footer', label: 'Done', 'on-click-action': { name: 'data_exchange', payload: {} } }] },
    },
  ],
} as const;

export interface EndpointResponseCase {
  name: string;
  request: { action: 'INIT' | 'BACK' | 'data_exchange'; screen?: string; stack: readonly string[] };
  answer: unknown;
  verdict: 'ok' | 'warning' | 'error';
  /** Meta's error name, for `error` (and what a strict simulator throws for `warning`). */
  error?: 'invalid-screen-transition' | 'payload-schema-error';
  /** The rules that fire, in the order errors first. */
  rules: ResponseRuleId[];
}

const DETAILS = { price: 8, slots: [{ id: 'a', title: 'A' }], profile: { name: 'Ana', age: 30 } };
const fromStart = { action: 'data_exchange', screen: 'START', stack: [] } as const;
const onDetails = { action: 'data_exchange', screen: 'DETAILS', stack: ['START'] } as const;
const success = (params: unknown) => ({ screen: 'SUCCESS', data: { extension_message_response: { params } } });

export const ENDPOINT_RESPONSE_CASES: EndpointResponseCase[] = [
  { name: 'a route from the current screen, every field of its type', request: fromStart, answer: { screen: 'DETAILS', data: DETAILS }, verdict: 'ok', rules: [] },
  { name: 'the same screen with a snackbar', request: onDetails, answer: { screen: 'DETAILS', data: { ...DETAILS, error_message: 'Pick another slot' } }, verdict: 'ok', rules: [] },
  { name: 'INIT may open any screen', request: { action: 'INIT', stack: [] }, answer: { screen: 'CONFIRM', data: { summary: 's' } }, verdict: 'ok', rules: [] },
  { name: 'data items may leave out nested properties', request: fromStart, answer: { screen: 'DETAILS', data: { ...DETAILS, slots: [{ id: 'a' }], profile: {} } }, verdict: 'ok', rules: [] },
  { name: 'SUCCESS with params and flow_token', request: { action: 'data_exchange', screen: 'CONFIRM', stack: ['START', 'DETAILS'] }, answer: success({ flow_token: 't', order: 1 }), verdict: 'ok', rules: [] },
  { name: 'BACK to a screen on the stack', request: { action: 'BACK', screen: 'CONFIRM', stack: ['START', 'DETAILS'] }, answer: { screen: 'DETAILS', data: DETAILS }, verdict: 'ok', rules: [] },
  { name: 'a declared field left out (§6.5: Meta samples)', request: onDetails, answer: { screen: 'DETAILS', data: { price: 9 } }, verdict: 'warning', error: 'payload-schema-error', rules: ['data-field-omitted', 'data-field-omitted'] },
  { name: 'INIT leaving a field out', request: { action: 'INIT', stack: [] }, answer: { screen: 'CONFIRM', data: {} }, verdict: 'warning', error: 'payload-schema-error', rules: ['data-field-omitted'] },
  { name: 'SUCCESS without flow_token (§6.5: Meta samples)', request: { action: 'data_exchange', screen: 'CONFIRM', stack: ['START', 'DETAILS'] }, answer: success({ order: 1 }), verdict: 'warning', error: 'payload-schema-error', rules: ['success-without-flow-token'] },
  { name: 'a screen the routing model does not allow', request: fromStart, answer: { screen: 'CONFIRM', data: { summary: 's' } }, verdict: 'error', error: 'invalid-screen-transition', rules: ['route-not-allowed'] },
  { name: 'a screen not in the Flow JSON', request: fromStart, answer: { screen: 'NOWHERE', data: {} }, verdict: 'error', error: 'invalid-screen-transition', rules: ['unknown-screen'] },
  { name: 'BACK to a screen not on the stack (drift)', request: { action: 'BACK', screen: 'DETAILS', stack: ['START'] }, answer: { screen: 'CONFIRM', data: { summary: 's' } }, verdict: 'error', error: 'invalid-screen-transition', rules: ['back-not-on-stack'] },
  { name: 'BACK to the current screen', request: { action: 'BACK', screen: 'CONFIRM', stack: ['START', 'DETAILS'] }, answer: { screen: 'CONFIRM', data: { summary: 's' } }, verdict: 'error', error: 'invalid-screen-transition', rules: ['back-not-on-stack'] },
  { name: 'a nested null (drift)', request: fromStart, answer: { screen: 'DETAILS', data: { ...DETAILS, slots: [{ id: 'a', title: null }] } }, verdict: 'error', error: 'payload-schema-error', rules: ['data-null'] },
  { name: 'a nested wrong type (drift)', request: fromStart, answer: { screen: 'DETAILS', data: { ...DETAILS, profile: { name: 'Ana', age: '30' } } }, verdict: 'error', error: 'payload-schema-error', rules: ['data-wrong-type'] },
  { name: 'an array item of the wrong type', request: fromStart, answer: { screen: 'DETAILS', data: { ...DETAILS, slots: ['a'] } }, verdict: 'error', error: 'payload-schema-error', rules: ['data-wrong-type'] },
  { name: 'a top-level wrong type', request: fromStart, answer: { screen: 'DETAILS', data: { ...DETAILS, price: '8' } }, verdict: 'error', error: 'payload-schema-error', rules: ['data-wrong-type'] },
  { name: 'a null in an undeclared field', request: fromStart, answer: { screen: 'DETAILS', data: { ...DETAILS, extra: null } }, verdict: 'error', error: 'payload-schema-error', rules: ['data-null'] },
  { name: 'error_message not a string', request: onDetails, answer: { screen: 'DETAILS', data: { ...DETAILS, error_message: 42 } }, verdict: 'error', error: 'payload-schema-error', rules: ['error-message-not-string'] },
  { name: 'SUCCESS without params', request: { action: 'data_exchange', screen: 'CONFIRM', stack: ['START', 'DETAILS'] }, answer: { screen: 'SUCCESS', data: { acknowledged: true } }, verdict: 'error', error: 'payload-schema-error', rules: ['success-without-params'] },
  { name: 'not { screen, data }', request: fromStart, answer: { data: {} }, verdict: 'error', error: 'payload-schema-error', rules: ['answer-shape'] },
  { name: 'a value nested 100 000 deep (issue 10): a finding, not a RangeError', request: fromStart, answer: { screen: 'DETAILS', data: { ...DETAILS, extra: nested(100_000) } }, verdict: 'error', error: 'payload-schema-error', rules: ['answer-too-deep'] },
  { name: 'an error and a warning together: the error decides', request: fromStart, answer: { screen: 'DETAILS', data: { price: null } }, verdict: 'error', error: 'payload-schema-error', rules: ['data-null', 'data-field-omitted', 'data-field-omitted'] },
];

/** `[[[…]]]`, `depth` arrays deep, built without recursion. */
function nested(depth: number): unknown[] {
  let value: unknown[] = [];
  for (let i = 1; i < depth; i++) value = [value];
  return value;
}
