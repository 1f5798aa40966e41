import { describe, expect, it } from 'vitest';
import { expectTypeOf } from 'vitest';
import { parseCompletion, WebhookPayloadError } from '../../src/webhooks/index.js';
import { defineFlow } from '../../src/flow-json/types/index.js';
import { orderFlow } from '../types/three-screen-flow.js';

const survey = defineFlow({
  version: '7.3',
  screens: [
    {
      id: 'ASK',
      terminal: true,
      data: { source: { type: 'string', __example__: 'web' } },
      layout: {
        type: 'SingleColumnLayout',
        children: [
          { type: 'TextInput', name: 'name', label: 'Name' },
          { type: 'CheckboxGroup', name: 'topics', label: 'Topics', 'data-source': [{ id: 'a', title: 'A' }] },
          { type: 'OptIn', name: 'news', label: 'News' },
          { type: 'Footer', label: 'Send', 'on-click-action': { name: 'complete', payload: { name: '${form.name}', topics: '${form.topics}', news: '${form.news}', source: '${data.source}', v: 2 } } },
        ],
      },
    },
  ],
});

describe('parseCompletion', () => {
  it('returns a matching response, typed by the complete payload', () => {
    const response = { name: 'Ana', topics: ['a'], news: true, source: 'web', v: 2 };
    const parsed = parseCompletion(survey, { response });
    expect(parsed).toEqual(response);
    expectTypeOf(parsed).toEqualTypeOf<{ name: string; topics: string[]; news: boolean; source: string; v: number }>();
  });

  it.each([
    [{ topics: ['a'], news: true, source: 'web', v: 2 }, "field 'name' is missing (complete action on screen ASK)."],
    [{ name: 'Ana', topics: 'a', news: true, source: 'web', v: 2 }, "field 'topics' should be an array but is a string (complete action on screen ASK)."],
    [{ name: 'Ana', topics: [], news: 'yes', source: 'web', v: 2 }, "field 'news' should be a boolean but is a string"],
    [{ name: 'Ana', topics: [], news: true, source: 'web', v: 2, extra: 1 }, "field 'extra' is not in the complete payload of screen ASK."],
  ])('rejects a mismatch with a message naming the field (%j)', (response, message) => {
    expect(() => parseCompletion(survey, { response })).toThrow(WebhookPayloadError);
    expect(() => parseCompletion(survey, { response })).toThrow(message);
  });

  it('never puts a value in the message', () => {
    expect(() => parseCompletion(survey, { response: { name: 'SECRET-VALUE', topics: 'SECRET-TOPIC', news: true, source: 'web', v: 2 } })).toThrow(
      expect.objectContaining({ message: expect.not.stringContaining('SECRET') }),
    );
  });

  it("accepts the endpoint's params when the flow has no complete action... unless it has one (orderFlow has)", () => {
    expect(parseCompletion(orderFlow, { response: { summary: 'x', confirmed: true } })).toEqual({ summary: 'x', confirmed: true });
    const endpointOnly = defineFlow({
      version: '7.3',
      data_api_version: '4.0',
      routing_model: { ONLY: [] },
      screens: [{ id: 'ONLY', terminal: true, layout: { type: 'SingleColumnLayout', children: [{ type: 'Footer', label: 'Go', 'on-click-action': { name: 'data_exchange', payload: {} } }] } }],
    });
    expect(parseCompletion(endpointOnly, { response: { anything: 1 } })).toEqual({ anything: 1 });
  });

  it('explains bad arguments and an unusable response_json', () => {
    expect(() => parseCompletion(null as never, { response: {} })).toThrow(/needs the Flow JSON/);
    expect(() => parseCompletion(survey, { response: {}, responseJsonError: 'nfm_reply.response_json is not JSON' })).toThrow(/no usable response_json/);
  });
});
