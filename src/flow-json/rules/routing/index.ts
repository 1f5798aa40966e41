import type { FlowJsonRule } from '../../rule.js';

/** The routing rules, one per file in this folder. */
export const ROUTING_RULES: FlowJsonRule[] = [];
