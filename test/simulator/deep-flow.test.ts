import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../../src/core/errors.js';
import { FlowSimulator, SimulatorFlowError } from '../../src/simulator/index.js';
import { walkComponents } from '../../src/platform/endpoint-response/index.js';
import { flowFixture, inputError } from './helpers.js';

/**
 * Issue 10, finding 3 (simulator part): a Flow JSON nested 100 000 deep, simulated without validation (as the
 * emulator's /_emulator/complete does), is a SimulatorFlowError, not a RangeError; so are message data and
 * input values nested that deep (an InvalidArgumentError, a SimulatorInputError).
 */
function nestedIfs(depth: number) {
  let inner: Record<string, unknown> = { type: 'TextBody', text: 'deep' };
  for (let i = 0; i < depth; i++) inner = { type: 'If', condition: 'true', then: [inner] };
  return {
    version: '7.3',
    screens: [{ id: 'A', title: 'A', terminal: true, layout: { type: 'SingleColumnLayout', children: [inner, { type: 'Footer', label: 'Done', 'on-click-action': { name: 'complete', payload: {} } }] } }],
  };
}

describe('a Flow JSON nested too deeply', () => {
  it.each([300, 100_000])('%i If levels: SimulatorFlowError "nested too deeply"', async (depth) => {
    let error: unknown;
    try {
      const sim = new FlowSimulator({ flowJson: nestedIfs(depth), validate: false });
      await sim.open();
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(SimulatorFlowError);
    expect((error as Error).message).toMatch(/nested too deeply: more than 512 levels/);
  });

  it('200 If levels (about 400 of objects and arrays) are simulated as usual', async () => {
    const sim = new FlowSimulator({ flowJson: nestedIfs(200), validate: false });
    await sim.open();
    expect(sim.components.map((c) => c.type)).toContain('TextBody');
    await sim.submit();
    expect(sim.completion).toBeDefined();
  });

  it('walkComponents visits a layout 100 000 deep in document order, without recursion', () => {
    const seen: string[] = [];
    walkComponents([{ type: 'Form', children: [{ type: 'A' }, { type: 'If', then: [{ type: 'B' }], else: [{ type: 'C' }] }] }, { type: 'D' }], (c) => seen.push(String(c.type)));
    expect(seen).toEqual(['Form', 'A', 'If', 'B', 'C', 'D']);
    let count = 0;
    walkComponents(nestedIfs(100_000).screens[0]!.layout.children, () => count++);
    expect(count).toBe(100_002);
  });
});

describe('values nested too deeply', () => {
  let deep: unknown = [];
  for (let i = 0; i < 100_000; i++) deep = [deep];

  it('open({ data }): InvalidArgumentError', async () => {
    const sim = new FlowSimulator({ flowJson: flowFixture('valid/3.0-sign-up.json') });
    await expect(sim.open({ data: { x: deep } })).rejects.toThrow(InvalidArgumentError);
  });

  it('fill() and run(): SimulatorInputError (value-type), not a RangeError', async () => {
    const sim = new FlowSimulator({ flowJson: flowFixture('valid/3.0-sign-up.json') });
    await sim.open();
    const error = await inputError(() => sim.fill({ first_name: deep }));
    expect([error.field, error.rule]).toEqual(['first_name', 'value-type']);
    expect(error.message).toMatch(/nested too deeply \(more than 512 levels\)/);
    const run = new FlowSimulator({ flowJson: flowFixture('valid/3.0-sign-up.json') });
    await run.open();
    expect((await inputError(run.run({ SIGN_UP: { first_name: deep } }))).rule).toBe('value-type');
  });
});
