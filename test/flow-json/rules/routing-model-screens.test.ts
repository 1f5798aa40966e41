import { describe, expect, it } from 'vitest';
import { baseFlow, runRule, summary } from '../helpers.js';

const rule = 'flow-json/routing-model-screens';
const lineOf = (text: string, needle: string) => text.slice(0, text.indexOf(needle)).split('\n').length;

/** baseFlow plus a third screen, with the given routing model. */
function threeScreens(routing_model: object): any {
  const flow = baseFlow();
  flow.screens.push({ ...flow.screens[1], id: 'EXTRA' });
  return { ...flow, routing_model };
}

describe(rule, () => {
  it('accepts models naming every screen, destinations included', () => {
    expect(runRule(rule, threeScreens({ ASK: ['CONFIRM', 'EXTRA'] }))).toEqual([]);
    expect(runRule(rule, { ...baseFlow(), routing_model: { ASK: ['CONFIRM'], CONFIRM: [] } })).toEqual([]);
  });

  it('accepts an empty model for a single-screen flow', () => {
    const flow = baseFlow();
    flow.screens = [flow.screens[1]];
    expect(runRule(rule, { ...flow, routing_model: {} })).toEqual([]);
  });

  it('reports unknown screens once, at the first one', () => {
    const text = JSON.stringify(threeScreens({ ASK: ['CONFIRM', 'EXTRA', 'GONE'], LOST: ['GONE'] }), null, 2);
    const found = runRule(rule, text);
    expect(found.map((d) => [d.error, d.message])).toEqual([['INVALID_ROUTING_MODEL', 'Invalid screens found in the routing model: GONE, LOST.']]);
    expect(summary(found)).toEqual([`INVALID_ROUTING_MODEL@${lineOf(text, '"GONE"')}`]);
  });

  it('reports screens the model does not name', () => {
    const text = JSON.stringify(threeScreens({ ASK: ['CONFIRM'] }), null, 2);
    const found = runRule(rule, text);
    expect(found.map((d) => [d.error, d.message])).toEqual([['INVALID_ROUTING_MODEL', 'Following screens are missing in the routing model: EXTRA.']]);
    expect(summary(found)).toEqual([`INVALID_ROUTING_MODEL@${lineOf(text, '"routing_model"')}`]);
  });
});
