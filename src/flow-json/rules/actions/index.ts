import type { FlowJsonRule } from '../../rule.js';

/** The actions rules, one per file in this folder. */
export const ACTIONS_RULES: FlowJsonRule[] = [];
