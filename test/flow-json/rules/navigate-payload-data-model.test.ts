import { describe, expect, it } from 'vitest';
import { baseFlow, runRule, summary } from '../helpers.js';

const rule = 'flow-json/navigate-payload-data-model';
const lineOf = (text: string, needle: string) => text.slice(0, text.indexOf(needle)).split('\n').length;

/** baseFlow with the ASK → CONFIRM payload and CONFIRM's data model replaced. */
function flowWith(payload: object | undefined, data: object | undefined): any {
  const flow = baseFlow();
  const action = flow.screens[0].layout.children[1]['on-click-action'];
  if (payload === undefined) delete action.payload;
  else action.payload = payload;
  const confirm = flow.screens[1];
  if (data === undefined) delete confirm.data;
  else confirm.data = data;
  confirm.layout.children[0].text = 'Thanks';
  confirm.layout.children[1]['on-click-action'].payload = {};
  return flow;
}
const str = { type: 'string', __example__: 'x' };

describe(rule, () => {
  it('accepts payloads that match the next screen', () => {
    expect(runRule(rule, baseFlow())).toEqual([]);
    expect(runRule(rule, flowWith({}, {}))).toEqual([]);
    expect(runRule(rule, flowWith(undefined, undefined))).toEqual([]);
    expect(runRule(rule, flowWith({ a: 'text', n: 1, b: true, l: [], o: {} }, {
      a: str, n: { type: 'number', __example__: 1 }, b: { type: 'boolean', __example__: true }, l: { type: 'array', items: { type: 'string' }, __example__: [] }, o: { type: 'object', properties: {}, __example__: {} },
    }))).toEqual([]);
  });

  it('is silent in endpoint flows, whose data come from the endpoint', () => {
    const flow = flowWith({ extra: 'x' }, { other: str });
    flow.data_api_version = '3.0';
    expect(runRule(rule, flow)).toEqual([]);
  });

  it('reports a payload sent to a screen without a data model', () => {
    const text = JSON.stringify(flowWith({ a: 'x' }, undefined), null, 2);
    expect(runRule(rule, text).map((d) => [d.error, d.message, d.line_start])).toEqual([
      ['INVALID_NAVIGATE_ACTION_PAYLOAD', "No data model is defined in the next screen 'CONFIRM'.", lineOf(text, '"payload"')],
    ]);
  });

  it('reports keys missing on either side', () => {
    const text = JSON.stringify(flowWith({ a: 'x', b: 'y', c: 'z' }, { a: str, d: str, e: str }), null, 2);
    const found = runRule(rule, text);
    expect(found.map((d) => d.message)).toEqual([
      "Following fields are expected in the next screen's data model but missing in payload: [d, e].",
      "Following fields are missing in the next screen's data model: [b, c].",
    ]);
    expect(summary(found)).toEqual([`INVALID_NAVIGATE_ACTION_PAYLOAD@${lineOf(text, '"payload"')}`, `INVALID_NAVIGATE_ACTION_PAYLOAD@${lineOf(text, '"b": "y"')}`]);
    expect(runRule(rule, flowWith(undefined, { a: str })).map((d) => d.message)).toEqual([
      "Following fields are expected in the next screen's data model but missing in payload: [a].",
    ]);
  });

  it('reports static values of the wrong type', () => {
    const text = JSON.stringify(flowWith({ a: true, n: '3' }, { a: str, n: { type: 'number', __example__: 1 } }), null, 2);
    expect(runRule(rule, text).map((d) => [d.message, d.line_start])).toEqual([
      ["Schema of payload data at 'a' on screen 'ASK' is not matching with schema of data model field on screen 'CONFIRM'. Property is expecting 'string' but got 'boolean'.", lineOf(text, '"a": true')],
      ["Schema of payload data at 'n' on screen 'ASK' is not matching with schema of data model field on screen 'CONFIRM'. Property is expecting 'number' but got 'string'.", lineOf(text, '"n": "3"')],
    ]);
  });

  it('reports bindings whose type is known and wrong, and skips the rest', () => {
    const flow = flowWith({ picks: '${form.picks}', name: '${form.first_name}', when: '${data.when}' }, { picks: str, name: { type: 'number', __example__: 1 }, when: str });
    flow.screens[0].layout.children.unshift({ type: 'CheckboxGroup', name: 'picks', label: 'Picks', 'data-source': [{ id: 'a', title: 'A' }] });
    // A number input's value type is undetermined (a plain TextInput is a string: see payload-types.test.ts).
    flow.screens[0].layout.children[1]['input-type'] = 'number';
    flow.screens[0].data = { when: { type: 'array', items: { type: 'string' }, __example__: [] } };
    const found = runRule(rule, flow);
    expect(found.map((d) => d.message)).toEqual([
      "Schema of dynamic data '${form.picks}' is not matching schema of data model field 'picks' on screen 'CONFIRM'. Property is expecting 'string' but got 'array'.",
      "Schema of dynamic data '${data.when}' is not matching schema of data model field 'when' on screen 'CONFIRM'. Property is expecting 'string' but got 'array'.",
    ]);
  });

  it('leaves unknown and same-screen targets to navigate-next-screen', () => {
    const flow = flowWith({ a: 'x' }, {});
    flow.screens[0].layout.children[1]['on-click-action'].next.name = 'ASK';
    expect(runRule(rule, flow)).toEqual([]);
  });
});
