import { describe, expect, it } from 'vitest';
import { baseFlow, runRule } from '../helpers.js';

const rule = 'flow-json/routing-model-required';

describe(rule, () => {
  it('accepts an endpoint flow with a routing model, and endpoint-less flows without one', () => {
    expect(runRule(rule, { ...baseFlow(), data_api_version: '3.0', routing_model: {} })).toEqual([]);
    expect(runRule(rule, baseFlow())).toEqual([]);
  });

  it('reports data_api_version without routing_model, at the data_api_version key', () => {
    const found = runRule(rule, '{\n  "version": "7.3",\n  "data_api_version": "4.0",\n  "screens": []\n}');
    expect(found.map((d) => [d.error, d.message, d.line_start, d.column_start, d.column_end])).toEqual([
      ['MISSING_REQUIRED_PROPERTY', "The property 'routing_model' is required for property 'data_api_version'.", 3, 3, 21],
    ]);
  });
});
