import { describe, expect, it } from 'vitest';
import { baseFlow, runRule, summary } from '../helpers.js';

const rule = 'flow-json/action-properties';

/** A one-screen terminal flow (version 7.3) with these components before its Footer. */
function flowWith(...children: object[]): string {
  const footer = { type: 'Footer', label: 'Done', 'on-click-action': { name: 'complete', payload: {} } };
  const flow = { version: '7.3', screens: [{ id: 'ONLY', title: 'Only', terminal: true, data: {}, layout: { type: 'SingleColumnLayout', children: [...children, footer] } }] };
  return JSON.stringify(flow, null, 2);
}
const lineOf = (text: string, needle: string) => text.slice(0, text.indexOf(needle)).split('\n').length;
const link = (action: object) => ({ type: 'EmbeddedLink', text: 'More', 'on-click-action': action });

describe(rule, () => {
  it('accepts well-formed actions', () => {
    expect(runRule(rule, baseFlow())).toEqual([]);
    expect(runRule(rule, flowWith(link({ name: 'open_url', url: 'https://example.com/terms?x=1' })))).toEqual([]);
    expect(runRule(rule, flowWith(link({ name: 'open_url', url: '${data.terms_url}' })))).toEqual([]);
    expect(runRule(rule, flowWith(link({ name: 'data_exchange' })))).toEqual([]);
  });

  it('reports properties an action does not have, at the key', () => {
    const text = flowWith(link({ name: 'open_url', url: 'https://example.com', payload: {} }));
    const found = runRule(rule, text);
    expect(found.map((d) => [d.error, d.message, d.line_start])).toEqual([
      ['INVALID_PROPERTY_KEY', 'Property payload cannot be specified at $root/screens/0/layout/children/0/on-click-action.', lineOf(text, '"payload"')],
    ]);
    const next = flowWith(link({ name: 'data_exchange', next: { type: 'screen', name: 'ONLY' } }));
    expect(runRule(rule, next).map((d) => d.message)).toEqual(['Property next cannot be specified at $root/screens/0/layout/children/0/on-click-action.']);
  });

  it('checks navigate next', () => {
    const missing = flowWith(link({ name: 'navigate', payload: {} }));
    expect(runRule(rule, missing).map((d) => [d.error, d.message])).toEqual([['MISSING_REQUIRED_TYPE_PROPERTY', "Required property 'next' is missing."]]);
    const text = flowWith(link({ name: 'navigate', next: { type: 'plugin', name: 7, extra: true }, payload: {} }));
    expect(runRule(rule, text).map((d) => [d.error, d.message, d.line_start])).toEqual([
      ['INVALID_ENUM_VALUE', 'Value should be one of: [screen].', lineOf(text, '"plugin"')],
      ['INVALID_PROPERTY_TYPE', 'Expected property $root/screens/0/layout/children/0/on-click-action/next/name to be of type string, but found integer.', lineOf(text, '"name": 7')],
      ['INVALID_PROPERTY_KEY', 'Property extra cannot be specified at $root/screens/0/layout/children/0/on-click-action/next.', lineOf(text, '"extra"')],
    ]);
    const noType = flowWith(link({ name: 'navigate', next: { name: 'X' } }));
    expect(runRule(rule, noType).map((d) => d.message)).toEqual(["Required property 'type' is missing."]);
    expect(runRule(rule, flowWith(link({ name: 'navigate', next: 'X' }))).map((d) => d.error)).toEqual(['INVALID_PROPERTY_TYPE']);
  });

  it('checks payload and url types and the url format', () => {
    const text = flowWith(link({ name: 'data_exchange', payload: ['a'] }));
    expect(summary(runRule(rule, text))).toEqual([`INVALID_PROPERTY_TYPE@${lineOf(text, '"payload"')}`]);
    expect(runRule(rule, text)[0]!.message).toBe('Expected property $root/screens/0/layout/children/0/on-click-action/payload to be of type object, but found array.');
    const bad = flowWith(link({ name: 'open_url', url: 'example.com/terms' }));
    expect(runRule(rule, bad).map((d) => [d.error, d.message, d.line_start])).toEqual([
      ['INVALID_PROPERTY_VALUE_FORMAT', "Property 'url' should be in 'uri' format.", lineOf(bad, '"url"')],
    ]);
    expect(runRule(rule, flowWith(link({ name: 'open_url', url: 'https://exa mple.com' }))).map((d) => d.error)).toEqual(['INVALID_PROPERTY_VALUE_FORMAT']);
    expect(runRule(rule, flowWith(link({ name: 'open_url' }))).map((d) => d.message)).toEqual(["Required property 'url' is missing."]);
    expect(runRule(rule, flowWith(link({ name: 'open_url', url: 1 }))).map((d) => d.error)).toEqual(['INVALID_PROPERTY_TYPE']);
  });

  it('skips unknown action names and unknown sites', () => {
    expect(runRule(rule, flowWith(link({ name: 'submit', whatever: 1 })))).toEqual([]);
    expect(runRule(rule, flowWith({ type: 'TextBody', text: 'x', 'on-click-action': { name: 'navigate' } }))).toEqual([]);
  });
});
