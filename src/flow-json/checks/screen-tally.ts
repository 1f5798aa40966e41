/**
 * Counting components on a screen the way the client shows them: the branches of an If or a Switch never show
 * together, so a branch counts for the most any one of them holds (as for Footers, §2.10: "max 1 per screen,
 * counting If/Switch branches"). Linear in the number of components; built from the shared model.
 */
import type { ComponentModel, ScreenModel } from '../model.js';

export type Tally = Map<string, number>;

/**
 * For each key, the most components with that key that one rendering of the screen can show. `keysOf` names what a
 * component counts as (its type, say; none when it does not count).
 */
export function tallyScreen(screen: ScreenModel, keysOf: (c: ComponentModel) => readonly string[]): Tally {
  // Without If or Switch every component shows: a plain count, no per-list maps (issue 13: most screens).
  if (!screen.components.some(isBranching)) {
    const total: Tally = new Map();
    for (const c of screen.components) for (const key of keysOf(c)) total.set(key, (total.get(key) ?? 0) + 1);
    return total;
  }
  const children = new Map<ComponentModel | undefined, ComponentModel[]>();
  for (const c of screen.components) {
    const list = children.get(c.parent);
    if (list) list.push(c);
    else children.set(c.parent, [c]);
  }
  const tally = (list: readonly ComponentModel[] | undefined): Tally => {
    const total: Tally = new Map();
    for (const c of list ?? []) {
      for (const key of keysOf(c)) total.set(key, (total.get(key) ?? 0) + 1);
      const inside = children.get(c);
      if (!inside) continue;
      if (c.type === 'If' || c.type === 'Switch') {
        const branches = new Map<string, ComponentModel[]>();
        for (const k of inside) {
          const b = branches.get(k.branch ?? '');
          if (b) b.push(k);
          else branches.set(k.branch ?? '', [k]);
        }
        const most: Tally = new Map();
        for (const b of branches.values()) for (const [k, n] of tally(b)) most.set(k, Math.max(most.get(k) ?? 0, n));
        add(total, most);
      } else add(total, tally(inside));
    }
    return total;
  };
  return tally(children.get(undefined));
}

function isBranching(c: ComponentModel): boolean {
  return c.type === 'If' || c.type === 'Switch';
}

function add(into: Tally, more: Tally): void {
  for (const [k, n] of more) into.set(k, (into.get(k) ?? 0) + n);
}
