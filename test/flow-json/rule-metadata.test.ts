import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { InvalidArgumentError } from '../../src/core/errors.js';
import { ALL_RULES, RULE_IDS, defineRule, ruleMetadata, validateFlowJson, type RuleId, type RuleLevels } from '../../src/flow-json/index.js';
import type { RuleId as RootRuleId } from '../../src/index.js';
import { FLOW_JSON_VERSION_LIST } from '../../src/platform/versions.js';
import { baseFlow } from './helpers.js';

const RULES_DIR = fileURLToPath(new URL('../../src/flow-json/rules/', import.meta.url));

describe('rule metadata', () => {
  it('RULE_IDS (the RuleId union) names exactly the built-in rules, once each', () => {
    const ids = ALL_RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual([...RULE_IDS].sort());
    expectTypeOf<RootRuleId>().toEqualTypeOf<RuleId>();
    expectTypeOf<'flow-json/screen-id-unique'>().toMatchTypeOf<RuleId>();
    expectTypeOf<'flow-json/no-such-rule'>().not.toMatchTypeOf<RuleId>();
  });

  it('every rule declares severity, versions and evidence, and lives in rules/<family>/<id>.ts', () => {
    const known = new Set<string>(FLOW_JSON_VERSION_LIST);
    for (const r of ruleMetadata) {
      expect(['error', 'warning'], r.id).toContain(r.severity);
      expect(r.evidence, r.id).toMatch(/flows-platform §\d|https:\/\//);
      if (typeof r.versions === 'object') {
        for (const v of [r.versions.from, r.versions.before]) if (v !== undefined) expect(known.has(v), `${r.id} ${v}`).toBe(true);
      } else expect(['all', 'always']).toContain(r.versions);
      const name = r.id.replace(/^flow-json\//, '');
      const families = ['document', 'screens', 'components', 'actions', 'routing', 'data'];
      expect(families.some((f) => existsSync(`${RULES_DIR}${f}/${name}.ts`)), `${r.id} has its file`).toBe(true);
    }
    // Only the version rule runs without a known version (flows-platform §6.5).
    expect(ruleMetadata.filter((r) => r.versions === 'always').map((r) => r.id)).toEqual(['flow-json/version']);
  });

  it('versions gate whether a rule runs (nested-expression is 6.0+: backticks are plain text before)', () => {
    const flow = baseFlow();
    flow.screens[1].layout.children[0].text = '`${data.first_name} ==`';
    const rule = 'flow-json/nested-expression';
    expect(validateFlowJson({ ...flow, version: '6.0' }, { only: [rule] }).errors.map((d) => d.rule)).toEqual([rule]);
    expect(validateFlowJson({ ...flow, version: '5.1' }, { only: [rule] }).errors).toEqual([]);
    // inputs-inside-form is the other way round: before 4.0 only.
    const loose = baseFlow();
    expect(validateFlowJson({ ...loose, version: '3.1' }, { only: ['flow-json/inputs-inside-form'] }).errors.map((d) => d.error)).toEqual(['KEYWORD_ONE_OF']);
    expect(validateFlowJson({ ...loose, version: '4.0' }, { only: ['flow-json/inputs-inside-form'] }).errors).toEqual([]);
  });
});

describe("validateFlowJson's rules option (severity overrides)", () => {
  const duplicate = () => {
    const flow = baseFlow();
    flow.screens[1].id = 'ASK';
    return flow;
  };

  it("'off' silences a rule, 'warning' demotes it (the flow becomes valid), 'error' promotes a warning", () => {
    const rule = 'flow-json/screen-id-unique';
    expect(validateFlowJson(duplicate()).errors.map((d) => d.rule)).toContain(rule);
    const off = validateFlowJson(duplicate(), { rules: { [rule]: 'off' } });
    expect([...off.errors, ...off.warnings].map((d) => d.rule)).not.toContain(rule);
    const demoted = validateFlowJson(duplicate(), { only: [rule], rules: { [rule]: 'warning' } });
    expect(demoted.valid).toBe(true);
    expect(demoted.warnings.map((d) => [d.rule, d.severity])).toEqual([[rule, 'warning']]);
    const mixed = baseFlow();
    mixed.screens[1].title = 'Hi ${data.first_name}';
    const promoted = validateFlowJson(mixed, { rules: { 'flow-json/binding-mixed-with-text': 'error' } });
    expect(promoted.errors.map((d) => [d.rule, d.severity])).toEqual([['flow-json/binding-mixed-with-text', 'error']]);
  });

  it('an unknown rule id or level is an InvalidArgumentError that says what to do', () => {
    const flow = baseFlow();
    const bad = { 'screen-id-unique': 'off' } as unknown as RuleLevels;
    expect(() => validateFlowJson(flow, { rules: bad })).toThrow(InvalidArgumentError);
    expect(() => validateFlowJson(flow, { rules: bad })).toThrow(/unknown rule id "screen-id-unique".*Did you mean flow-json\/screen-id-unique\?/);
    const level = { 'flow-json/screen-id-unique': 'fatal' } as unknown as RuleLevels;
    expect(() => validateFlowJson(flow, { rules: level })).toThrow(/use 'off', 'warning' or 'error'/);
    expect(() => validateFlowJson(flow, { rules: ['flow-json/screen-id-unique'] as unknown as RuleLevels })).toThrow(/use 'only'/);
    expect(() => validateFlowJson(flow, { only: ['nope'] })).toThrow(InvalidArgumentError);
  });
});

describe('custom rules', () => {
  it('run through only, with their own id, severity and versions', () => {
    const noTitles = defineRule({
      id: 'my-team/screen-title-required',
      description: 'Every screen has a title.',
      severity: 'warning',
      versions: { from: '6.0' },
      evidence: 'team style guide',
      check: (ctx) => ctx.model.screens.filter((s) => s.node.title === undefined).map((s) => ({ code: 'NO_TITLE', message: 'Add a title.', path: s.path })),
    });
    const flow = baseFlow();
    delete flow.screens[0].title;
    expect(validateFlowJson(flow, { only: [noTitles] }).warnings.map((d) => [d.rule, d.error])).toEqual([['my-team/screen-title-required', 'NO_TITLE']]);
    expect(validateFlowJson({ ...flow, version: '5.1' }, { only: [noTitles] }).warnings).toEqual([]);
  });
});
