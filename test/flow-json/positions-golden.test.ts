import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FlowJsonDiagnostic } from '../../src/flow-json/diagnostics.js';
import { validateFlowJson } from '../../src/flow-json/validate.js';
import { GOLDEN_CASES } from './golden-cases.js';
import { FIXTURES, fixtureFiles, read, rel } from './helpers.js';

/**
 * Every diagnostic of the fixture corpus and of the generated cases, field for field (ids, messages, paths, offsets,
 * lines, columns, order), against a record made before positions became lazy (issue 13): the validator computes
 * positions only for what it reports, and must report exactly what it reported when it located every value up front.
 * After a deliberate change of findings, rewrite the record with UPDATE_GOLDEN=1 and review its diff.
 */
const GOLDEN = join(FIXTURES, 'diagnostics.golden.json');

/**
 * One line per diagnostic, every field, errors then warnings. A long list keeps its first 30 and last 10 lines and a
 * SHA-256 of all of them, so that the record stays readable.
 */
function lines(input: string | object, options?: Parameters<typeof validateFlowJson>[1]): string[] {
  const r = validateFlowJson(input, options);
  const line = (d: FlowJsonDiagnostic) =>
    `${d.severity} ${d.rule} ${d.error} ${d.error_type} ${d.line_start}:${d.column_start}-${d.line_end}:${d.column_end} @${d.offset}+${d.length} ${d.path} | ${d.message}`;
  const all = [`valid=${r.valid}`, ...r.errors.map(line), ...r.warnings.map(line)];
  if (all.length <= 60) return all;
  const hash = createHash('sha256').update(all.join('\n')).digest('hex');
  return [...all.slice(0, 30), `… ${all.length - 40} more lines, all ${all.length} with sha256 ${hash} …`, ...all.slice(-10)];
}

function current(): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const file of fixtureFiles('')) if (!file.endsWith('golden.json') && !file.endsWith('decisions.json')) out[rel(file)] = lines(read(file));
  for (const c of GOLDEN_CASES) out[`generated: ${c.name}`] = lines(c.input, c.options);
  return out;
}

describe('diagnostics match the golden record', () => {
  const now = current();
  if (process.env.UPDATE_GOLDEN) writeFileSync(GOLDEN, JSON.stringify(now, null, 1) + '\n');
  const golden: Record<string, string[]> = JSON.parse(readFileSync(GOLDEN, 'utf8'));

  it('covers the same inputs', () => expect(Object.keys(now).sort()).toEqual(Object.keys(golden).sort()));
  it('has inputs with findings', () => expect(Object.values(golden).filter((l) => l.length > 1).length).toBeGreaterThan(150));
  for (const name of Object.keys(golden)) {
    it(name, () => expect(now[name]).toEqual(golden[name]));
  }
});
