import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { SimulatorInputError, type VisibleComponent } from '../../src/simulator/index.js';

export const FLOW_FIXTURES = fileURLToPath(new URL('../fixtures/flow-json/', import.meta.url));
export const SIM_FIXTURES = fileURLToPath(new URL('../fixtures/simulator/', import.meta.url));

/** Every `.json` flow below a fixtures folder, sorted. */
export function flowFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (name.endsWith('.json') && !name.endsWith('.expected.json')) out.push(p);
    }
  };
  walk(join(FLOW_FIXTURES, dir));
  return out;
}

export const rel = (p: string) => relative(FLOW_FIXTURES, p);
export const read = (p: string) => readFileSync(p, 'utf8');
export const readJson = (p: string) => JSON.parse(read(p)) as Record<string, any>;
export const fixture = (name: string) => readJson(join(SIM_FIXTURES, name));
export const flowFixture = (name: string) => readJson(join(FLOW_FIXTURES, name));

const TEXT = new Set(['TextHeading', 'TextSubheading', 'TextBody', 'TextCaption', 'RichText']);

/** The `text` of the visible text components. */
export const texts = (components: VisibleComponent[]) => components.filter((c) => TEXT.has(c.type)).map((c) => c.props.text);

/** The SimulatorInputError that `work` throws (fails the test when it throws something else or nothing). */
export async function inputError(work: Promise<unknown> | (() => unknown)): Promise<SimulatorInputError> {
  try {
    await (typeof work === 'function' ? work() : work);
  } catch (error) {
    expect(error).toBeInstanceOf(SimulatorInputError);
    return error as SimulatorInputError;
  }
  throw new Error('expected a SimulatorInputError');
}
