import { describe, expect, it } from 'vitest';
import { baseFlow, runRule } from '../helpers.js';

const rule = 'flow-json/data-api-version';
const flow = (value: string) => `{\n  "version": "7.3",\n  "data_api_version": ${value},\n  "screens": []\n}`;

describe(rule, () => {
  it('accepts 3.0, 4.0 and no data_api_version', () => {
    expect(runRule(rule, flow('"3.0"'))).toEqual([]);
    expect(runRule(rule, flow('"4.0"'))).toEqual([]);
    expect(runRule(rule, baseFlow())).toEqual([]);
  });

  it('reports an unsupported value', () => {
    for (const v of ['"2.0"', '"C.D"', '"4"']) {
      expect(runRule(rule, flow(v)).map((d) => [d.error, d.message, d.line_start, d.path])).toEqual([
        ['NO_SUPPORTED_DATA_API_VERSION', 'No supported Data API version found for given Flow JSON version.', 3, '/data_api_version'],
      ]);
    }
  });

  it('reports a value that is not a string', () => {
    expect(runRule(rule, flow('3.0')).map((d) => [d.error, d.message, d.line_start])).toEqual([
      ['INVALID_PROPERTY_TYPE', 'Expected property $root/data_api_version to be of type string, but found integer.', 3],
    ]);
  });
});
