import { describe, expect, it } from 'vitest';
import { baseFlow, runRule } from '../helpers.js';

const rule = 'flow-json/top-level-keys';

describe(rule, () => {
  it('accepts the documented top-level keys', () => {
    const flow = { ...baseFlow(), data_api_version: '4.0', routing_model: { ASK: ['CONFIRM'] } };
    expect(runRule(rule, flow)).toEqual([]);
    expect(runRule(rule, { ...baseFlow(), version: '2.1', data_channel_uri: 'https://example.com' })).toEqual([]);
  });

  it('reports each unknown key at the key', () => {
    const text = '{\n  "version": "7.3",\n  "myNewProp": "hello",\n  "screens": [],\n  "Version": "7.3"\n}';
    const found = runRule(rule, text);
    expect(found.map((d) => [d.error, d.message, d.line_start, d.column_start, d.column_end, d.path])).toEqual([
      ['INVALID_PROPERTY_KEY', 'Property myNewProp cannot be specified at $root.', 3, 3, 14, '/myNewProp'],
      ['INVALID_PROPERTY_KEY', 'Property Version cannot be specified at $root.', 5, 3, 12, '/Version'],
    ]);
  });
});
