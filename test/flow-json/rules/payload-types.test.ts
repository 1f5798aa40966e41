import { describe, expect, it } from 'vitest';
import { baseFlow, runRule, summary } from '../helpers.js';

/** Form values of text entries in navigate payloads (src/flow-json/rules/actions/payload-types.ts), as the navigate rule types them. */
const rule = 'flow-json/navigate-payload-data-model';
const lineOf = (text: string, needle: string) => text.slice(0, text.indexOf(needle)).split('\n').length;

/** baseFlow with ASK's TextInput changed by `input` and CONFIRM's `first_name` declared as `declared`. */
function flowWith(declared: object, input: Record<string, unknown> = {}): any {
  const flow = baseFlow();
  Object.assign(flow.screens[0].layout.children[0], input);
  flow.screens[1].data.first_name = { __example__: 1, ...declared };
  return flow;
}
const num = { type: 'number', __example__: 1 };
const expecting = (value: string, type: string, got = 'string') =>
  `Schema of dynamic data '${value}' is not matching schema of data model field 'first_name' on screen 'CONFIRM'. Property is expecting '${type}' but got '${got}'.`;

describe('navigate payload types of text entries', () => {
  it('reports a TextInput value sent to a number field', () => {
    const text = JSON.stringify(flowWith(num), null, 2);
    const found = runRule(rule, text);
    expect(found.map((d) => [d.error, d.message])).toEqual([['INVALID_NAVIGATE_ACTION_PAYLOAD', expecting('${form.first_name}', 'number')]]);
    expect(summary(found)).toEqual([`INVALID_NAVIGATE_ACTION_PAYLOAD@${lineOf(text, '"first_name": "${form.first_name}"')}`]);
    expect(found[0]!.path).toBe('/screens/0/layout/children/1/on-click-action/payload/first_name');
  });

  it('types every non-number input-type as a string', () => {
    for (const inputType of ['text', 'email', 'password', 'passcode', 'phone']) {
      expect(runRule(rule, flowWith(num, { 'input-type': inputType })).map((d) => d.message), inputType).toEqual([expecting('${form.first_name}', 'number')]);
      expect(runRule(rule, flowWith({ type: 'string', __example__: 'x' }, { 'input-type': inputType })), inputType).toEqual([]);
    }
    expect(runRule(rule, flowWith({ type: 'integer' })).map((d) => d.message)).toEqual([expecting('${form.first_name}', 'number')]);
    expect(runRule(rule, flowWith({ type: 'boolean', __example__: true })).map((d) => d.message)).toEqual([expecting('${form.first_name}', 'boolean')]);
    expect(runRule(rule, flowWith({ type: 'array', items: { type: 'string' }, __example__: [] })).map((d) => d.message)).toEqual([
      expecting('${form.first_name}', 'array'),
    ]);
  });

  it('leaves number inputs and input-types it cannot read undetermined', () => {
    expect(runRule(rule, flowWith(num, { 'input-type': 'number' }))).toEqual([]);
    expect(runRule(rule, flowWith({ type: 'string', __example__: 'x' }, { 'input-type': 'number' }))).toEqual([]);
    expect(runRule(rule, flowWith(num, { 'input-type': '${data.kind}' }))).toEqual([]);
    expect(runRule(rule, flowWith(num, { 'input-type': '`${data.kind}`' }))).toEqual([]);
    expect(runRule(rule, flowWith(num, { 'input-type': 3 }))).toEqual([]);
  });

  it('leaves a name shared by a number input and a text input undetermined', () => {
    const flow = flowWith(num);
    const [input, footer] = flow.screens[0].layout.children;
    flow.screens[0].layout.children = [
      { type: 'If', condition: '${data.ask_age}', then: [{ ...input, 'input-type': 'number' }], else: [input] },
      footer,
    ];
    flow.screens[0].data = { ask_age: { type: 'boolean', __example__: true } };
    expect(runRule(rule, flow)).toEqual([]);
  });

  it('types TextArea values as strings', () => {
    const flow = flowWith(num);
    flow.screens[0].layout.children[0] = { type: 'TextArea', name: 'first_name', label: 'First name' };
    expect(runRule(rule, flow).map((d) => d.message)).toEqual([expecting('${form.first_name}', 'number')]);
    flow.screens[1].data.first_name = { type: 'string', __example__: 'x' };
    expect(runRule(rule, flow)).toEqual([]);
  });

  it('types global form references to a TextInput too', () => {
    const flow = flowWith(num);
    const confirm = flow.screens[1];
    // ASK → MIDDLE → CONFIRM, MIDDLE sending ASK's input on.
    flow.screens.splice(1, 0, {
      id: 'MIDDLE',
      title: 'Middle',
      data: {},
      layout: {
        type: 'SingleColumnLayout',
        children: [
          { type: 'Footer', label: 'Next', 'on-click-action': { name: 'navigate', next: { type: 'screen', name: 'CONFIRM' }, payload: { first_name: '${screen.ASK.form.first_name}' } } },
        ],
      },
    });
    flow.screens[0].layout.children[1]['on-click-action'] = { name: 'navigate', next: { type: 'screen', name: 'MIDDLE' }, payload: {} };
    expect(confirm.id).toBe('CONFIRM');
    expect(runRule(rule, flow).map((d) => d.message)).toEqual([expecting('${screen.ASK.form.first_name}', 'number')]);
  });
});
