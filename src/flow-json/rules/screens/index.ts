import type { FlowJsonRule } from '../../rule.js';

/** The screens rules, one per file in this folder. */
export const SCREENS_RULES: FlowJsonRule[] = [];
