/**
 * Walking the flow screen by screen for `preview --screenshot`: fill the screen (given answers first, then the
 * simulator's generated ones), let the caller take its picture, then continue (Footer, or a NavigationList item).
 * Exposed on `window.metaPreview` for the screenshot runner; people click instead.
 */
import { autoAnswers } from '../../simulator/auto-answers.js';
import type { FlowAnswers } from '../../simulator/types.js';
import type { PreviewSession } from './session.js';

export interface PreviewWalker {
  /** The current state: the screen shown, whether the flow completed, and the error shown, if any. */
  state(): { screen: string | undefined; completed: boolean; notice: string | undefined };
  /** Enters the answers for the current screen (given, else generated). */
  fill(answers?: FlowAnswers): Promise<void>;
  /** Presses the Footer, or clicks the given `$click` target or the first NavigationList item. */
  advance(answers?: FlowAnswers): Promise<void>;
}

export function createWalker(session: PreviewSession, today: string): PreviewWalker {
  return {
    state: () => ({ screen: session.sim?.screen, completed: session.completion !== undefined, notice: session.notice?.message }),
    async fill(answers = {}) {
      const sim = session.sim;
      const screen = sim?.screen;
      if (!sim || screen === undefined) return;
      const given = Object.entries(answers[screen] ?? {}).filter(([k]) => k !== '$click' && sim.components.every((c) => c.name !== k || c.type !== 'NavigationList'));
      for (const [field, value] of given) await session.answer(field, value);
      const done = new Set(given.map(([k]) => k));
      for (let pass = 0; pass < 5 && sim.screen === screen; pass++) {
        const fresh = Object.entries(autoAnswers(sim, { today, answers })).filter(([f]) => !done.has(f));
        if (fresh.length === 0) break;
        for (const [field, value] of fresh) {
          done.add(field);
          await session.answer(field, value);
        }
      }
    },
    async advance(answers = {}) {
      const sim = session.sim;
      const screen = sim?.screen;
      if (!sim || screen === undefined) return;
      const click = answers[screen]?.$click;
      const list = sim.components.find((c) => c.type === 'NavigationList');
      const listAnswer = list?.name !== undefined ? answers[screen]?.[list.name] : undefined;
      if (typeof click === 'string') return session.click(click);
      if (sim.components.some((c) => c.type === 'Footer')) return session.submit();
      const first = Array.isArray(list?.props['list-items']) ? (list.props['list-items'] as Array<{ id?: unknown }>)[0]?.id : undefined;
      const item = typeof listAnswer === 'string' ? listAnswer : typeof first === 'string' ? first : undefined;
      if (list && item !== undefined) return session.click(list.name ?? '', item);
    },
  };
}
