import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validateFlowJson } from '../../src/flow-json/validate.js';
import { fixtureFiles, read, rel, summary } from './helpers.js';

/**
 * The fixture corpus, validated with every rule:
 * - fixtures/flow-json/meta-doc-examples/ (Meta's published flows) and fixtures/flow-json/valid/: zero errors.
 *   A false alarm is a bug as bad as a miss.
 * - fixtures/flow-json/invalid/<rule>/<case>.json: exactly the errors listed in <case>.expected.json
 *   (`{ "errors": [{ "error": "CODE", "line_start": 12 }] }`).
 */
const valid = [...fixtureFiles('meta-doc-examples'), ...fixtureFiles('valid')];
const invalid = fixtureFiles('invalid');

describe('valid Flow JSON', () => {
  it('has a corpus', () => expect(valid.length).toBeGreaterThan(0));
  for (const file of valid) {
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
      const expected: { errors: Array<{ error: string; line_start: number }> } = JSON.parse(read(sidecar));
      const result = validateFlowJson(read(file));
      expect(summary(result.errors).sort()).toEqual(expected.errors.map((e) => `${e.error}@${e.line_start}`).sort());
      expect(result.valid).toBe(false);
    });
  }
});
