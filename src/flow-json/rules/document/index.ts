import type { FlowJsonRule } from '../../rule.js';
import { versionRule } from './version.js';

/** The document rules, one per file in this folder. */
export const DOCUMENT_RULES: FlowJsonRule[] = [versionRule];
