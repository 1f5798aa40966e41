import { autoAnswers } from './auto-answers.js';
import { SimulatorError } from './errors.js';
import type { FlowSimulator } from './simulator.js';
import type { AutoAnswerOptions, FlowAnswers, FlowCompletion } from './types.js';

/**
 * Walking a flow to its end: with scripted answers (`sim.run`) or generated ones (`sim.runAuto`). On each screen
 * the answers are entered (their select actions fire), then the Footer is pressed; a screen whose answer names a
 * NavigationList item, or has `$click`, continues by that click instead. Errors keep their class
 * (SimulatorInputError, SimulatorProtocolError, ...) and name the screen.
 */

const DEFAULT_MAX_STEPS = 100;
/** How often one screen may be submitted without moving on (an endpoint answering with the same screen). */
const MAX_REPEATS = 3;

/** `sim.run(answers)`. */
export async function runWithAnswers(sim: FlowSimulator, answers: FlowAnswers, maxSteps = DEFAULT_MAX_STEPS): Promise<FlowCompletion> {
  return walk(sim, maxSteps, async (screen) => {
    const given = answers[screen] ?? {};
    for (const [field, value] of Object.entries(given)) {
      if (field === '$click') continue;
      if (isNavigationList(sim, field)) return void (await sim.click(field, String(value)));
      await sim.answer({ [field]: value });
      if (sim.screen !== screen || sim.completed) return;
    }
    if (typeof given.$click === 'string') return void (await sim.click(given.$click));
    await continueScreen(sim, screen, 'answers');
  });
}

/** `sim.runAuto(options)`. */
export async function runAuto(sim: FlowSimulator, options: AutoAnswerOptions & { maxSteps?: number } = {}): Promise<FlowCompletion> {
  return walk(sim, options.maxSteps ?? DEFAULT_MAX_STEPS, async (screen) => {
    const done = new Set<string>();
    // Answers can reveal more inputs (update_data, If/Switch on a form value): repeat until none is new.
    for (let pass = 0; pass < 10; pass++) {
      // New inputs, and ones whose value was dropped (their data source changed).
      const fresh = Object.entries(autoAnswers(sim, options)).filter(([field]) => !done.has(field) || sim.form[field] === undefined);
      if (fresh.length === 0) break;
      for (const [field, value] of fresh) {
        done.add(field);
        await sim.answer({ [field]: value });
        if (sim.screen !== screen || sim.completed) return;
      }
    }
    const click = options.answers?.[screen]?.$click;
    if (typeof click === 'string') return void (await sim.click(click));
    await continueScreen(sim, screen, 'auto');
  });
}

async function walk(sim: FlowSimulator, maxSteps: number, step: (screen: string) => Promise<void>): Promise<FlowCompletion> {
  if (sim.screen === undefined && !sim.completed) await sim.open();
  let last: string | undefined;
  let repeats = 0;
  for (let n = 0; n < maxSteps; n++) {
    if (sim.completion) return sim.completion;
    const screen = sim.screen!;
    repeats = screen === last ? repeats + 1 : 0;
    if (repeats >= MAX_REPEATS) {
      throw new SimulatorError(`Stuck on screen ${screen}: submitted ${repeats} times without moving on${sim.errorMessage ? ` (the endpoint says: "${sim.errorMessage}")` : ''}.`, { screen });
    }
    last = screen;
    await step(screen);
  }
  if (sim.completion) return sim.completion;
  throw new SimulatorError(`The flow did not complete within ${maxSteps} steps (now on ${sim.screen}).`, { screen: sim.screen });
}

/** Presses the Footer, or clicks the first item of a NavigationList on a screen without one. */
async function continueScreen(sim: FlowSimulator, screen: string, mode: 'answers' | 'auto'): Promise<void> {
  if (sim.components.some((c) => c.type === 'Footer')) {
    await sim.submit();
    return;
  }
  const list = sim.components.find((c) => c.type === 'NavigationList');
  const items = list && Array.isArray(list.props['list-items']) ? (list.props['list-items'] as Array<{ id?: unknown }>) : [];
  if (list && mode === 'auto' && typeof items[0]?.id === 'string') {
    await sim.click(list.name ?? '', items[0].id);
    return;
  }
  throw new SimulatorError(
    list ? `Screen ${screen} continues by its NavigationList '${list.name}': answer { "${list.name}": "<item id>" }.` : `Screen ${screen} has no Footer and no NavigationList: nothing moves the flow on.`,
    { screen },
  );
}

function isNavigationList(sim: FlowSimulator, name: string): boolean {
  return sim.components.some((c) => c.type === 'NavigationList' && c.name === name);
}
