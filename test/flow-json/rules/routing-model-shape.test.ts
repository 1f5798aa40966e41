import { describe, expect, it } from 'vitest';
import { baseFlow, runRule, summary } from '../helpers.js';

const rule = 'flow-json/routing-model-shape';
const lineOf = (text: string, needle: string) => text.slice(0, text.indexOf(needle)).split('\n').length;

describe(rule, () => {
  it('accepts a missing or well-formed routing model', () => {
    expect(runRule(rule, baseFlow())).toEqual([]);
    expect(runRule(rule, { ...baseFlow(), routing_model: { ASK: ['CONFIRM'], CONFIRM: [] } })).toEqual([]);
  });

  it('reports a routing model that is not an object', () => {
    const text = JSON.stringify({ ...baseFlow(), routing_model: [['ASK', 'CONFIRM']] }, null, 2);
    const found = runRule(rule, text);
    expect(found.map((d) => [d.error, d.message])).toEqual([['INVALID_PROPERTY_TYPE', 'Expected property $root/routing_model to be of type object, but found array.']]);
    expect(summary(found)).toEqual([`INVALID_PROPERTY_TYPE@${lineOf(text, '"routing_model"')}`]);
  });

  it('reports values that are not arrays and items that are not strings', () => {
    const text = JSON.stringify({ ...baseFlow(), routing_model: { ASK: 'CONFIRM', CONFIRM: [1] } }, null, 2);
    expect(runRule(rule, text).map((d) => [d.message, d.line_start])).toEqual([
      ['Expected property $root/routing_model/ASK to be of type array, but found string.', lineOf(text, '"ASK": "CONFIRM"')],
      ['Expected property $root/routing_model/CONFIRM/0 to be of type string, but found integer.', lineOf(text, '"CONFIRM": [') + 1],
    ]);
  });
});
