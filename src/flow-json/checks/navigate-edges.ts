import type { ActionModel } from '../model.js';
import type { JsonPath } from '../parse.js';
import { isObject } from '../values.js';

/** A navigate action whose `next` names a screen (whether or not that screen exists). */
export interface NavigateEdge {
  action: ActionModel;
  /** The screen holding the action (its id may be undefined when malformed). */
  source: string | undefined;
  /** `next.name`. */
  target: string;
  /** Path of `next.name`. */
  targetPath: JsonPath;
}

/** The navigate target of an action, or undefined when it is not a well-formed navigate to a screen. */
export function navigateEdge(action: ActionModel): NavigateEdge | undefined {
  if (action.name !== 'navigate') return undefined;
  const next = action.node.next;
  if (!isObject(next) || next.type !== 'screen' || typeof next.name !== 'string') return undefined;
  return { action, source: action.screen.id, target: next.name, targetPath: [...action.path, 'next', 'name'] };
}
