/**
 * The run-time validator and the compile-time checks of `defineFlow` agree on one case table
 * (test/types/contract-cases.ts): the validator reports exactly the expected rules, and tsc rejects a case through
 * `defineFlow` exactly when the validator does, with a short first line naming the field and the screen.
 * Also: the compile-time input value map (src/contract/values.ts) and the platform one agree.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';
import { validateFlowJson } from '../../src/flow-json/index.js';
import { INPUT_VALUE_TYPES } from '../../src/platform/input-values.js';
import { CONTRACT_CASES } from './contract-cases.js';

const RULES = new Set(['flow-json/data-reference', 'flow-json/form-reference', 'flow-json/global-reference', 'flow-json/navigate-payload-data-model']);
const root = resolve(import.meta.dirname, '../..');
const dir = mkdtempSync(join(tmpdir(), 'contract-cases-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Type-checks every case through defineFlow in one program; the first line of the first error per case. */
function typeErrors(): Map<number, string> {
  const file = join(dir, 'cases.ts');
  const lines = [`import { defineFlow } from ${JSON.stringify(join(root, 'src/flow-json/types/index.js'))};`];
  const starts: number[] = [];
  for (const c of CONTRACT_CASES) {
    starts.push(lines.length);
    lines.push(`export const case${starts.length} = defineFlow(${JSON.stringify(c.flow, null, 1)});`.replaceAll('\n', ' '));
  }
  writeFileSync(file, lines.join('\n'));
  const program = ts.createProgram([file], { strict: true, noEmit: true, target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler, skipLibCheck: true, types: [] });
  const out = new Map<number, string>();
  for (const d of ts.getPreEmitDiagnostics(program)) {
    if (!d.file || d.file.fileName !== file || d.start === undefined) continue;
    const line = d.file.getLineAndCharacterOfPosition(d.start).line;
    const index = starts.indexOf(line);
    if (index >= 0 && !out.has(index)) out.set(index, ts.flattenDiagnosticMessageText(d.messageText, '\n').split('\n')[0]!);
  }
  return out;
}

describe('defineFlow and the validator agree', () => {
  const errors = typeErrors();

  it.each(CONTRACT_CASES.map((c, i) => [c.name, c, i] as const))('%s', (_name, c, i) => {
    const runtime = validateFlowJson(c.flow).errors.map((e) => e.rule).filter((r) => RULES.has(r));
    expect([...new Set(runtime)]).toEqual(c.expectedRuntimeIds);
    const typeError = errors.get(i);
    if (!c.typesOnly) expect(typeError !== undefined).toBe(c.expectedRuntimeIds.length > 0);
    expect(typeError).toBe(c.typeError);
    if (typeError) expect(typeError.length).toBeLessThan(260);
  }, 120_000);

  it('every other validator rule is silent on the cases (they are valid flows otherwise)', () => {
    for (const c of CONTRACT_CASES) expect(validateFlowJson(c.flow).errors.filter((e) => !RULES.has(e.rule)).map((e) => `${c.name}: ${e.rule}`)).toEqual([]);
  });
});

describe('input values', () => {
  it('the compile-time map names the same value kinds as src/platform/input-values.ts', () => {
    // Mirrors InputValueByType in src/contract/values.ts (type-checked in contract.typecheck.ts).
    const compileTime: Record<string, string> = { TextArea: 'string', Dropdown: 'string', RadioButtonsGroup: 'string', DatePicker: 'string', CheckboxGroup: 'array', ChipsSelector: 'array', OptIn: 'boolean' };
    expect(INPUT_VALUE_TYPES).toEqual(compileTime);
  });
});
