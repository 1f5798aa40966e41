import type { FlowJsonRule } from '../../rule.js';

/** The data rules, one per file in this folder. */
export const DATA_RULES: FlowJsonRule[] = [];
