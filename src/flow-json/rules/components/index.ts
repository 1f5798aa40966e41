import type { FlowJsonRule } from '../../rule.js';

/** The components rules, one per file in this folder. */
export const COMPONENTS_RULES: FlowJsonRule[] = [];
