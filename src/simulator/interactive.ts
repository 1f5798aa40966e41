import { isObject } from '../flow-json/values.js';
import { SimulatorError, SimulatorInputError } from './errors.js';
import { inputKind } from './inputs.js';
import { dataSourceItems } from './rules/selection.js';
import type { FlowSimulator } from './simulator.js';
import type { FlowCompletion } from './types.js';
import type { VisibleComponent } from './visibility.js';

/**
 * Walks a flow asking a person for each input (the CLI's `simulate` on a terminal). Items are picked by number or
 * id, several separated by commas; OptIns take y/n; date ranges `START..END`; files their names. An empty answer
 * leaves the field empty; a rejected answer is explained and asked again.
 */
export interface InteractiveIO {
  /** Asks one question and resolves to the answer line. */
  ask(question: string): Promise<string>;
  /** Shows a line. */
  say(text: string): void;
}

/** Submissions of one screen before giving up (a Footer that stays disabled). */
const MAX_ATTEMPTS = 5;
const TEXT_TYPES = new Set(['TextHeading', 'TextSubheading', 'TextBody', 'TextCaption', 'RichText']);

export async function runInteractive(sim: FlowSimulator, io: InteractiveIO, maxSteps = 100): Promise<FlowCompletion> {
  if (sim.screen === undefined && !sim.completed) await sim.open();
  for (let step = 0; step < maxSteps && !sim.completion; step++) {
    const screen = sim.screen!;
    io.say(`\n[${screen}] ${sim.title ?? ''}`);
    for (const c of sim.components) if (TEXT_TYPES.has(c.type)) io.say(`  ${[c.props.text].flat().join(' ')}`);
    let pending: Set<string> | undefined;
    for (let attempt = 1; ; attempt++) {
      await askInputs(sim, io, screen, pending);
      if (sim.screen !== screen || sim.completed) break;
      const list = sim.components.find((c) => c.type === 'NavigationList');
      if (list && !sim.components.some((c) => c.type === 'Footer')) {
        const items = (Array.isArray(list.props['list-items']) ? list.props['list-items'] : []).filter(isObject);
        items.forEach((item, i) => io.say(`  ${i + 1}) ${String(isObject(item['main-content']) ? item['main-content'].title : item.id)}`));
        const answer = (await io.ask(`${String(list.props.label ?? list.name)}: `)).trim();
        const item = items[Number(answer) - 1] ?? items.find((i) => i.id === answer);
        if (item) await sim.click(list.name ?? '', String(item.id));
        if (sim.screen !== screen || sim.completed) break; // a new screen: its header and fields come next
        continue;
      }
      try {
        await sim.submit();
        break;
      } catch (error) {
        if (!(error instanceof SimulatorInputError) || attempt >= MAX_ATTEMPTS) throw error;
        for (const f of error.failures) io.say(`  ✖ ${f.field}: ${f.message}`);
        pending = new Set(error.failures.map((f) => f.field));
        if (error.rule === 'footer-disabled') pending = new Set(sim.components.flatMap((c) => (c.name && inputKind(c.node) ? [c.name] : [])));
      }
    }
  }
  if (!sim.completion) throw new SimulatorError(`The flow did not complete within ${maxSteps} screens.`);
  return sim.completion;
}

async function askInputs(sim: FlowSimulator, io: InteractiveIO, screen: string, only: Set<string> | undefined): Promise<void> {
  const asked = new Set<string>();
  for (;;) {
    const next = sim.components.find((c) => c.name && inputKind(c.node) && c.props.enabled !== false && !asked.has(c.name) && (!only || only.has(c.name)));
    if (!next) return;
    asked.add(next.name!);
    for (;;) {
      const answer = await io.ask(question(next));
      if (answer.trim() === '') break;
      try {
        await sim.answer({ [next.name!]: parse(next, answer.trim()) });
        break;
      } catch (error) {
        if (!(error instanceof SimulatorInputError)) throw error;
        io.say(`  ✖ ${error.failures.map((f) => f.message).join('; ')}`);
      }
    }
    if (sim.screen !== screen || sim.completed) return;
  }
}

function question(c: VisibleComponent): string {
  const p = c.props;
  const label = isObject(p.label) ? `${String(p.label['start-date'])} – ${String(p.label['end-date'])}` : String(p.label ?? c.name);
  const kind = inputKind(c.node);
  const hint = kind === 'boolean' ? 'y/n' : kind === 'date' ? 'YYYY-MM-DD' : kind === 'date-range' ? 'START..END' : kind === 'media' ? 'file names, comma-separated' : kind === 'multi' ? 'numbers or ids, comma-separated' : (p['input-type'] ?? '');
  const items = kind === 'single' || kind === 'multi' ? dataSourceItems(p).map((i, n) => `\n    ${n + 1}) ${i.id} — ${i.title}${i.enabled ? '' : ' (disabled)'}`).join('') : '';
  return `  ${label}${p.required === true ? ' *' : ''}${hint ? ` (${String(hint)})` : ''}${items}\n  > `;
}

function parse(c: VisibleComponent, answer: string): unknown {
  const kind = inputKind(c.node);
  const items = dataSourceItems(c.props);
  const item = (s: string) => items[Number(s) - 1]?.id ?? s;
  const list = (s: string) => s.split(',').map((x) => x.trim()).filter(Boolean);
  if (kind === 'single') return item(answer);
  if (kind === 'multi') return list(answer).map(item);
  if (kind === 'boolean') return /^(y|yes|true|1)$/i.test(answer);
  if (kind === 'media') return list(answer);
  if (kind === 'date-range') {
    const [start, end] = answer.split(/\s*(?:\.\.|\s)\s*/);
    return { 'start-date': start, 'end-date': end };
  }
  return answer;
}
