import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { flowFixture } from './helpers.js';

/** The built `meta-cloud-api/simulator` subpath loads in both module systems and walks a flow (needs npm run build). */

describe('meta-cloud-api/simulator (built by npm test)', () => {
  it('ESM', async () => {
    // Typed from the sources, so type-checking does not need dist/.
    const { FlowSimulator, SimulatorInputError } = (await import('meta-cloud-api/simulator' as string)) as typeof import('../../src/simulator/index.js');
    const sim = new FlowSimulator({ flowJson: flowFixture('valid/7.3-two-screen-name.json') });
    await sim.open();
    expect(() => sim.fill({ first_name: 1 })).toThrow(SimulatorInputError);
    expect((await sim.runAuto()).response).toEqual({ flow_token: 'unused', first_name: 'Sample text' });
  });

  it('CommonJS', async () => {
    const { FlowSimulator, SimulatorProtocolError } = createRequire(import.meta.url)('meta-cloud-api/simulator');
    expect(SimulatorProtocolError.name).toBe('SimulatorProtocolError');
    const sim = new FlowSimulator({ flowJson: flowFixture('valid/7.3-two-screen-name.json'), flowToken: 'cjs' });
    expect((await sim.runAuto()).flow_token).toBe('cjs');
  });
});
