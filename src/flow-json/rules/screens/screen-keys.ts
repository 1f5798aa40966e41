import type { Finding } from '../../diagnostics.js';
import { defineRule } from '../../rule.js';
import { isObject } from '../../values.js';
import { keyNotAllowed, missingProperty, wrongType } from '../../checks/document-messages.js';

const SCREEN_KEYS = new Set(['id', 'layout', 'title', 'terminal', 'success', 'refresh_on_back', 'data']);
/** Types of the scalar screen keys; `layout` and `sensitive` have their own rules. */
const KEY_TYPES: ReadonlyArray<[string, 'string' | 'boolean' | 'object']> = [
  ['id', 'string'],
  ['title', 'string'],
  ['terminal', 'boolean'],
  ['success', 'boolean'],
  ['refresh_on_back', 'boolean'],
  ['data', 'object'],
];

/**
 * Each screen is an object with only the documented keys (`sensitive` from 5.1), a string `id` and a `layout`,
 * and keys of the documented types (flows-platform §2.3).
 */
export const screenKeysRule = defineRule({
  id: 'flow-json/screen-keys',
  description: 'Screens are objects with id and layout and only the documented keys, each of its documented type.',
  severity: 'error',
  versions: 'all',
  evidence: 'flows-platform §2.3, §2.12 INVALID_PROPERTY_KEY',
  check(ctx) {
    const screens = ctx.flow.screens;
    if (!Array.isArray(screens)) return [];
    const allowSensitive = ctx.atLeast('5.1');
    const findings: Finding[] = [];
    screens.forEach((screen, index) => {
      const path = ['screens', index];
      if (!isObject(screen)) {
        findings.push(wrongType(path, 'object', screen));
        return;
      }
      for (const key of Object.keys(screen)) {
        if (!SCREEN_KEYS.has(key) && !(key === 'sensitive' && allowSensitive)) findings.push(keyNotAllowed(path, key));
      }
      if (screen.id === undefined) findings.push(missingProperty(path, 'id'));
      if (screen.layout === undefined) findings.push(missingProperty(path, 'layout'));
      for (const [key, type] of KEY_TYPES) {
        const value = screen[key];
        if (value === undefined) continue;
        const ok = type === 'object' ? isObject(value) : typeof value === type;
        if (!ok) findings.push(wrongType([...path, key], type, value));
      }
    });
    return findings;
  },
});
