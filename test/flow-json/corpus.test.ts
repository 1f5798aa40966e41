import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validateFlowJson } from '../../src/flow-json/validate.js';
import { join } from 'node:path';
import { FIXTURES, fixtureFiles, read, rel, summary } from './helpers.js';

/**
 * The fixture corpus, validated with every rule:
 * - fixtures/flow-json/meta-doc-examples/ (Meta's published flows) and fixtures/flow-json/valid/: zero errors.
 *   A false alarm is a bug as bad as a miss.
 * - fixtures/flow-json/invalid/<rule>/<case>.json: exactly the errors listed in <case>.expected.json
 *   (`{ "errors": [{ "error": "CODE", "line_start": 12 }] }`), and, when the file has a `warnings` list, exactly those
 *   warnings. A case whose defect Meta accepts (a warning, flows-platform §6.5) has `"errors": []` and is valid.
 */
const valid = [...fixtureFiles('meta-doc-examples'), ...fixtureFiles('valid')];
const invalid = fixtureFiles('invalid');
/** Meta examples that Meta's own documented rules reject, each with the reason and the exact errors. */
const decisions: Record<string, { why: string; errors: Array<{ error: string; line_start: number }> }> = JSON.parse(
  read(join(FIXTURES, 'meta-doc-examples-decisions.json')),
).examples;

describe('valid Flow JSON', () => {
  it('has a corpus', () => expect(valid.length).toBeGreaterThan(50));
  for (const file of valid) {
    const decision = decisions[rel(file).replace(/^meta-doc-examples\//, '')];
    if (decision) {
      it(`${rel(file)} (known invalid: ${decision.why.slice(0, 60)}...)`, () => {
        expect(summary(validateFlowJson(read(file)).errors).sort()).toEqual(decision.errors.map((e) => `${e.error}@${e.line_start}`).sort());
      });
      continue;
    }
    it(rel(file), () => {
      const result = validateFlowJson(read(file));
      expect(result.errors.map((e) => `${e.error}@${e.line_start}:${e.column_start} ${e.message} (${e.rule})`)).toEqual([]);
      expect(result.valid).toBe(true);
    });
  }
});

describe('invalid Flow JSON', () => {
  it('has a corpus', () => expect(invalid.length).toBeGreaterThan(0));
  for (const file of invalid) {
    it(rel(file), () => {
      const sidecar = file.replace(/\.json$/, '.expected.json');
      expect(existsSync(sidecar), `${rel(sidecar)} states the expected errors`).toBe(true);
      type Expected = Array<{ error: string; line_start: number }>;
      const expected: { errors: Expected; warnings?: Expected } = JSON.parse(read(sidecar));
      const result = validateFlowJson(read(file));
      const codes = (list: Expected) => list.map((e) => `${e.error}@${e.line_start}`).sort();
      expect(summary(result.errors).sort()).toEqual(codes(expected.errors));
      if (expected.warnings) expect(summary(result.warnings).sort()).toEqual(codes(expected.warnings));
      expect(result.valid).toBe(expected.errors.length === 0);
      expect(expected.errors.length + (expected.warnings?.length ?? 0), 'a fixture here shows at least one problem').toBeGreaterThan(0);
    });
  }
});
