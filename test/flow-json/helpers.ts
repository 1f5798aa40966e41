import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FlowJsonDiagnostic } from '../../src/flow-json/diagnostics.js';
import { validateFlowJson } from '../../src/flow-json/validate.js';

export const FIXTURES = fileURLToPath(new URL('../fixtures/flow-json/', import.meta.url));

/** Runs one rule only (Spectral's testRule idea) and returns errors and warnings together, in text order. */
export function runRule(ruleId: string, flow: string | object): FlowJsonDiagnostic[] {
  const { errors, warnings } = validateFlowJson(flow, { only: [ruleId] });
  return [...errors, ...warnings].sort((a, b) => a.offset - b.offset);
}

/** `CODE@line` for each diagnostic: compact to assert on. */
export function summary(diagnostics: FlowJsonDiagnostic[]): string[] {
  return diagnostics.map((d) => `${d.error}@${d.line_start}`);
}

/** Every `.json` file below a fixtures folder (sidecar `.expected.json` files excluded). */
export function fixtureFiles(dir: string): string[] {
  const root = join(FIXTURES, dir);
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (name.endsWith('.json') && !name.endsWith('.expected.json')) out.push(p);
    }
  };
  try {
    walk(root);
  } catch {
    return [];
  }
  return out;
}

export const rel = (p: string) => relative(FIXTURES, p);
export const read = (p: string) => readFileSync(p, 'utf8');

/** A small valid flow to start rule tests from (Appendix C of the reference). Returns a fresh copy. */
export function baseFlow(): any {
  return {
    version: '7.3',
    screens: [
      {
        id: 'ASK',
        title: 'Your name',
        data: {},
        layout: {
          type: 'SingleColumnLayout',
          children: [
            { type: 'TextInput', name: 'first_name', label: 'First name', required: true },
            {
              type: 'Footer',
              label: 'Next',
              'on-click-action': { name: 'navigate', next: { type: 'screen', name: 'CONFIRM' }, payload: { first_name: '${form.first_name}' } },
            },
          ],
        },
      },
      {
        id: 'CONFIRM',
        title: 'Confirm',
        terminal: true,
        success: true,
        data: { first_name: { type: 'string', __example__: 'Ana' } },
        layout: {
          type: 'SingleColumnLayout',
          children: [
            { type: 'TextBody', text: '${data.first_name}' },
            { type: 'Footer', label: 'Send', 'on-click-action': { name: 'complete', payload: { first_name: '${data.first_name}' } } },
          ],
        },
      },
    ],
  };
}
