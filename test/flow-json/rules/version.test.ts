import { describe, expect, it } from 'vitest';
import { baseFlow, runRule, summary } from '../helpers.js';

const rule = 'flow-json/version';

describe(rule, () => {
  it('accepts every supported version, warning on frozen ones', () => {
    for (const v of ['5.1', '6.0', '7.3']) expect(runRule(rule, { ...baseFlow(), version: v })).toEqual([]);
    const frozen = runRule(rule, { ...baseFlow(), version: '2.1' });
    expect(frozen.map((d) => [d.error, d.severity])).toEqual([['UNSUPPORTED_FLOW_JSON_VERSION', 'warning']]);
  });

  it('reports a missing, malformed or unknown version with Meta\'s codes', () => {
    const { version: _v, ...noVersion } = baseFlow();
    expect(summary(runRule(rule, noVersion))).toEqual(['MISSING_FLOW_JSON_VERSION@1']);
    const bad = runRule(rule, '{\n  "version": "7",\n  "screens": []\n}');
    expect(bad.map((d) => [d.error, d.message, d.line_start, d.column_start, d.column_end, d.path])).toEqual([
      ['INVALID_FLOW_JSON_VERSION', 'Invalid Flow JSON version.', 2, 14, 17, '/version'],
    ]);
    expect(summary(runRule(rule, { ...baseFlow(), version: 7.3 }))).toEqual(['INVALID_FLOW_JSON_VERSION@2']);
    expect(summary(runRule(rule, { ...baseFlow(), version: '9.9' }))).toEqual(['UNSUPPORTED_FLOW_JSON_VERSION@2']);
  });
});
