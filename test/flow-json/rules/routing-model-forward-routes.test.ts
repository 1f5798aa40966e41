import { describe, expect, it } from 'vitest';
import { baseFlow, runRule, summary } from '../helpers.js';

const rule = 'flow-json/routing-model-forward-routes';
const lineOf = (text: string, needle: string) => text.slice(0, text.indexOf(needle)).split('\n').length;

describe(rule, () => {
  it('accepts forward routes', () => {
    expect(runRule(rule, { ...baseFlow(), routing_model: { ASK: ['CONFIRM'], CONFIRM: [] } })).toEqual([]);
  });

  it('reports a screen routing to itself', () => {
    const text = JSON.stringify({ ...baseFlow(), routing_model: { ASK: ['CONFIRM', 'ASK'] } }, null, 2);
    const found = runRule(rule, text);
    expect(found.map((d) => [d.error, d.message])).toEqual([['INVALID_ROUTING_MODEL', 'Loop detected in the routing model for screens: ASK.']]);
    expect(summary(found)).toEqual([`INVALID_ROUTING_MODEL@${lineOf(text, '      "ASK"')}`]);
  });

  it('reports the backward route of a pair once, at the later one', () => {
    const text = JSON.stringify({ ...baseFlow(), routing_model: { ASK: ['CONFIRM', 'CONFIRM'], CONFIRM: ['ASK'] } }, null, 2);
    const found = runRule(rule, text);
    expect(found.map((d) => d.message)).toEqual([
      'Backward route [CONFIRM->ASK] corresponding to forward route [ASK->CONFIRM] is not allowed in the routing model. Only forward routes can be specified.',
    ]);
    expect(summary(found)).toEqual([`INVALID_ROUTING_MODEL@${lineOf(text, '      "ASK"')}`]);
  });
});
