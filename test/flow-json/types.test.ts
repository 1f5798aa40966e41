import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { FLOW_JSON_VERSIONS, defineFlow } from '../../src/flow-json/types/index.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const corpus = join(root, 'test/fixtures/flow-json/meta-doc-examples');

describe('Flow JSON types, run-time parts', () => {
  it('defineFlow returns its argument unchanged', () => {
    const json = {
      version: '7.3',
      screens: [
        {
          id: 'DONE',
          terminal: true,
          layout: {
            type: 'SingleColumnLayout',
            children: [{ type: 'Footer', label: 'Finish', 'on-click-action': { name: 'complete', payload: {} } }],
          },
        },
      ],
    } as const;
    expect(defineFlow(json)).toBe(json);
  });

  it('FLOW_JSON_VERSIONS lists 2.1 to 7.3 once each, oldest first', () => {
    const numeric = FLOW_JSON_VERSIONS.map((v) => v.split('.').map(Number) as [number, number]);
    const sorted = [...numeric].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    expect(numeric).toEqual(sorted);
    expect(new Set(FLOW_JSON_VERSIONS).size).toBe(FLOW_JSON_VERSIONS.length);
    expect(FLOW_JSON_VERSIONS[0]).toBe('2.1');
    expect(FLOW_JSON_VERSIONS.at(-1)).toBe('7.3');
  });
});

describe("Meta's example corpus", () => {
  it('is in the fixtures with its README and both licences', () => {
    for (const file of ['README.md', 'LICENSE-pywa', 'LICENSE-meta-flows-tools']) {
      expect(existsSync(join(corpus, file)), file).toBe(true);
    }
    const flows = readdirSync(corpus, { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .flatMap((d) => readdirSync(join(corpus, d.name)).filter((f) => f.endsWith('.json')));
    expect(flows).toHaveLength(35);
  });

  it('meta-examples.typecheck.ts is generated from the current fixtures', () => {
    const script = join(root, 'scripts/gen-flow-json-corpus-types.mjs');
    expect(() => execFileSync(process.execPath, [script, '--check'], { cwd: root, stdio: 'pipe' })).not.toThrow();
  });
});
