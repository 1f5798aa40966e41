import { describe, expect, it } from 'vitest';
import { validateFlowJson } from '../../../src/flow-json/validate.js';
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
    // flows-platform §6.5, §2.12: for a well-formed version it does not know, Meta answers "No schema found for the given version".
    const unknown = runRule(rule, { ...baseFlow(), version: '9.9' });
    expect(unknown.map((d) => [d.error, d.severity, d.line_start])).toEqual([['INVALID_FLOW_JSON', 'error', 2]]);
    expect(unknown[0]!.message).toMatch(/^No schema found for the given version 9\.9\. Use one of 5\.1, .*7\.3 \(7\.3 recommended\)\.$/);
  });

  // flows-platform §6.5: an unknown version gets one version error from Meta and nothing else (no schema, no
  // component rules): exactly one error, whatever else the document holds.
  it.each([['1.0'], ['9.1'], [undefined], ['7'], [7.3]])('version %s: exactly one error, no rule that needs a version runs (§6.5)', (version) => {
    const f: any = baseFlow();
    if (version === undefined) delete f.version;
    else f.version = version;
    // Problems that every versioned rule would report: an unknown component, a too-long label, a bad screen id.
    f.screens[0].layout.children.push({ type: 'Carousel3D' }, { type: 'TextInput', name: 'x', label: 'A label far longer than twenty' });
    f.screens[0].id = 'ASK-1';
    const result = validateFlowJson(f);
    expect(result.errors.map((d) => d.rule)).toEqual([rule]);
    expect(result.warnings).toEqual([]);
  });
});
