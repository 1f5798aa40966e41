import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FlowSimulator } from '../../src/simulator/index.js';
import { FLOW_FIXTURES, flowFiles, read, readJson, rel } from './helpers.js';

/**
 * Every endpoint-less flow of the valid corpus (Meta's published examples and our own valid/ flows) is walked to
 * completion with generated answers. Skipped: flows with data_api_version (they need an endpoint; see
 * endpoint.test.ts) and the one Meta example the validator rejects (meta-doc-examples-decisions.json).
 * Every one must complete: there is no list of exceptions.
 */
const decisions: Record<string, unknown> = readJson(join(FLOW_FIXTURES, 'meta-doc-examples-decisions.json')).examples;

const files = [...flowFiles('meta-doc-examples'), ...flowFiles('valid')];
const endpointLess = files.filter((f) => !readJson(f).data_api_version && !decisions[rel(f).replace(/^meta-doc-examples\//, '')]);

describe('endpoint-less corpus flows complete with auto answers', () => {
  it('has the corpus (23 Meta examples, 15 of ours when written)', () => {
    expect(endpointLess.filter((f) => rel(f).startsWith('meta-doc-examples/')).length).toBeGreaterThanOrEqual(23);
    expect(endpointLess.filter((f) => rel(f).startsWith('valid/')).length).toBeGreaterThanOrEqual(15);
  });

  for (const file of endpointLess) {
    const name = rel(file);
    it(name, async () => {
      const screens: string[] = [];
      const sim = new FlowSimulator({ flowJson: read(file), flowToken: 'corpus-token', onEvent: (e) => e.type === 'screen' && screens.push(e.screen) });
      const completion = await sim.runAuto({ today: '2025-06-02' });
      expect(sim.completed).toBe(true);
      expect(completion.source).toBe('complete');
      expect(completion.flow_token).toBe('corpus-token');
      expect(JSON.parse(completion.response_json)).toEqual(completion.response);
      expect(completion.response.flow_token).toBe('corpus-token');
      // The flow ended on a terminal screen, reached through screens of the flow.
      const flow = readJson(file);
      const terminal = flow.screens.find((s: { id: string }) => s.id === completion.screen);
      expect(terminal?.terminal).toBe(true);
      expect(screens[0]).toBe(sim.flow.entry);
    });

    it(`${name}: also with only the required inputs filled`, async () => {
      const sim = new FlowSimulator({ flowJson: read(file) });
      await expect(sim.runAuto({ optional: false, today: '2025-06-02' })).resolves.toMatchObject({ source: 'complete', flow_token: 'unused' });
    });
  }
});
